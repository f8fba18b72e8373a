"""What the app says when it cannot start: one text per known problem, in the user's
language, each with what to do next. Error classes keep their English texts for logs
and the command line; these are the words shown in the window."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from wadesk import secrets
from wadesk.desktop.local_relay import LocalRelayError
from wadesk.store import errors

# The first class that matches wins: subclasses before their bases.
_TEXTS: tuple[tuple[type[BaseException], str], ...] = (
    (secrets.NoKeychainError, QT_TRANSLATE_NOOP(
        "StartErrors",
        "This computer has no usable keychain to keep wadesk's database key. Start "
        "wadesk again and choose a passphrase when asked; you will type it each time "
        "wadesk starts.")),
    (secrets.KeychainLostKeyError, QT_TRANSLATE_NOOP(
        "StartErrors",
        "The key to your message history is missing from this computer's keychain, so"
        " the history cannot be opened. Restore the keychain from a backup, or start "
        "a new profile: your team's relay still has the messages and syncs them "
        "again.")),
    (secrets.SecretsError, QT_TRANSLATE_NOOP(
        "StartErrors",
        "The keychain of this computer did not answer. Unlock it (log out and in "
        "again, or open the keychain program), then start wadesk again.")),
    (errors.DatabaseFromFutureError, QT_TRANSLATE_NOOP(
        "StartErrors",
        "This history was written by a newer version of wadesk. Install the newest "
        "version of wadesk to open it.")),
    (errors.WrongKeyError, QT_TRANSLATE_NOOP(
        "StartErrors",
        "The key in the keychain does not open this history. Restore the keychain "
        "from a backup, or start a new profile: your team's relay still has the "
        "messages.")),
    (errors.CorruptDatabaseError, QT_TRANSLATE_NOOP(
        "StartErrors",
        "The history on this computer is damaged. Start a new profile: your team's "
        "relay still has the messages and syncs them again.")),
    (errors.DiskFullError, QT_TRANSLATE_NOOP(
        "StartErrors",
        "The disk is full. Free some space (empty the recycle bin, delete large "
        "files), then start wadesk again.")),
    (errors.DatabaseBusyError, QT_TRANSLATE_NOOP(
        "StartErrors",
        "Another program holds the history open, perhaps wadesk itself. Close other "
        "wadesk windows (or restart the computer), then start wadesk again.")),
    (errors.StorageAccessError, QT_TRANSLATE_NOOP(
        "StartErrors",
        "wadesk may not read or write its folder. Check that the disk is connected "
        "and that you may write to your user folder, then start wadesk again.")),
    (errors.RoleMismatchError, QT_TRANSLATE_NOOP(
        "StartErrors",
        "This file is not the history of a wadesk desktop (perhaps a relay's "
        "database). Start a new profile.")),
    (errors.DatabaseMissingError, QT_TRANSLATE_NOOP(
        "StartErrors",
        "The history file is missing. Start wadesk again to make a new one: your "
        "team's relay still has the messages.")),
)
# What the relay inside this PC (one-PC shops) reports, by LocalRelayError.kind.
_LOCAL_RELAY_TEXTS = {
    "port_taken": QT_TRANSLATE_NOOP(
        "StartErrors",
        "Another program already uses port %1 on this computer, so wadesk cannot "
        "receive your WhatsApp messages. Close that program (or a wadesk that is "
        "still open) and start wadesk again."),
    "no_keychain": QT_TRANSLATE_NOOP(
        "StartErrors",
        "This computer has no keychain where wadesk could keep your WhatsApp access "
        "token safely, so it cannot receive messages itself. Use a computer with a "
        "keychain, or run a relay on a server."),
    "secrets_missing": QT_TRANSLATE_NOOP(
        "StartErrors",
        "Your WhatsApp access token or the key of your shop's data is missing from "
        "this computer's keychain. Restore the keychain from a backup; without the "
        "key the data cannot be opened."),
    "not_set_up": QT_TRANSLATE_NOOP(
        "StartErrors",
        "The setup of this PC's relay is missing or damaged. Restore the file "
        "local-relay.json in wadesk's data folder from a backup."),
}
_LOCAL_RELAY_FAILED = QT_TRANSLATE_NOOP(
    "StartErrors",
    "The part of wadesk that receives your WhatsApp messages did not start. Start"
    " wadesk again; if it happens again, restart the computer.")


def explanation(error: BaseException) -> str:
    """The text for `error`; an unknown one keeps its own text."""
    if isinstance(error, LocalRelayError):
        return local_relay_text(error)
    for kind, text in _TEXTS:
        if isinstance(error, kind):
            return QCoreApplication.translate("StartErrors", text)
    return str(error)


def local_relay_text(error: LocalRelayError) -> str:
    text = _LOCAL_RELAY_TEXTS.get(error.kind, _LOCAL_RELAY_FAILED)
    return QCoreApplication.translate("StartErrors", text).replace("%1", str(error.port))
