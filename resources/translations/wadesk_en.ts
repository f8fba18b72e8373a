<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../wadesk/desktop/main_window.py" line="56" />
        <source>Online</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../wadesk/desktop/main_window.py" line="57" />
        <source>Reconnecting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../wadesk/desktop/main_window.py" line="58" />
        <source>Offline — not connected to your relay</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../wadesk/desktop/main_window.py" line="62" />
        <source>%n message(s) waiting to be sent</source>
        <translation>
            <numerusform>%n message waiting to be sent</numerusform><numerusform>%n messages waiting to be sent</numerusform></translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="26" />
        <source>Protect your message history</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="26" />
        <source>Unlock wadesk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="29" />
        <source>This computer has no keychain where wadesk could keep the key of your encrypted message history. Choose a passphrase instead. You will type it each time wadesk starts. If you forget it, nobody can open the history again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="34" />
        <source>Type the passphrase that protects your message history.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="37" />
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="44" />
        <source>Passphrase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="39" />
        <source>Repeat the passphrase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="46" />
        <source>Repeat it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="63" />
        <source>Please use at least %d characters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="65" />
        <source>The two passphrases are not the same.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="67" />
        <source>Please type your passphrase.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="42" />
        <source>Search names, numbers and messages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="43" />
        <source>Search</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="53" />
        <source>All</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="54" />
        <source>Unread</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="55" />
        <source>Mine</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="56" />
        <source>Unassigned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="61" />
        <source>Show %s conversations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="72" />
        <source>Conversations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="76" />
        <source>No conversations yet.
When a customer writes to your number, it shows up here.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../wadesk/desktop/views/welcome_page.py" line="23" />
        <source>wadesk for your team</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/welcome_page.py" line="27" />
        <source>Answer your customers on WhatsApp from this computer, together with your colleagues on one business number.
Choose a conversation on the left to start.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/welcome_page.py" line="39" />
        <source>Your message history is encrypted on this computer. wadesk never reads your address book.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../wadesk/desktop/app.py" line="39" />
        <source>wadesk cannot open your history</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../wadesk/desktop/app.py" line="64" />
        <source>Your business</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>