"""What the app says when it cannot start: one text per known problem, in the user's
language, each with what to do next. Error classes keep their English texts for logs
and the command line; these are the words shown in the window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from wadesk import secrets
from wadesk.desktop.local_relay import LocalRelayError
from wadesk.store import errors


def explanation(error: BaseException) -> str:
    """The text for `error`; an unknown one keeps its own text."""
    if isinstance(error, LocalRelayError):
        return local_relay_text(error)
    if isinstance(error, secrets.NoKeychainError):
        return QCoreApplication.translate("StartErrors", "This computer has no usable keychain to keep wadesk's database key. Start wadesk again "
                  "and choose a passphrase when asked; you will type it each time wadesk starts.")
    if isinstance(error, secrets.KeychainLostKeyError):
        return QCoreApplication.translate("StartErrors", "The key to your message history is missing from this computer's keychain, so the "
                  "history cannot be opened. Restore the keychain from a backup, or start a new profile: "
                  "your team's relay still has the messages and syncs them again.")
    if isinstance(error, secrets.SecretsError):
        return QCoreApplication.translate("StartErrors", "The keychain of this computer did not answer. Unlock it (log out and in again, or "
                  "open the keychain program), then start wadesk again.")
    if isinstance(error, errors.DatabaseFromFutureError):
        return QCoreApplication.translate("StartErrors", "This history was written by a newer version of wadesk. Install the newest version of "
                  "wadesk to open it.")
    if isinstance(error, errors.WrongKeyError):
        return QCoreApplication.translate("StartErrors", "The key in the keychain does not open this history. Restore the keychain from a backup, "
                  "or start a new profile: your team's relay still has the messages.")
    if isinstance(error, errors.CorruptDatabaseError):
        return QCoreApplication.translate("StartErrors", "The history on this computer is damaged. Start a new profile: your team's relay still "
                  "has the messages and syncs them again.")
    if isinstance(error, errors.DiskFullError):
        return QCoreApplication.translate("StartErrors", "The disk is full. Free some space (empty the recycle bin, delete large files), then "
                  "start wadesk again.")
    if isinstance(error, errors.DatabaseBusyError):
        return QCoreApplication.translate("StartErrors", "Another program holds the history open, perhaps wadesk itself. Close other wadesk "
                  "windows (or restart the computer), then start wadesk again.")
    if isinstance(error, errors.StorageAccessError):
        return QCoreApplication.translate("StartErrors", "wadesk may not read or write its folder. Check that the disk is connected and that "
                  "you may write to your user folder, then start wadesk again.")
    if isinstance(error, errors.RoleMismatchError):
        return QCoreApplication.translate("StartErrors", "This file is not the history of a wadesk desktop (perhaps a relay's database). Start "
                  "a new profile.")
    if isinstance(error, errors.DatabaseMissingError):
        return QCoreApplication.translate("StartErrors", "The history file is missing. Start wadesk again to make a new one: your team's relay "
                  "still has the messages.")
    return str(error)


def local_relay_text(error: LocalRelayError) -> str:
    port = str(error.port)
    texts = {
        "port_taken": QCoreApplication.translate("StartErrors", "Another program already uses port %1 on this computer, so wadesk cannot receive "
                         "your WhatsApp messages. Close that program (or a wadesk that is still open) and "
                         "start wadesk again."),
        "no_keychain": QCoreApplication.translate("StartErrors", "This computer has no keychain where wadesk could keep your WhatsApp access "
                          "token safely, so it cannot receive messages itself. Use a computer with a "
                          "keychain, or run a relay on a server."),
        "secrets_missing": QCoreApplication.translate("StartErrors", "Your WhatsApp access token or the key of your shop's data is missing from "
                              "this computer's keychain. Restore the keychain from a backup; without the "
                              "key the data cannot be opened."),
        "not_set_up": QCoreApplication.translate("StartErrors", "The setup of this PC's relay is missing or damaged. Restore the file "
                         "local-relay.json in wadesk's data folder from a backup."),
    }
    text = texts.get(error.kind) or QCoreApplication.translate("StartErrors", "The part of wadesk that receives your WhatsApp messages did not "
                                       "start. Start wadesk again; if it happens again, restart the computer.")
    return text.replace("%1", port)

