import pytest
from PySide6.QtCore import QCoreApplication

from wadesk.cloud.template_messages import TemplateComponent, TemplateMessage, TextParameter
from wadesk.desktop.actions import ActionError, OutgoingActions
from wadesk.store import conversations, media_files, messages, notes, outbox, reactions

from .pseudo_translation import pseudo_translated

JONAS = "491701234567"


@pytest.fixture
def actions(inbox):
    ids = iter(f"client-{i}" for i in range(100))
    return OutgoingActions(inbox.conn, inbox.media_dir, "me", now=lambda: inbox.now, make_client_id=lambda: next(ids))


def test_a_text_is_echoed_as_pending_and_queued_in_one_go(inbox, actions):
    inbox.incoming(JONAS, "Hallo", wamid="wamid.Q")
    conversation = inbox.conversation_id(JONAS)
    result = actions.send_text(conversation, "  Gern, bis morgen! https://radhaus.berlin ", reply_to="wamid.Q")
    echo = messages.get_message(inbox.conn, result.message_id)
    assert (echo.status, echo.text, echo.client_id, echo.agent_id, echo.reply_to_wamid) == (
        "pending", "Gern, bis morgen! https://radhaus.berlin", "client-0", "me", "wamid.Q")
    [item] = outbox.list_outbox(inbox.conn)
    assert item.client_id == "client-0" and item.state == "queued"
    assert item.payload == {
        "v": 1, "op": "send", "conversation_id": conversation, "phone_number_id": "106540352242922",
        "to": {"wa_id": JONAS, "user_id": None}, "agent_id": "me",
        "message": {"type": "text", "text": {"body": "Gern, bis morgen! https://radhaus.berlin", "preview_url": True}},
        "context": {"message_id": "wamid.Q"},
    }
    with pytest.raises(ActionError) as refused:
        actions.send_text(conversation, "   ")
    assert refused.value.kind == "empty_message"


def test_media_is_checked_and_kept_encrypted_with_the_echo(inbox, actions, tmp_path):
    inbox.incoming(JONAS)
    conversation = inbox.conversation_id(JONAS)
    pdf = tmp_path / "Angebot.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
    result = actions.send_media(conversation, pdf, "Ihr Angebot")
    echo = messages.get_message(inbox.conn, result.message_id)
    assert (echo.type, echo.text, echo.media_filename, echo.media_mime) == (
        "document", "Ihr Angebot", "Angebot.pdf", "application/pdf")
    assert media_files.read_media(inbox.conn, echo.id, inbox.media_dir) == pdf.read_bytes()
    assert outbox.list_outbox(inbox.conn)[0].payload["message"] == {
        "type": "document", "document": {"caption": "Ihr Angebot", "filename": "Angebot.pdf"}}
    bad = tmp_path / "virus.exe"
    bad.write_bytes(b"MZ" + b"\0" * 100)
    with pytest.raises(ActionError, match="does not accept") as refused:
        actions.send_media(conversation, bad)
    assert refused.value.kind == "file_refused"


def test_templates_reactions_notes_and_assignments(inbox, actions):
    inbox.incoming(JONAS, "Danke!", wamid="wamid.T")
    conversation = inbox.conversation_id(JONAS)
    template = TemplateMessage("order_ready", "de", (TemplateComponent.body(TextParameter("Jonas")),))
    result = actions.send_template(conversation, template, "Hallo Jonas, Ihr Fahrrad ist fertig.")
    assert messages.get_message(inbox.conn, result.message_id).type == "template"
    assert actions.react(messages.get_message_by_wamid(inbox.conn, "wamid.T").id, "❤️")
    assert reactions.reactions_for(inbox.conn, [1])[1][0].emoji == "❤️"
    assert not actions.react(result.message_id, "👍")  # not accepted by WhatsApp yet: no wamid
    note = actions.add_note(conversation, "Ruft morgen an")
    assert note.id < 0 and notes.notes_for(inbox.conn, conversation)[0].text == "Ruft morgen an"
    assert actions.assign(conversation, "tobias")
    assert conversations.get_conversation(inbox.conn, conversation).assignee_id == "tobias"
    ops = [item.payload["op"] for item in outbox.list_outbox(inbox.conn)]
    assert ops == ["send", "send", "note", "assign"]
    assert outbox.list_outbox(inbox.conn)[2].payload["local_note_id"] == note.id


def test_a_failed_text_can_be_sent_again(inbox, actions):
    from wadesk.store import statuses

    inbox.incoming(JONAS)
    conversation = inbox.conversation_id(JONAS)
    first = actions.send_text(conversation, "Hallo?")
    outbox.mark_sent(inbox.conn, "client-0")
    statuses.apply_status(inbox.conn, status="failed", ts=inbox.now, client_id="client-0", error_reason="x")
    again = actions.retry(first.message_id)
    assert again.created and again.message_id != first.message_id
    assert [i.client_id for i in outbox.list_outbox(inbox.conn)] == ["client-1"]
    assert actions.retry(again.message_id) is None  # only failed messages


def test_a_first_template_to_a_number_is_planned_without_writing_and_queued_by_its_write(inbox, actions):
    inbox.incoming(JONAS)  # the replica knows the business number from this conversation
    template = TemplateMessage("hello_world", "en_US")
    with pytest.raises(ActionError) as refused:
        actions.plan_start_conversation("+49 151", template)
    assert refused.value.kind == "not_a_number"
    changes = inbox.conn.total_changes
    write = actions.plan_start_conversation("+49 151 23456789", template)
    assert inbox.conn.total_changes == changes and outbox.list_outbox(inbox.conn) == []  # planning writes nothing
    assert write(inbox.conn) == "client-0"
    [item] = outbox.list_outbox(inbox.conn)
    assert item.client_id == "client-0" and item.payload == {
        "v": 1, "op": "send", "conversation_id": None, "phone_number_id": "106540352242922",
        "to": {"wa_id": "4915123456789", "user_id": None}, "agent_id": "me",
        "message": {"type": "template", "template": template.to_payload()},
    }


# -- refusals: a sentence in the user's language, a stable kind ---------------------------

NUMBER = "“%1” is not a phone number WhatsApp can reach: type it with the country code, 8 to 15 digits in all."
GONE = ("This conversation is no longer on this computer (it may have been erased), "
        "so nothing was sent or changed.")
UNREADABLE = "“%1” can no longer be opened (was it moved or deleted?), so it was not sent."
NOTE_TOO_LONG = "A note can have at most %1 characters; this one has %2."


def refusals(actions, inbox, tmp_path) -> dict[str, ActionError]:
    """Every refusal a user can meet, by its kind."""
    inbox.incoming(JONAS)
    conversation = inbox.conversation_id(JONAS)
    pdf = tmp_path / "Angebot.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    read_later = actions.plan_send_media(conversation, pdf)
    pdf.unlink()  # gone between pressing send and the database thread reading it
    attempts = {
        "empty_message": lambda: actions.plan_send_text(conversation, " \n "),
        "empty_note": lambda: actions.plan_add_note(conversation, "   "),
        "note_too_long": lambda: actions.plan_add_note(conversation, "x" * 5000),
        "not_a_number": lambda: actions.plan_start_conversation(" +49 151 ", TemplateMessage("hello_world", "en_US")),
        "conversation_gone": lambda: actions.plan_send_text(conversation + 99, "Hallo"),
        "file_refused": lambda: actions.plan_send_media(conversation, tmp_path / "fehlt.pdf"),
        "file_unreadable": lambda: read_later(inbox.conn),
    }
    found = {}
    for kind, attempt in attempts.items():
        with pytest.raises(ActionError) as refused:
            attempt()
        assert refused.value.kind == kind
        found[kind] = refused.value
    assert outbox.list_outbox(inbox.conn) == []  # a refusal writes nothing
    return found


def test_every_refusal_says_why_in_plain_english(english, inbox, actions, tmp_path):
    texts = {kind: str(error) for kind, error in refusals(actions, inbox, tmp_path).items()}
    assert texts == {
        "empty_message": "There is nothing to send: the message is empty.",
        "empty_note": "There is nothing to keep: the note is empty.",
        "note_too_long": "A note can have at most 4096 characters; this one has 5000.",
        "not_a_number": "“+49 151” is not a phone number WhatsApp can reach: type it with the country code, "
                        "8 to 15 digits in all.",
        "conversation_gone": GONE,
        "file_refused": "“fehlt.pdf” cannot be read.",  # attachments.py's own sentence
        "file_unreadable": "“Angebot.pdf” can no longer be opened (was it moved or deleted?), so it was not sent.",
    }


def test_every_refusal_goes_through_the_catalogue(english, inbox, actions, tmp_path):
    with pseudo_translated("Actions", "attachments") as tr:
        found = refusals(actions, inbox, tmp_path)
        texts = {kind: error.text for kind, error in found.items()}
        assert texts["not_a_number"] == QCoreApplication.translate("Actions", NUMBER).replace("%1", "+49 151")
    # The values go in after translating, the words are the catalogue's (context "Actions").
    assert texts == {
        "empty_message": tr("Actions", "There is nothing to send: the message is empty."),
        "empty_note": tr("Actions", "There is nothing to keep: the note is empty."),
        "note_too_long": tr("Actions", NOTE_TOO_LONG).replace("%1", "4096").replace("%2", "5000"),
        "not_a_number": tr("Actions", NUMBER).replace("%1", "+49 151"),
        "conversation_gone": tr("Actions", GONE),
        "file_refused": tr("attachments", "“%1” cannot be read.").replace("%1", "fehlt.pdf"),
        "file_unreadable": tr("Actions", UNREADABLE).replace("%1", "Angebot.pdf"),
    }
    assert all(text.startswith("[de] ") for text in texts.values())


def test_a_file_name_that_looks_like_a_placeholder_is_kept_as_it_is(english, inbox, actions, tmp_path):
    inbox.incoming(JONAS)
    odd = tmp_path / "%2 Rechnung.pdf"
    odd.write_bytes(b"%PDF-1.4\n%%EOF\n")
    write = actions.plan_send_media(inbox.conversation_id(JONAS), odd)
    odd.unlink()
    with pytest.raises(ActionError) as refused:
        write(inbox.conn)
    assert str(refused.value) == UNREADABLE.replace("%1", "%2 Rechnung.pdf")
