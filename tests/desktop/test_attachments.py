from wadesk.cloud.media import MediaKind
from wadesk.desktop.attachments import Attachment, check_attachment


def test_supported_files_pass_with_their_kind(english, tmp_path):
    photo = tmp_path / "rad.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 100)
    checked = check_attachment(photo)
    assert isinstance(checked, Attachment)
    assert (checked.mime, checked.kind, checked.message_type) == ("image/jpeg", MediaKind.IMAGE, "image")


def test_refusals_say_why_in_plain_words(english, tmp_path):
    assert "cannot be read" in check_attachment(tmp_path / "fehlt.pdf")
    assert "folder" in check_attachment(tmp_path)
    empty = tmp_path / "leer.pdf"
    empty.write_bytes(b"")
    assert check_attachment(empty) in ("“leer.pdf” is empty.",) or "does not accept" in check_attachment(empty)
    video = tmp_path / "lang.mp4"
    video.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * (17 * 1024 * 1024))
    assert check_attachment(video) == "“lang.mp4” is 17.0 MB; WhatsApp accepts videos up to 16.0 MB."
    zipped = tmp_path / "fotos.zip"
    zipped.write_bytes(b"PK\x03\x04" + b"\x00" * 50)
    assert "does not accept this kind of file (“fotos.zip”)" in check_attachment(zipped)
