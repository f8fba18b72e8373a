import pytest

from wadesk.cloud.template_messages import TemplateComponent, TemplateMessage, TextParameter
from wadesk.desktop.actions import ActionError, OutgoingActions
from wadesk.store import conversations, media_files, messages, notes, outbox, reactions

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
    with pytest.raises(ActionError):
        actions.send_text(conversation, "   ")


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
    with pytest.raises(ActionError, match="does not accept"):
        actions.send_media(conversation, bad)


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
    with pytest.raises(ActionError, match="not a WhatsApp number"):
        actions.plan_start_conversation("+49 151", template)
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
