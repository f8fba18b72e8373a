"""Files both ways: a customer's photo is fetched into the encrypted media store, and a
file the user attaches is uploaded through the relay and sent."""

from pathlib import Path

from wadesk.sim.samples import sample_bytes
from wadesk.store import media_files, messages

WAIT = 10_000


def test_a_customers_photo_is_downloaded_and_a_document_goes_out(desktop, sim_api, qtbot, tmp_path):
    lena = desktop("Lena")
    window = lena.window
    sim_api.post("/customers/jonas/say", json={"type": "image", "file": "hinterrad.jpg",
                                               "caption": "So sieht es aus"}).raise_for_status()
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1, timeout=WAIT)
    conversation = window.list_model.conversation_id(0)
    window.open_conversation(conversation)
    model = window.chat_page.model

    def photo():
        item = model.item(0)
        return messages.get_message(lena.conn, item.message_id) if item is not None else None

    qtbot.waitUntil(lambda: photo() is not None and photo().media_file is not None, timeout=WAIT)
    stored = media_files.read_media(lena.conn, photo().id, lena.paths.media)
    assert stored == sample_bytes("hinterrad.jpg")
    assert all(sample_bytes("hinterrad.jpg")[:64] not in f.read_bytes() for f in lena.paths.media.iterdir())

    offer = tmp_path / "Angebot.pdf"
    offer.write_bytes(sample_bytes("kaufbeleg.pdf"))
    window.chat_page.send_media.emit(conversation, str(offer), "Das Angebot", "")
    qtbot.waitUntil(lambda: model.item(model.rowCount() - 1).status in ("sent", "delivered", "read"), timeout=WAIT)
    sent = sim_api.get("/messages").json()["data"]
    assert [(m["type"], m["request"]["document"].get("filename")) for m in sent] == [("document", "Angebot.pdf")]
    assert Path(offer).exists()  # the user's own file is left alone


def test_a_file_one_colleague_sends_opens_on_the_others_desktop(desktop, sim_api, qtbot, tmp_path):
    lena, tom = desktop("Lena", "owner"), desktop("Tom", "agent")
    sim_api.post("/customers/jonas/say", json={"type": "text", "text": "Schicken Sie mir das Angebot?"}).raise_for_status()
    for d in (lena, tom):
        qtbot.waitUntil(lambda d=d: d.window.list_model.rowCount() == 1, timeout=WAIT)
    conversation = lena.window.list_model.conversation_id(0)
    offer = tmp_path / "Angebot.pdf"
    offer.write_bytes(sample_bytes("kaufbeleg.pdf"))
    lena.window.open_conversation(conversation)
    lena.window.chat_page.send_media.emit(conversation, str(offer), "Das Angebot", "")

    def toms_copy():
        found = [m for m in messages.page_messages(tom.conn, tom.window.list_model.conversation_id(0), limit=10)
                 if m.direction == "out"]
        return found[0] if found else None

    qtbot.waitUntil(lambda: toms_copy() is not None and toms_copy().media_file is not None, timeout=WAIT)
    assert media_files.read_media(tom.conn, toms_copy().id, tom.paths.media) == sample_bytes("kaufbeleg.pdf")
