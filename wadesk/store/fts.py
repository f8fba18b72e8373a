"""Turning what a user typed into a safe FTS5 query.

User input never reaches FTS5's query language as syntax: every word becomes a quoted
string, so quotes, stars, parentheses, NEAR, AND/OR/NOT or a lone "-" are searched as
text and can never raise. Words are ANDed (a word with ß or ss matches both spellings); the last one matches by prefix while the
user is still typing it.
"""

from __future__ import annotations

# Long pastes make huge queries of no use to anyone.
MAX_WORDS = 16


def fts_query(text: str, *, prefix: bool = True, all_prefix: bool = False) -> str | None:
    """A safe FTS5 MATCH expression for what the user typed, or None (nothing to find).

    With `prefix`, the last word matches by prefix unless the input ends in a space
    (the word is finished); with `all_prefix`, every word does (contact names)."""
    # A NUL would end the query string inside FTS5's parser; control characters are
    # never part of a word anyway.
    text = "".join(" " if ord(ch) < 32 else ch for ch in text)
    words = [word for word in text.split() if any(ch.isalnum() for ch in word)][:MAX_WORDS]
    if not words:
        return None
    finished = text[-1:].isspace()
    quoted = []
    for index, word in enumerate(words):
        last = index == len(words) - 1
        star = "*" if all_prefix or (prefix and last and not finished) else ""
        spellings = [word, *_sharp_s_variants(word)]
        phrases = ['"' + spelling.replace('"', '""') + '"' + star for spelling in spellings]
        quoted.append(phrases[0] if len(phrases) == 1 else "(" + " OR ".join(phrases) + ")")
    # Explicit AND: FTS5 joins bare phrases implicitly, but not a (… OR …) group.
    return " AND ".join(quoted)


def _sharp_s_variants(word: str) -> list[str]:
    """The other spelling of a word with ß or ss.

    unicode61 folds ü to u but keeps ß as it is, and people type "Strasse" for
    "Straße" (no ß on the keyboard, or Swiss spelling), or the other way round. So the
    query asks for both spellings."""
    lower = word.lower()
    if "ß" in lower:
        return [lower.replace("ß", "ss")]
    if "ss" in lower:
        return [lower.replace("ss", "ß")]
    return []
