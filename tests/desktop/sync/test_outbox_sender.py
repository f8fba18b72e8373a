from wadesk.desktop.sync.outbox_sender import send_body
from wadesk.store.outbox import OutboxItem


def item(payload):
    return OutboxItem(1, "wd-0123456789", payload, "sending", 1, 0, None, 0, 0)


TEXT = {"v": 1, "op": "send", "conversation_id": 5, "phone_number_id": "106540352242922",
        "to": {"wa_id": "491701234567", "user_id": None}, "agent_id": "7",
        "message": {"type": "text", "text": {"body": "Hallo", "preview_url": False}}}


def test_a_send_goes_to_the_relays_conversation_id_when_known():
    assert send_body(item(TEXT), 41) == {"client_id": "wd-0123456789", "type": "text",
                                         "text": {"body": "Hallo", "preview_url": False}, "conversation_id": 41}


def test_without_the_relays_id_it_goes_by_the_customers_number_and_keeps_the_reply():
    payload = dict(TEXT, context={"message_id": "wamid.Q"})
    body = send_body(item(payload), None)
    assert body["to"] == {"phone_number_id": "106540352242922", "wa_id": "491701234567", "user_id": None}
    assert "conversation_id" not in body and body["reply_to"] == "wamid.Q"


def test_an_uploaded_file_is_named_by_its_media_id():
    payload = dict(TEXT, message={"type": "document", "document": {"caption": "Angebot", "filename": "a.pdf"}})
    body = send_body(item(payload), 41, media_id="987")
    assert body["document"] == {"caption": "Angebot", "filename": "a.pdf", "id": "987"}
