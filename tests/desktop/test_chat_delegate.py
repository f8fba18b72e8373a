"""The bubble layout is ONE function: sizeHint, paint and hit-testing must agree."""

import json
import time

import pytest
from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

from wadesk.desktop.models.chat_model import ChatModel
from wadesk.desktop.views.bubble_layout import hit_test, layout_item
from wadesk.desktop.views.chat_delegate import ChatDelegate
from wadesk.desktop.views.chat_view import ChatView
from wadesk.store import notes, reactions, statuses
from wadesk.store.ingest import MediaInfo

JONAS = "491701234567"
SENTINEL = QColor("#ff00ff")


@pytest.fixture
def chat(english, qtbot, inbox, team):
    day = 86_400
    inbox.incoming(JONAS, "Hallo! *Mein* Hinterrad _eiert_. Siehe https://radhaus.berlin/hilfe", name="Jonas Müller",
                   ts=inbox.now - day, wamid="wamid.A")
    inbox.outgoing(JONAS, "Schick uns gern ein Foto.", ts=inbox.now - day + 60, agent_id="tobias", reply_to="wamid.A",
                   wamid="wamid.B")
    inbox.incoming(JONAS, "So sieht es aus", type="image", media=MediaInfo("m1", "image/jpeg", 48_000),
                   ts=inbox.now - 600)
    inbox.incoming(JONAS, None, type="document", media=MediaInfo("m2", "application/pdf", 793, "Kaufbeleg.pdf"),
                   ts=inbox.now - 500)
    inbox.incoming(JONAS, None, type="audio", media=MediaInfo("m3", "audio/ogg; codecs=opus", 9_000),
                   ts=inbox.now - 450)
    loc = {"location": {"latitude": 52.5, "longitude": 13.45, "name": "Zuhause", "address": "Simon-Dach-Str. 12"}}
    inbox.incoming(JONAS, None, type="location", raw_json=json.dumps(loc), ts=inbox.now - 400)
    inbox.incoming(JONAS, None, type="order", ts=inbox.now - 300)  # not supported
    reactions.set_reaction(inbox.conn, target_wamid="wamid.B", reactor="customer", emoji="👍", ts=inbox.now)
    conversation = inbox.conversation_id(JONAS)
    notes.upsert_note(inbox.conn, conversation, "Stammkunde, 10 % Rabatt", author_id="mia", ts=inbox.now - 200)
    inbox.outgoing(JONAS, "Bis morgen!", ts=inbox.now - 100, status="sent", wamid="wamid.LAST")
    model = ChatModel(inbox.conn, team)
    model.open(conversation, "Jonas Müller")
    view = ChatView(ChatDelegate())
    view.setModel(model)
    view.resize(800, 600)
    qtbot.addWidget(view)
    view.show()
    return view, model, view.itemDelegate()


def option_for(view, row):
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(view.model().index(row, 0))
    return option


def render_row(view, delegate, row, extra=30):
    option = option_for(view, row)
    index = view.model().index(row, 0)
    size = delegate.sizeHint(option, index)
    image = QImage(size.width(), size.height() + extra, QImage.Format.Format_ARGB32)
    image.fill(SENTINEL)
    option.rect = QRect(0, 0, size.width(), size.height())
    painter = QPainter(image)
    delegate.paint(painter, option, index)
    painter.end()
    return image, size


def test_size_hint_is_the_height_paint_uses(chat):
    view, model, delegate = chat
    assert model.rowCount() == 9
    width = view.viewport().width()
    for row in range(model.rowCount()):
        item = model.item(row)
        option = option_for(view, row)
        hint = delegate.sizeHint(option, model.index(row, 0))
        fresh = layout_item(item, width, delegate.style_for(option.font), int(time.time()))
        assert hint.height() == int(fresh.height)
        assert delegate.layout_for(item, width, option.font) is delegate.cache.get(
            item, width, delegate.style_for(option.font), 0)  # paint's layout is the cached one
        image, size = render_row(view, delegate, row)
        below = [image.pixelColor(x, y) for y in range(size.height(), image.height()) for x in range(0, size.width(), 7)]
        assert all(c == SENTINEL for c in below), f"row {row} ({item.kind}) paints below its size hint"
        painted = [image.pixelColor(x, y) != SENTINEL for y in range(0, size.height(), 3) for x in range(0, size.width(), 5)]
        assert any(painted), f"row {row} painted nothing"


def test_links_media_and_quotes_are_hit_where_they_are_painted(chat):
    view, model, delegate = chat
    width = view.viewport().width()
    first = model.item(0)
    layout = delegate.layout_for(first, width, view.font())
    anchor_block = layout.doc.find("https://radhaus.berlin/hilfe")
    rect = layout.doc.documentLayout().blockBoundingRect(anchor_block.block())
    # Probe along the text's last line for the anchor.
    hits = {hit_test(layout, first, QPointF(layout.text_pos.x() + x, layout.text_pos.y() + rect.bottom() - 4))
            for x in range(0, int(layout.doc.idealWidth()), 4)}
    assert any(h is not None and h.kind == "link" and h.value == "https://radhaus.berlin/hilfe" for h in hits)
    photo_row = next(r for r in range(model.rowCount()) if model.item(r).kind == "photo")
    photo = model.item(photo_row)
    layout = delegate.layout_for(photo, width, view.font())
    assert hit_test(layout, photo, layout.media_rect.center()).kind == "media"
    reply = model.item(1)
    layout = delegate.layout_for(reply, width, view.font())
    assert hit_test(layout, reply, layout.quote_rect.center()).value == "wamid.A"
    location = next(model.item(r) for r in range(model.rowCount()) if model.item(r).kind == "location")
    layout = delegate.layout_for(location, width, view.font())
    hit = hit_test(layout, location, layout.media_rect.center())
    assert hit.kind == "link" and "openstreetmap.org" in hit.value and "52.5" in hit.value


def test_clicking_a_link_opens_it(chat, qtbot, monkeypatch):
    view, model, delegate = chat
    opened = []
    monkeypatch.setattr("wadesk.desktop.views.chat_delegate.QDesktopServices.openUrl", lambda url: opened.append(url.toString()))
    view.scrollToTop()
    qtbot.wait(50)
    rect = view.visualRect(model.index(0, 0))
    layout = delegate.layout_for(model.item(0), view.viewport().width(), view.font())
    for x in range(0, int(layout.doc.idealWidth()), 4):
        point = QPointF(rect.topLeft()) + layout.text_pos + QPointF(x, layout.doc.size().height() - 6)
        hit = hit_test(layout, model.item(0), point - QPointF(rect.topLeft()))
        if hit is not None and hit.kind == "link":
            qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point.toPoint())
            break
    assert opened == ["https://radhaus.berlin/hilfe"]


def test_ticks_change_when_a_status_is_applied(chat, inbox):
    view, model, delegate = chat
    row = model.rowCount() - 1
    key = model.item(row).key
    assert model.data(model.index(row, 0), ChatModel.StatusRole) == "sent"
    before, _ = render_row(view, delegate, row)
    statuses.apply_status(inbox.conn, status="read", ts=inbox.now, wamid="wamid.LAST")
    model.refresh_message(model.item(row).message_id)
    assert model.data(model.index(row, 0), ChatModel.StatusRole) == "read"
    assert key not in delegate.cache  # the changed bubble's layout was dropped
    after, _ = render_row(view, delegate, row)
    assert before != after
    blue = QColor("#53bdeb")
    def has_blue(image):
        return any(abs(image.pixelColor(x, y).blue() - blue.blue()) < 20 and abs(image.pixelColor(x, y).red() - blue.red()) < 30
                   for y in range(image.height()) for x in range(image.width() - 80, image.width()))
    assert not has_blue(before) and has_blue(after)


def test_failed_messages_explain_themselves(chat, inbox):
    view, model, delegate = chat
    statuses.apply_status(inbox.conn, status="failed", ts=inbox.now, wamid="wamid.LAST", error_code=131026,
                          error_reason="Message undeliverable")
    row = model.rowCount() - 1
    model.refresh_message(model.item(row).message_id)
    item = model.item(row)
    layout = delegate.layout_for(item, view.viewport().width(), view.font())
    hit = hit_test(layout, item, layout.footer_rect.center())
    assert hit.kind == "status"
    # Meta's developer wording gives way to the sentence for its code (in the UI's language)
    assert "WhatsApp could not deliver this message" in delegate.tooltip(item, hit)
    assert layout.footer_text.startswith("Not delivered")
    # (a code without a sentence keeps Meta's text: test_failure_texts.py)
