"""A row of the conversation list shows the customer's number when the name does not
say it, and the assignee by first name (a person glyph in front), not initials."""

import os

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QListView

from wadesk.desktop.models.conversation_list_model import ConversationListModel as M
from wadesk.desktop.team import TeamDirectory
from wadesk.desktop.views.conversation_delegate import (
    ConversationDelegate,
    assignee_short_name,
    number_shown,
    row_tooltip,
)
from wadesk.store import conversations


def render(view: QListView, name: str) -> QImage:
    image = view.viewport().grab().toImage()
    if os.environ.get("WADESK_SCREENSHOTS"):  # to look at it: WADESK_SCREENSHOTS=/tmp/shots
        image.save(os.path.join(os.environ["WADESK_SCREENSHOTS"], f"conversation_rows_{name}.png"))
    return image


def test_rows_show_the_number_and_the_assignees_first_name(english, qtbot, inbox):
    team = TeamDirectory("me", {"me": "Lena Schmidt", "demo": "Demo"})
    inbox.incoming("491701234567", "Hallo, mein Hinterrad eiert!", name="Jonas Müller", ts=inbox.now - 60)
    inbox.incoming("4915234567890", "Ist heute offen?", ts=inbox.now - 90)  # no name: the number is the name
    conversations.set_assignee(inbox.conn, inbox.conversation_id("491701234567"), "demo")
    model = M(inbox.conn, team, now=lambda: inbox.now)
    jonas, nameless = model.index(0, 0), model.index(1, 0)
    assert model.data(jonas, M.NameRole) == "Jonas Müller"

    assert number_shown(jonas) == "+49 170 1234567"
    assert number_shown(nameless) == ""  # said once is enough
    assert assignee_short_name(jonas) == "Demo"  # not "DE", which reads like a country code
    assert assignee_short_name(nameless) == ""
    assert row_tooltip(jonas).startswith("Jonas Müller (+49 170 1234567), 1 unread message, assigned to Demo")
    assert row_tooltip(nameless).startswith("+49 152 34567890")
    assert "(" not in row_tooltip(nameless)

    view = QListView()
    view.setModel(model)
    view.setItemDelegate(ConversationDelegate(view))
    view.setUniformItemSizes(True)
    view.resize(QSize(420, 200))
    qtbot.addWidget(view)
    view.show()
    image = render(view, "wide")
    # Something muted is painted right after the name on the first line: the number.
    row = view.visualRect(jonas)
    y_range = range(row.top() + 16, row.top() + 32)
    x_start = 12 + 48 + 14 + 110  # well after "Jonas Müller"
    painted = [(x, y) for x in range(x_start, x_start + 90) for y in y_range
               if image.pixelColor(x, y).lightness() < 200]
    assert painted, "the number is not painted after the name"
    narrow = QListView()
    narrow.setModel(model)
    narrow.setItemDelegate(ConversationDelegate(narrow))
    narrow.resize(QSize(260, 200))
    qtbot.addWidget(narrow)
    narrow.show()
    render(narrow, "narrow")  # too narrow for the number: the row still paints (the tooltip has it)
