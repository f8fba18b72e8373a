"""Full-text search: diacritics, newest first, keyset pages, safe user input."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wadesk.store.fts import fts_query
from wadesk.store.ingest import apply_messages
from wadesk.store.search import search_messages

from .factories import image, incoming


@pytest.fixture
def texts(conn: Any) -> Any:
    apply_messages(conn, [
        incoming("Herr Müller fragt nach der Rechnung", ts=1),
        incoming("Die Straße ist gesperrt 🚧", ts=2),
        incoming("Rechnungsadresse geändert", ts=3),
        incoming("Can you send the invoice?", ts=4),
        incoming("Grüße aus Köln", ts=5, n=2),
        image("Foto vom Schaden", ts=6),
        incoming("Noch eine Rechnung bitte", ts=7, n=2),
    ])
    return conn


def _texts(hits: list) -> list[str]:
    return [hit.text for hit in hits]


def test_diacritics_are_ignored_both_ways(texts: Any) -> None:
    assert _texts(search_messages(texts, "Muller")) == ["Herr Müller fragt nach der Rechnung"]
    assert _texts(search_messages(texts, "müller")) == ["Herr Müller fragt nach der Rechnung"]
    assert _texts(search_messages(texts, "Straße")) == ["Die Straße ist gesperrt 🚧"]
    assert _texts(search_messages(texts, "gruße koln")) == ["Grüße aus Köln"]


def test_sharp_s_and_ss_find_each_other(texts: Any, conn: Any) -> None:
    # Typed without ß (no such key, or Swiss spelling): still found.
    assert _texts(search_messages(texts, "strasse")) == ["Die Straße ist gesperrt 🚧"]
    assert _texts(search_messages(texts, "Grusse aus")) == ["Grüße aus Köln"]
    assert _texts(search_messages(texts, "Strass")) == ["Die Straße ist gesperrt 🚧"]
    apply_messages(conn, [incoming("Schöne Grüsse aus Zürich", ts=9)])
    assert _texts(search_messages(conn, "grüße ")) == ["Schöne Grüsse aus Zürich", "Grüße aus Köln"]


def test_newest_first_with_prefix_on_the_last_word(texts: Any) -> None:
    assert _texts(search_messages(texts, "rechnung")) == [
        "Noch eine Rechnung bitte",
        "Rechnungsadresse geändert",
        "Herr Müller fragt nach der Rechnung",
    ]
    # A finished word (trailing space) or prefix=False matches whole words only.
    exact = ["Noch eine Rechnung bitte", "Herr Müller fragt nach der Rechnung"]
    assert _texts(search_messages(texts, "rechnung ")) == exact
    assert _texts(search_messages(texts, "rechnung", prefix=False)) == exact


def test_one_letter_being_typed_finds_no_messages_yet(texts: Any) -> None:
    # Almost every message has a word starting with "r": nobody waits for that list.
    assert search_messages(texts, "r") == []
    assert _texts(search_messages(texts, "re")) == [
        "Noch eine Rechnung bitte", "Rechnungsadresse geändert", "Herr Müller fragt nach der Rechnung",
    ]
    # Finished words before it are still searched, as whole words.
    assert _texts(search_messages(texts, "rechnung b")) == _texts(search_messages(texts, "rechnung "))
    # A one-letter word that is finished, or asked for without prefix, is searched.
    apply_messages(texts, [incoming("Plan B steht", ts=8)])
    assert _texts(search_messages(texts, "b ")) == ["Plan B steht"]
    assert _texts(search_messages(texts, "b", prefix=False)) == ["Plan B steht"]


def test_keyset_pages(texts: Any) -> None:
    first = search_messages(texts, "rechnung", limit=2)
    rest = search_messages(texts, "rechnung", before_id=first[-1].id, limit=2)
    assert _texts(first + rest) == _texts(search_messages(texts, "rechnung"))
    assert len(rest) == 1


def test_within_one_conversation(texts: Any) -> None:
    hits = search_messages(texts, "rechnung")
    other = hits[0].conversation_id
    assert _texts(search_messages(texts, "rechnung", conversation_id=other)) == ["Noch eine Rechnung bitte"]


def test_captions_are_searchable(texts: Any) -> None:
    assert search_messages(texts, "schaden")[0].type == "image"


@pytest.mark.parametrize(
    "typed",
    ['"', '"Rechnung', "Rechnung*", "NEAR(a b)", "a OR b", "NOT x", "-", "(", ")", "^", ":",
     "col:Rechnung", "text:x", "AND", "a AND", "*", '""', "'", "\\", "{x}", "😀", "   ", "",
     "Rechnung\x00", "e-mail", "don't"],
)
def test_fts_syntax_in_user_input_never_raises(texts: Any, typed: str) -> None:
    search_messages(texts, typed)


def test_operators_are_searched_as_words(conn: Any) -> None:
    apply_messages(conn, [incoming("this OR that"), incoming("this and more")])
    assert _texts(search_messages(conn, "this OR")) == ["this OR that"]


# Searching only reads, so one store serves every example.
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40))
def test_any_text_is_a_safe_query(texts: Any, typed: str) -> None:
    search_messages(texts, typed)


def test_deleted_words_leave_the_index_itself(conn: Any) -> None:
    # FTS5 secure-delete: no delete markers that leave the old words in old segments.
    for table in ("message_fts", "contact_fts"):
        config = dict(conn.execute(f"SELECT k, v FROM {table}_config").fetchall())
        assert config["secure-delete"] == 1


def test_query_building() -> None:
    assert fts_query("  ") is None
    assert fts_query("Müller Rech") == '"Müller" AND "Rech"*'
    assert fts_query('say "hi"') == '"say" AND """hi"""*'
    assert fts_query("done ") == '"done"'
    assert fts_query("strasse 5") == '("strasse" OR "straße") AND "5"*'
    assert fts_query("Straße") == '("Straße"* OR "strasse"*)'
    assert fts_query("a b", prefix=False) == '"a" AND "b"'
    assert fts_query("a b", all_prefix=True) == '"a"* AND "b"*'
    assert fts_query(" ".join(["w"] * 100)).count('"w"') == 16
