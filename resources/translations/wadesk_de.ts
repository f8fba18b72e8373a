<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../wadesk/desktop/main_window.py" line="56"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/main_window.py" line="57"/>
        <source>Reconnecting…</source>
        <translation>Verbindung wird wiederhergestellt …</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/main_window.py" line="58"/>
        <source>Offline — not connected to your relay</source>
        <translation>Offline – keine Verbindung zu Ihrem Relay</translation>
    </message>
    <message numerus="yes">
        <location filename="../../wadesk/desktop/main_window.py" line="62"/>
        <source>%n message(s) waiting to be sent</source>
        <translation>
            <numerusform>%n Nachricht wartet auf den Versand</numerusform>
            <numerusform>%n Nachrichten warten auf den Versand</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="26"/>
        <source>Protect your message history</source>
        <translation>Nachrichtenverlauf schützen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="26"/>
        <source>Unlock wadesk</source>
        <translation>wadesk entsperren</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="29"/>
        <source>This computer has no keychain where wadesk could keep the key of your encrypted message history. Choose a passphrase instead. You will type it each time wadesk starts. If you forget it, nobody can open the history again.</source>
        <translation>Dieser Computer hat keinen Schlüsselbund, in dem wadesk den Schlüssel Ihres verschlüsselten Nachrichtenverlaufs ablegen könnte. Wählen Sie stattdessen eine Passphrase. Sie geben sie bei jedem Start von wadesk ein. Wenn Sie sie vergessen, kann niemand den Verlauf wieder öffnen.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="34"/>
        <source>Type the passphrase that protects your message history.</source>
        <translation>Geben Sie die Passphrase ein, die Ihren Nachrichtenverlauf schützt.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="37"/>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="44"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="39"/>
        <source>Repeat the passphrase</source>
        <translation>Passphrase wiederholen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="46"/>
        <source>Repeat it</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="63"/>
        <source>Please use at least %d characters.</source>
        <translation>Bitte verwenden Sie mindestens %d Zeichen.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="65"/>
        <source>The two passphrases are not the same.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="67"/>
        <source>Please type your passphrase.</source>
        <translation>Bitte geben Sie Ihre Passphrase ein.</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="42"/>
        <source>Search names, numbers and messages</source>
        <translation>Namen, Nummern und Nachrichten durchsuchen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="43"/>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="53"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="54"/>
        <source>Unread</source>
        <translation>Ungelesen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="55"/>
        <source>Mine</source>
        <translation>Meine</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="56"/>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="61"/>
        <source>Show %s conversations</source>
        <translation>Unterhaltungen anzeigen: %s</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="72"/>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="76"/>
        <source>No conversations yet.
When a customer writes to your number, it shows up here.</source>
        <translation>Noch keine Unterhaltungen.
Sobald eine Kundin oder ein Kunde Ihrer Nummer schreibt, erscheint es hier.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../wadesk/desktop/views/welcome_page.py" line="23"/>
        <source>wadesk for your team</source>
        <translation>wadesk für Ihr Team</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/welcome_page.py" line="27"/>
        <source>Answer your customers on WhatsApp from this computer, together with your colleagues on one business number.
Choose a conversation on the left to start.</source>
        <translation>Beantworten Sie Ihre Kundschaft auf WhatsApp von diesem Computer aus – gemeinsam mit Ihren Kolleginnen und Kollegen über eine Geschäftsnummer.
Wählen Sie links eine Unterhaltung aus.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/welcome_page.py" line="39"/>
        <source>Your message history is encrypted on this computer. wadesk never reads your address book.</source>
        <translation>Ihr Nachrichtenverlauf ist auf diesem Computer verschlüsselt. wadesk liest niemals Ihr Adressbuch.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../wadesk/desktop/app.py" line="39"/>
        <source>wadesk cannot open your history</source>
        <translation>wadesk kann Ihren Verlauf nicht öffnen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/app.py" line="64"/>
        <source>Your business</source>
        <translation>Ihr Unternehmen</translation>
    </message>
</context>
</TS>
