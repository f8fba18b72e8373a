<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../wadesk/desktop/actions.py" line="148"/>
        <source>This conversation is no longer on this computer (it may have been erased), so nothing was sent or changed.</source>
        <translation>Diese Unterhaltung ist nicht mehr auf diesem Computer (vielleicht wurde sie gelöscht), daher wurde nichts gesendet oder geändert.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/actions.py" line="184"/>
        <source>There is nothing to send: the message is empty.</source>
        <translation>Es gibt nichts zu senden: Die Nachricht ist leer.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/actions.py" line="203"/>
        <source>“%1” can no longer be opened (was it moved or deleted?), so it was not sent.</source>
        <translation>„%1“ lässt sich nicht mehr öffnen (wurde die Datei verschoben oder gelöscht?), daher wurde sie nicht gesendet.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/actions.py" line="240"/>
        <source>“%1” is not a phone number WhatsApp can reach: type it with the country code, 8 to 15 digits in all.</source>
        <translation>„%1“ ist keine Telefonnummer, die WhatsApp erreichen kann: Geben Sie sie mit Ländervorwahl ein, insgesamt 8 bis 15 Ziffern.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/actions.py" line="282"/>
        <source>There is nothing to keep: the note is empty.</source>
        <translation>Es gibt nichts zu speichern: Die Notiz ist leer.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/actions.py" line="285"/>
        <source>A note can have at most %1 characters; this one has %2.</source>
        <translation>Eine Notiz darf höchstens %1 Zeichen haben; diese hat %2.</translation>
    </message>
</context>
<context>
    <name>AppLock</name>
    <message>
        <location filename="../../wadesk/desktop/app_lock.py" line="254"/>
        <source>That is not your current PIN or passphrase. Nothing was changed.</source>
        <translation>Das ist nicht Ihre aktuelle PIN oder Passphrase. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/app_lock.py" line="267"/>
        <source>That is not your current PIN or passphrase. The lock stays on.</source>
        <translation>Das ist nicht Ihre aktuelle PIN oder Passphrase. Die Sperre bleibt an.</translation>
    </message>
</context>
<context>
    <name>ChatDelegate</name>
    <message>
        <location filename="../../wadesk/desktop/views/chat_delegate.py" line="358"/>
        <source>WhatsApp gave no reason.</source>
        <translation>WhatsApp hat keinen Grund genannt.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_delegate.py" line="360"/>
        <source>Not delivered: %1</source>
        <translation>Nicht zugestellt: %1</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_delegate.py" line="359"/>
        <source>Click to try again.</source>
        <translation>Zum erneuten Senden klicken.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_delegate.py" line="359"/>
        <source>Click to send a template.</source>
        <translation>Klicken, um eine Vorlage zu senden.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_delegate.py" line="362"/>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_delegate.py" line="362"/>
        <source>Your team</source>
        <translation>Ihr Team</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_delegate.py" line="370"/>
        <source>Read %1</source>
        <translation>Gelesen %1</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_delegate.py" line="372"/>
        <source>Delivered %1</source>
        <translation>Zugestellt %1</translation>
    </message>
</context>
<context>
    <name>ChatModel</name>
    <message>
        <location filename="../../wadesk/desktop/models/chat_model.py" line="305"/>
        <location filename="../../wadesk/desktop/models/chat_model.py" line="438"/>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/models/chat_model.py" line="436"/>
        <source>Internal note by %1</source>
        <translation>Interne Notiz von %1</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/models/chat_model.py" line="446"/>
        <source>not sent yet</source>
        <translation>noch nicht gesendet</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/models/chat_model.py" line="446"/>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/models/chat_model.py" line="446"/>
        <source>delivered</source>
        <translation>zugestellt</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/models/chat_model.py" line="447"/>
        <source>read</source>
        <translation>gelesen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/models/chat_model.py" line="447"/>
        <source>played</source>
        <translation>abgespielt</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/models/chat_model.py" line="447"/>
        <source>not delivered</source>
        <translation>nicht zugestellt</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/models/chat_model.py" line="452"/>
        <source>reactions: %1</source>
        <translation>Reaktionen: %1</translation>
    </message>
</context>
<context>
    <name>ChatPage</name>
    <message>
        <location filename="../../wadesk/desktop/views/chat_page.py" line="176"/>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_page.py" line="233"/>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_page.py" line="236"/>
        <source>Not downloaded yet</source>
        <translation>Noch nicht heruntergeladen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_page.py" line="237"/>
        <source>This file has not been downloaded yet. It appears here as soon as it is.</source>
        <translation>Diese Datei wurde noch nicht heruntergeladen. Sie erscheint hier, sobald sie da ist.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_page.py" line="241"/>
        <source>This file is damaged or cannot be decrypted.</source>
        <translation>Diese Datei ist beschädigt oder lässt sich nicht entschlüsseln.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_page.py" line="243"/>
        <source>The file could not be saved: the disk is full.</source>
        <translation>Die Datei konnte nicht gespeichert werden: Der Datenträger ist voll.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_page.py" line="244"/>
        <source>wadesk could not make the copy to open: the disk is full.</source>
        <translation>wadesk konnte die Kopie zum Öffnen nicht anlegen: Der Datenträger ist voll.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_page.py" line="246"/>
        <source>The file could not be saved: wadesk may not write to this folder. Choose another folder.</source>
        <translation>Die Datei konnte nicht gespeichert werden: wadesk darf in diesen Ordner nicht schreiben. Wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_page.py" line="248"/>
        <source>wadesk could not make the copy to open: it may not write to the temporary folder.</source>
        <translation>wadesk konnte die Kopie zum Öffnen nicht anlegen: Es darf nicht in den temporären Ordner schreiben.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_page.py" line="250"/>
        <source>The file could not be saved to this folder.</source>
        <translation>Die Datei konnte nicht in diesem Ordner gespeichert werden.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_page.py" line="251"/>
        <source>wadesk could not make the copy to open.</source>
        <translation>wadesk konnte die Kopie zum Öffnen nicht anlegen.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_page.py" line="233"/>
        <source>Cannot open the file</source>
        <translation>Datei lässt sich nicht öffnen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_page.py" line="239"/>
        <source>wadesk could not open this file. Try “Save as…” instead.</source>
        <translation>wadesk konnte diese Datei nicht öffnen. Versuchen Sie stattdessen „Speichern unter …“.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_page.py" line="209"/>
        <source>Save as</source>
        <translation>Speichern unter</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="74"/>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="98"/>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="152"/>
        <source>New messages</source>
        <translation>Neue Nachrichten</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="99"/>
        <source>Jump to the new messages</source>
        <translation>Zu den neuen Nachrichten springen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="214"/>
        <source>Latest messages</source>
        <translation>Neueste Nachrichten</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="401"/>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="403"/>
        <source>React</source>
        <translation>Reagieren</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="404"/>
        <source>Like</source>
        <translation>Gefällt mir</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="404"/>
        <source>Love</source>
        <translation>Herz</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="404"/>
        <source>Laugh</source>
        <translation>Lachen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="404"/>
        <source>Surprised</source>
        <translation>Überrascht</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="405"/>
        <source>Sad</source>
        <translation>Traurig</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="405"/>
        <source>Thanks</source>
        <translation>Danke</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="410"/>
        <source>Remove your reaction</source>
        <translation>Ihre Reaktion entfernen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="412"/>
        <source>Copy text</source>
        <translation>Text kopieren</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="414"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="415"/>
        <source>Save as…</source>
        <translation>Speichern unter …</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="418"/>
        <source>Send a template</source>
        <translation>Vorlage senden</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="420"/>
        <source>Try again</source>
        <translation>Erneut senden</translation>
    </message>
</context>
<context>
    <name>ColleagueActivityLabel</name>
    <message>
        <location filename="../../wadesk/desktop/colleague_activity.py" line="61"/>
        <source>%1 is typing…</source>
        <translation>%1 schreibt …</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/colleague_activity.py" line="63"/>
        <source>%1 and %2 are typing…</source>
        <translation>%1 und %2 schreiben …</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/colleague_activity.py" line="70"/>
        <source>%1 has just answered this customer</source>
        <translation>%1 hat dieser Kundin bzw. diesem Kunden gerade geantwortet</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/colleague_activity.py" line="71"/>
        <source>%1 is looking at this conversation</source>
        <translation>%1 sieht sich diese Unterhaltung gerade an</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../wadesk/desktop/views/composer.py" line="101"/>
        <source>Choose a template</source>
        <translation>Vorlage wählen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer.py" line="111"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer.py" line="119"/>
        <source>Internal note (only your team sees it)</source>
        <translation>Interne Notiz (nur Ihr Team sieht sie)</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer.py" line="121"/>
        <location filename="../../wadesk/desktop/views/composer.py" line="309"/>
        <source>Attach a file</source>
        <translation>Datei anhängen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer.py" line="123"/>
        <source>Send a template</source>
        <translation>Vorlage senden</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer.py" line="128"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer.py" line="129"/>
        <location filename="../../wadesk/desktop/views/composer.py" line="183"/>
        <source>Send (Enter)</source>
        <translation>Senden (Eingabetaste)</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer.py" line="183"/>
        <source>Send (Ctrl+Enter)</source>
        <translation>Senden (Strg+Eingabetaste)</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer.py" line="219"/>
        <source>24 hours have passed since the customer&apos;s last message: WhatsApp only lets you send an approved template now. Free text works again once they reply.</source>
        <translation>Die letzte Nachricht des Kunden ist über 24 Stunden her: WhatsApp erlaubt jetzt nur noch eine genehmigte Vorlage. Sobald der Kunde antwortet, können Sie wieder frei schreiben.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer.py" line="226"/>
        <source>Internal note — only your team sees it</source>
        <translation>Interne Notiz – nur Ihr Team sieht sie</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer.py" line="228"/>
        <source>Type a message — “/” for quick replies</source>
        <translation>Nachricht schreiben – „/“ für Schnellantworten</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer.py" line="230"/>
        <source>Only a template can be sent</source>
        <translation>Nur eine Vorlage kann gesendet werden</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer.py" line="262"/>
        <source>This file cannot be sent</source>
        <translation>Diese Datei kann nicht gesendet werden</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer.py" line="272"/>
        <source>add a caption below, or just send</source>
        <translation>unten eine Bildunterschrift ergänzen oder einfach senden</translation>
    </message>
</context>
<context>
    <name>ComposerEdit</name>
    <message>
        <location filename="../../wadesk/desktop/views/composer_edit.py" line="39"/>
        <source>Quick replies</source>
        <translation>Schnellantworten</translation>
    </message>
</context>
<context>
    <name>ConversationHeader</name>
    <message>
        <location filename="../../wadesk/desktop/views/conversation_header.py" line="73"/>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/conversation_header.py" line="74"/>
        <source>Labels of this conversation</source>
        <translation>Labels dieser Unterhaltung</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/conversation_header.py" line="104"/>
        <source>Conversation with %1</source>
        <translation>Unterhaltung mit %1</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/conversation_header.py" line="163"/>
        <source>Closed by WhatsApp: only a template can be sent</source>
        <translation>Von WhatsApp geschlossen: Nur eine Vorlage kann gesendet werden</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/conversation_header.py" line="165"/>
        <source>WhatsApp refused a message because 24 hours have passed since the customer&apos;s last message. Free text works again once they reply.</source>
        <translation>WhatsApp hat eine Nachricht abgelehnt, weil die letzte Nachricht des Kunden über 24 Stunden her ist. Sobald der Kunde antwortet, können Sie wieder frei schreiben.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/conversation_header.py" line="169"/>
        <source>Open for %1</source>
        <translation>Offen für %1</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/conversation_header.py" line="171"/>
        <source>You can write freely until %1. After that, only a template can be sent.</source>
        <translation>Sie können bis %1 frei schreiben. Danach kann nur noch eine Vorlage gesendet werden.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/conversation_header.py" line="174"/>
        <source>Closed: only a template can be sent</source>
        <translation>Geschlossen: nur eine Vorlage kann gesendet werden</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/conversation_header.py" line="176"/>
        <source>WhatsApp allows free messages only within 24 hours of the customer&apos;s last message.</source>
        <translation>WhatsApp erlaubt freie Nachrichten nur innerhalb von 24 Stunden nach der letzten Nachricht des Kunden.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/conversation_header.py" line="212"/>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/conversation_header.py" line="214"/>
        <source>Assigned to you</source>
        <translation>Ihnen zugewiesen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/conversation_header.py" line="216"/>
        <source>Assigned to %1</source>
        <translation>Zugewiesen an %1</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/conversation_header.py" line="218"/>
        <source>change the assignment</source>
        <translation>Zuweisung ändern</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/conversation_header.py" line="228"/>
        <source>Assign to me</source>
        <translation>Mir zuweisen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/conversation_header.py" line="231"/>
        <source>Assign to a colleague</source>
        <translation>Einer Kollegin oder einem Kollegen zuweisen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/conversation_header.py" line="237"/>
        <source>Unassign</source>
        <translation>Zuweisung aufheben</translation>
    </message>
</context>
<context>
    <name>ConversationListModel</name>
    <message numerus="yes">
        <location filename="../../wadesk/desktop/models/conversation_list_model.py" line="498"/>
        <source>%n unread message(s)</source>
        <translation>
            <numerusform>%n ungelesene Nachricht</numerusform>
            <numerusform>%n ungelesene Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/models/conversation_list_model.py" line="501"/>
        <source>assigned to %1</source>
        <translation>zugewiesen an %1</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="101"/>
        <source>This address starts with http://, which would let others on the network read your messages. Use the https:// address of your relay.</source>
        <translation>Diese Adresse beginnt mit http://, damit könnten andere im Netzwerk Ihre Nachrichten mitlesen. Verwenden Sie die https://-Adresse Ihres Relays.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="104"/>
        <source>This is not a complete address. It should look like https://relay.your-shop.de.</source>
        <translation>Das ist keine vollständige Adresse. Sie sollte etwa so aussehen: https://relay.ihr-laden.de.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="106"/>
        <source>wadesk cannot reach a relay at this address. Check the address and that this computer is online; if both are right, ask whoever runs the relay whether it is running.</source>
        <translation>wadesk erreicht unter dieser Adresse kein Relay. Prüfen Sie die Adresse und ob dieser Computer online ist. Stimmt beides, fragen Sie die Person, die das Relay betreibt, ob es läuft.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="109"/>
        <source>The relay&apos;s security certificate is not valid, so wadesk did not send your login. Ask whoever runs the relay to renew its certificate.</source>
        <translation>Das Sicherheitszertifikat des Relays ist nicht gültig, deshalb hat wadesk Ihre Anmeldung nicht gesendet. Bitten Sie die Person, die das Relay betreibt, das Zertifikat zu erneuern.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="112"/>
        <source>Something answers at this address, but it is not a wadesk relay. Check the address.</source>
        <translation>Unter dieser Adresse antwortet etwas, aber kein wadesk-Relay. Prüfen Sie die Adresse.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="114"/>
        <source>Your name or the code is not right. Type your name exactly as the owner entered it. A setup code works only once: if it was used already, ask the owner for a new one.</source>
        <translation>Ihr Name oder der Code stimmt nicht. Geben Sie Ihren Namen genau so ein, wie die Inhaberin bzw. der Inhaber ihn angelegt hat. Ein Einrichtungscode gilt nur einmal: Wurde er schon benutzt, bitten Sie um einen neuen.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="117"/>
        <source>Too many wrong attempts. Please wait a quarter of an hour, then try again.</source>
        <translation>Zu viele falsche Versuche. Bitte warten Sie eine Viertelstunde und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="122"/>
        <source>The relay could not log you in. Please try again in a moment, or ask whoever runs the relay.</source>
        <translation>Das Relay konnte Sie nicht anmelden. Versuchen Sie es gleich noch einmal oder fragen Sie die Person, die das Relay betreibt.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="247"/>
        <source>Set up wadesk</source>
        <translation>wadesk einrichten</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../../wadesk/desktop/dialogs/image_viewer.py" line="35"/>
        <source>This photo cannot be shown.</source>
        <translation>Dieses Foto kann nicht angezeigt werden.</translation>
    </message>
</context>
<context>
    <name>InboxController</name>
    <message>
        <location filename="../../wadesk/desktop/inbox_controller.py" line="165"/>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/inbox_controller.py" line="173"/>
        <source>Assign to me</source>
        <translation>Mir zuweisen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../wadesk/desktop/inbox_controller.py" line="225"/>
        <source>%n new message(s)</source>
        <translation>
            <numerusform>%n neue Nachricht</numerusform>
            <numerusform>%n neue Nachrichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../wadesk/desktop/inbox_controller.py" line="226"/>
        <source>from %n customer(s)</source>
        <translation>
            <numerusform>von %n Kundin bzw. Kunden</numerusform>
            <numerusform>von %n Kundinnen und Kunden</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/inbox_controller.py" line="299"/>
        <source>Note not saved</source>
        <translation>Notiz nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/inbox_controller.py" line="301"/>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/inbox_controller.py" line="318"/>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/inbox_controller.py" line="320"/>
        <source>Log in again</source>
        <translation>Erneut anmelden</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/inbox_controller.py" line="321"/>
        <source>Later</source>
        <translation>Später</translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="191"/>
        <source>Protecting your messages</source>
        <translation>Schutz Ihrer Nachrichten</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="195"/>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="214"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="197"/>
        <source>Repeat the passphrase</source>
        <translation>Passphrase wiederholen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="202"/>
        <source>Your message history on this computer is encrypted.</source>
        <translation>Ihr Nachrichtenverlauf auf diesem Computer ist verschlüsselt.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="204"/>
        <source>The key is kept in this computer&apos;s keychain, so there is nothing to remember. Anyone who can log in to this computer as you can open wadesk.</source>
        <translation>Der Schlüssel liegt im Schlüsselbund dieses Computers, Sie müssen sich also nichts merken. Wer sich an diesem Computer als Sie anmelden kann, kann wadesk öffnen.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="207"/>
        <source>Which passphrase should protect your message history?</source>
        <translation>Welche Passphrase soll Ihren Nachrichtenverlauf schützen?</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="209"/>
        <source>This computer has no keychain where wadesk could keep the key. Choose a passphrase of at least %1 characters instead: you will type it each time wadesk starts. If you forget it, the history on this computer cannot be opened, but your team&apos;s relay still has it and a new profile can sync it again.</source>
        <translation>Dieser Computer hat keinen Schlüsselbund, in dem wadesk den Schlüssel ablegen könnte. Wählen Sie stattdessen eine Passphrase mit mindestens %1 Zeichen: Sie geben sie bei jedem Start von wadesk ein. Wenn Sie sie vergessen, lässt sich der Verlauf auf diesem Computer nicht mehr öffnen; das Relay Ihres Teams hat ihn aber noch, und ein neues Profil kann ihn wieder abgleichen.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="215"/>
        <source>Repeat it</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="226"/>
        <source>Please use at least %1 characters.</source>
        <translation>Bitte verwenden Sie mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="228"/>
        <source>The two passphrases are not the same.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>LocalAccountPage</name>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="66"/>
        <source>Only this PC</source>
        <translation>Nur dieser PC</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="67"/>
        <source>wadesk receives your WhatsApp messages itself. You find these values in your Meta app, on the WhatsApp &quot;API Setup&quot; page.</source>
        <translation>wadesk empfängt Ihre WhatsApp-Nachrichten selbst. Diese Angaben finden Sie in Ihrer Meta-App auf der WhatsApp-Seite „API Setup“.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="69"/>
        <source>e.g. Lena</source>
        <translation>z. B. Lena</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="70"/>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="72"/>
        <source>Phone number id</source>
        <translation>Telefonnummern-ID</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="74"/>
        <source>WhatsApp Business Account id</source>
        <translation>WhatsApp-Business-Konto-ID</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="76"/>
        <source>Access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="78"/>
        <source>App secret</source>
        <translation>App-Geheimnis</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="80"/>
        <source>What is your name? You will be the owner of the team.</source>
        <translation>Wie heißen Sie? Sie werden Inhaberin bzw. Inhaber des Teams.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="81"/>
        <source>What is the phone number id of your WhatsApp number?</source>
        <translation>Wie lautet die Telefonnummern-ID Ihrer WhatsApp-Nummer?</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="82"/>
        <source>What is your WhatsApp Business Account id?</source>
        <translation>Wie lautet die ID Ihres WhatsApp-Business-Kontos?</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="83"/>
        <source>Which permanent access token did you make for a system user?</source>
        <translation>Welches dauerhafte Zugriffstoken haben Sie für einen Systembenutzer erstellt?</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="84"/>
        <source>What is the app secret (App settings, Basic)?</source>
        <translation>Wie lautet das App-Geheimnis (App-Einstellungen, Allgemeines)?</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="87"/>
        <source>The token and the app secret are kept in this computer&apos;s keychain, never in a file.</source>
        <translation>Token und App-Geheimnis werden im Schlüsselbund dieses Computers aufbewahrt, nie in einer Datei.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="115"/>
        <source>Asking WhatsApp whether the token works…</source>
        <translation>WhatsApp wird gefragt, ob das Token funktioniert …</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="125"/>
        <source>WhatsApp accepted the token for %1.</source>
        <translation>WhatsApp hat das Token für %1 angenommen.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="126"/>
        <source>WhatsApp accepted the token.</source>
        <translation>WhatsApp hat das Token angenommen.</translation>
    </message>
</context>
<context>
    <name>LocalWebhookPage</name>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="136"/>
        <source>Let WhatsApp reach this PC</source>
        <translation>WhatsApp diesen PC erreichen lassen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="137"/>
        <source>Meta delivers every message to a public https address, so this PC must be reachable from the internet, e.g. with a tunnel such as Cloudflare Tunnel that forwards to the port below.</source>
        <translation>Meta liefert jede Nachricht an eine öffentliche https-Adresse. Dieser PC muss daher aus dem Internet erreichbar sein, z. B. über einen Tunnel wie Cloudflare Tunnel, der an den Port unten weiterleitet.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="141"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="143"/>
        <source>Address on this PC</source>
        <translation>Adresse auf diesem PC</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="145"/>
        <source>Verify token</source>
        <translation>Bestätigungstoken</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="146"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="152"/>
        <source>On which port should wadesk listen?</source>
        <translation>Auf welchem Port soll wadesk lauschen?</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="153"/>
        <source>Your tunnel forwards to:</source>
        <translation>Ihr Tunnel leitet weiter an:</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="154"/>
        <source>Verify token for Meta&apos;s webhook form:</source>
        <translation>Bestätigungstoken für Metas Webhook-Formular:</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="159"/>
        <source>Then subscribe the webhook to the &quot;messages&quot; field. Keep wadesk running: messages arrive only while it is open (Meta retries for a while).</source>
        <translation>Abonnieren Sie dann für den Webhook das Feld „messages“. Lassen Sie wadesk laufen: Nachrichten kommen nur an, während es geöffnet ist (Meta versucht es eine Weile erneut).</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="169"/>
        <source>In your Meta app, under WhatsApp &gt; Configuration, enter as Callback URL your tunnel&apos;s public address followed by %1 (e.g. https://shop.example.com%1), and the verify token above.</source>
        <translation>Tragen Sie in Ihrer Meta-App unter WhatsApp &gt; Konfiguration als Callback-URL die öffentliche Adresse Ihres Tunnels gefolgt von %1 ein (z. B. https://shop.example.com%1) und das Bestätigungstoken oben.</translation>
    </message>
</context>
<context>
    <name>LockSecretDialog</name>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="49"/>
        <source>Turn on the app lock</source>
        <translation>App-Sperre einschalten</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="49"/>
        <source>Change the app lock</source>
        <translation>App-Sperre ändern</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="50"/>
        <source>Turn off the app lock</source>
        <translation>App-Sperre ausschalten</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="52"/>
        <source>wadesk will ask for this PIN or passphrase at every start and after the idle time you choose. It keeps others at this PC from reading your chats.</source>
        <translation>wadesk fragt bei jedem Start und nach der gewählten Zeit ohne Nutzung nach dieser PIN oder Passphrase. So können andere an diesem PC Ihre Chats nicht lesen.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="54"/>
        <source>Type the current PIN or passphrase, then choose the new one.</source>
        <translation>Geben Sie die aktuelle PIN oder Passphrase ein und wählen Sie dann die neue.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="55"/>
        <source>Type the current PIN or passphrase. Afterwards anyone at this PC can open wadesk.</source>
        <translation>Geben Sie die aktuelle PIN oder Passphrase ein. Danach kann jede Person an diesem PC wadesk öffnen.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="67"/>
        <source>Current PIN</source>
        <translation>Aktuelle PIN</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="67"/>
        <source>Current passphrase</source>
        <translation>Aktuelle Passphrase</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="72"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="73"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="79"/>
        <source>New PIN or passphrase</source>
        <translation>Neue PIN oder Passphrase</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="80"/>
        <source>Repeat it</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="90"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="101"/>
        <source>Turn on</source>
        <translation>Einschalten</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="101"/>
        <source>Change</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="101"/>
        <source>Turn off</source>
        <translation>Ausschalten</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="118"/>
        <source>New PIN</source>
        <translation>Neue PIN</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="118"/>
        <source>New passphrase</source>
        <translation>Neue Passphrase</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="119"/>
        <source>Repeat the PIN</source>
        <translation>PIN wiederholen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="119"/>
        <source>Repeat the passphrase</source>
        <translation>Passphrase wiederholen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="121"/>
        <source>At least %1 digits, nothing else.</source>
        <translation>Mindestens %1 Ziffern, sonst nichts.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="122"/>
        <source>At least %1 characters; a few words are easy to remember and hard to guess.</source>
        <translation>Mindestens %1 Zeichen; ein paar Wörter sind leicht zu merken und schwer zu erraten.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="141"/>
        <source>That is not your current PIN.</source>
        <translation>Das ist nicht Ihre aktuelle PIN.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="142"/>
        <source>That is not your current passphrase.</source>
        <translation>Das ist nicht Ihre aktuelle Passphrase.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="151"/>
        <source>The two entries are not the same. Please type the new one again.</source>
        <translation>Die beiden Eingaben stimmen nicht überein. Bitte geben Sie die neue noch einmal ein.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="163"/>
        <source>The setting could not be saved (%1). Nothing was changed.</source>
        <translation>Die Einstellung konnte nicht gespeichert werden (%1). Es wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../wadesk/desktop/main_window.py" line="131"/>
        <source>The search could not be run. Try again in a moment.</source>
        <translation>Die Suche konnte nicht ausgeführt werden. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/main_window.py" line="319"/>
        <location filename="../../wadesk/desktop/main_window.py" line="322"/>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/main_window.py" line="322"/>
        <source>The message could not be saved.</source>
        <translation>Die Nachricht konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/main_window.py" line="405"/>
        <source>The owner erased this customer&apos;s data: the conversation was closed.</source>
        <translation>Die Inhaberin bzw. der Inhaber hat die Daten dieses Kunden gelöscht: Die Unterhaltung wurde geschlossen.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/main_window.py" line="407"/>
        <source>The owner erased a customer&apos;s data.</source>
        <translation>Die Inhaberin bzw. der Inhaber hat die Daten eines Kunden gelöscht.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/main_window.py" line="473"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/main_window.py" line="474"/>
        <source>Reconnecting…</source>
        <translation>Verbindung wird wiederhergestellt …</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/main_window.py" line="475"/>
        <source>Offline — not connected to your relay</source>
        <translation>Offline – keine Verbindung zu Ihrem Relay</translation>
    </message>
    <message numerus="yes">
        <location filename="../../wadesk/desktop/main_window.py" line="479"/>
        <source>%n message(s) waiting to be sent</source>
        <translation>
            <numerusform>%n Nachricht wartet auf den Versand</numerusform>
            <numerusform>%n Nachrichten warten auf den Versand</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewConversation</name>
    <message>
        <location filename="../../wadesk/desktop/new_conversation.py" line="68"/>
        <source>No template to send</source>
        <translation>Keine Vorlage zum Senden</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/new_conversation.py" line="69"/>
        <source>WhatsApp lets a business write first only with a template it has approved, and there is none yet (or the relay could not fetch them). Create one in WhatsApp Manager; wadesk offers it here once Meta has approved it.</source>
        <translation>Bei WhatsApp darf ein Unternehmen nur mit einer genehmigten Vorlage zuerst schreiben, und es gibt noch keine (oder das Relay konnte sie nicht abrufen). Legen Sie eine im WhatsApp Manager an; wadesk bietet sie hier an, sobald Meta sie genehmigt hat.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/new_conversation.py" line="74"/>
        <source>First message to %1</source>
        <translation>Erste Nachricht an %1</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/new_conversation.py" line="87"/>
        <location filename="../../wadesk/desktop/new_conversation.py" line="112"/>
        <location filename="../../wadesk/desktop/new_conversation.py" line="138"/>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/new_conversation.py" line="99"/>
        <source>Sending the template to %1 — the conversation opens as soon as your relay has it.</source>
        <translation>Die Vorlage an %1 wird gesendet – die Unterhaltung öffnet sich, sobald Ihr Relay sie hat.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/new_conversation.py" line="111"/>
        <source>The first message could not be saved, so it was not sent. Please try again.</source>
        <translation>Die erste Nachricht konnte nicht gespeichert werden und wurde deshalb nicht gesendet. Bitte versuchen Sie es noch einmal.</translation>
    </message>
</context>
<context>
    <name>NewConversationDialog</name>
    <message>
        <location filename="../../wadesk/desktop/dialogs/new_conversation_dialog.py" line="23"/>
        <source>Type the customer&apos;s phone number.</source>
        <translation>Geben Sie die Telefonnummer des Kunden ein.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/new_conversation_dialog.py" line="24"/>
        <source>A phone number has only digits, spaces and + - / ( ).</source>
        <translation>Eine Telefonnummer besteht nur aus Ziffern, Leerzeichen und + - / ( ).</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/new_conversation_dialog.py" line="26"/>
        <source>The + belongs only at the start, before the country code (+49 …).</source>
        <translation>Das + gehört nur an den Anfang, vor die Ländervorwahl (+49 …).</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/new_conversation_dialog.py" line="28"/>
        <source>This is not a country code. Start with + and the country code, for example +49 151 23456789.</source>
        <translation>Das ist keine Ländervorwahl. Beginnen Sie mit + und der Ländervorwahl, zum Beispiel +49 151 23456789.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/new_conversation_dialog.py" line="31"/>
        <source>This number is too short for a mobile or landline number.</source>
        <translation>Diese Nummer ist zu kurz für eine Handy- oder Festnetznummer.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/new_conversation_dialog.py" line="33"/>
        <source>This number is too long: phone numbers have at most 15 digits.</source>
        <translation>Diese Nummer ist zu lang: Telefonnummern haben höchstens 15 Ziffern.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/new_conversation_dialog.py" line="45"/>
        <source>New conversation</source>
        <translation>Neue Unterhaltung</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/new_conversation_dialog.py" line="48"/>
        <source>Write to a customer by their phone number. If you have talked before, the conversation opens; otherwise the first message is a template.</source>
        <translation>Schreiben Sie einem Kunden über seine Telefonnummer. Gibt es schon eine Unterhaltung, öffnet sie sich; sonst ist die erste Nachricht eine Vorlage.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/new_conversation_dialog.py" line="52"/>
        <source>e.g. 0151 23456789 or +%1 …</source>
        <translation>z. B. 0151 23456789 oder +%1 …</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/new_conversation_dialog.py" line="53"/>
        <source>Phone number</source>
        <translation>Telefonnummer</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/new_conversation_dialog.py" line="61"/>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../../wadesk/desktop/notifier.py" line="77"/>
        <source>Open wadesk</source>
        <translation>wadesk öffnen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/notifier.py" line="78"/>
        <source>App lock…</source>
        <translation>App-Sperre …</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/notifier.py" line="80"/>
        <source>Quit wadesk</source>
        <translation>wadesk beenden</translation>
    </message>
    <message numerus="yes">
        <location filename="../../wadesk/desktop/notifier.py" line="112"/>
        <source>wadesk — %n unread message(s)</source>
        <translation>
            <numerusform>wadesk – %n ungelesene Nachricht</numerusform>
            <numerusform>wadesk – %n ungelesene Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/notifier.py" line="127"/>
        <source>New message</source>
        <translation>Neue Nachricht</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/notifier.py" line="129"/>
        <source>New messages</source>
        <translation>Neue Nachrichten</translation>
    </message>
    <message numerus="yes">
        <location filename="../../wadesk/desktop/notifier.py" line="130"/>
        <source>from %n customer(s)</source>
        <translation>
            <numerusform>von %n Kunden</numerusform>
            <numerusform>von %n Kunden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OnePcPages</name>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="40"/>
        <source>WhatsApp does not accept this access token: it is mistyped, expired or was withdrawn. Copy a new one from Meta&apos;s Business Settings (System users) and paste it again.</source>
        <translation>WhatsApp akzeptiert dieses Zugriffstoken nicht: Es ist falsch eingegeben, abgelaufen oder wurde widerrufen. Kopieren Sie ein neues aus Metas Unternehmenseinstellungen (Systembenutzer) und fügen Sie es erneut ein.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="43"/>
        <source>This access token may not send WhatsApp messages. In Meta&apos;s Business Settings, give the system user the permissions whatsapp_business_messaging and whatsapp_business_management, then make a new token.</source>
        <translation>Dieses Zugriffstoken darf keine WhatsApp-Nachrichten senden. Geben Sie dem Systembenutzer in Metas Unternehmenseinstellungen die Berechtigungen whatsapp_business_messaging und whatsapp_business_management und erstellen Sie dann ein neues Token.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="47"/>
        <source>The token works, but not for this phone number id. Check both ids on the WhatsApp &quot;API Setup&quot; page of your Meta app.</source>
        <translation>Das Token funktioniert, aber nicht für diese Telefonnummern-ID. Prüfen Sie beide IDs auf der WhatsApp-Seite „API Setup“ Ihrer Meta-App.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="50"/>
        <source>wadesk could not reach WhatsApp just now. Check that this computer is online, then press Next again.</source>
        <translation>wadesk konnte WhatsApp gerade nicht erreichen. Prüfen Sie, ob dieser Computer online ist, und klicken Sie dann erneut auf Weiter.</translation>
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
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="43"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="39"/>
        <source>Repeat the passphrase</source>
        <translation>Passphrase wiederholen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="45"/>
        <source>Repeat it</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="62"/>
        <source>Please use at least %d characters.</source>
        <translation>Bitte verwenden Sie mindestens %d Zeichen.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="64"/>
        <source>The two passphrases are not the same.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="66"/>
        <source>Please type your passphrase.</source>
        <translation>Bitte geben Sie Ihre Passphrase ein.</translation>
    </message>
</context>
<context>
    <name>PendingSends</name>
    <message>
        <location filename="../../wadesk/desktop/views/composer_pending.py" line="96"/>
        <source>The note could not be saved on this computer. Please try again.</source>
        <translation>Die Notiz konnte auf diesem Computer nicht gespeichert werden. Bitte versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer_pending.py" line="97"/>
        <source>The message could not be saved on this computer, so it was not sent. Please try again.</source>
        <translation>Die Nachricht konnte auf diesem Computer nicht gespeichert werden und wurde deshalb nicht gesendet. Bitte versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer_pending.py" line="99"/>
        <source>Note not saved</source>
        <translation>Notiz nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer_pending.py" line="99"/>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer_pending.py" line="107"/>
        <source>What you wrote: %1</source>
        <translation>Ihr Text: %1</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer_pending.py" line="109"/>
        <source>Paste the image again to send it.</source>
        <translation>Fügen Sie das Bild noch einmal ein, um es zu senden.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer_pending.py" line="111"/>
        <source>The file: %1</source>
        <translation>Die Datei: %1</translation>
    </message>
</context>
<context>
    <name>RelayLoginPage</name>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="134"/>
        <source>Connect to your relay</source>
        <translation>Mit Ihrem Relay verbinden</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="135"/>
        <source>Enter what the owner of your wadesk relay gave you.</source>
        <translation>Geben Sie ein, was Sie von der Inhaberin bzw. dem Inhaber Ihres wadesk-Relays bekommen haben.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="137"/>
        <source>Relay address</source>
        <translation>Adresse des Relays</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="138"/>
        <source>e.g. Lena</source>
        <translation>z. B. Lena</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="139"/>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="140"/>
        <source>Setup code</source>
        <translation>Einrichtungscode</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="141"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="148"/>
        <source>Setup code or password</source>
        <translation>Einrichtungscode oder Passwort</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="150"/>
        <source>What is the address of your relay?</source>
        <translation>Wie lautet die Adresse Ihres Relays?</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="151"/>
        <source>What is your name in the team?</source>
        <translation>Wie heißen Sie im Team?</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="152"/>
        <source>How do you log in?</source>
        <translation>Wie melden Sie sich an?</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="153"/>
        <source>Your setup code or password:</source>
        <translation>Ihr Einrichtungscode oder Passwort:</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="172"/>
        <source>Connecting to your relay…</source>
        <translation>Verbindung zu Ihrem Relay wird hergestellt …</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="182"/>
        <source>Connected. Welcome, %1!</source>
        <translation>Verbunden. Willkommen, %1!</translation>
    </message>
</context>
<context>
    <name>ReloginWizard</name>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="298"/>
        <source>Log in again</source>
        <translation>Erneut anmelden</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="302"/>
        <source>This computer was signed out. Ask the owner for a new setup code, or use your password.</source>
        <translation>Dieser Computer wurde abgemeldet. Bitten Sie die Inhaberin bzw. den Inhaber um einen neuen Einrichtungscode oder verwenden Sie Ihr Passwort.</translation>
    </message>
</context>
<context>
    <name>SendFailure</name>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="25"/>
        <source>More than 24 hours since the customer&apos;s last message: only a template can be sent.</source>
        <translation>Die letzte Nachricht des Kunden ist über 24 Stunden her: Nur eine Vorlage kann gesendet werden.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="30"/>
        <source>The Cloud API token expired or was revoked: an owner or admin must give the relay a new one (on the server: `wadesk relay set-token`). Until then, messages wait on the relay and customers&apos; photos and files wait to be fetched; both go on as soon as it has a new one.</source>
        <translation>Das Cloud-API-Token ist abgelaufen oder wurde widerrufen: Ein Inhaber oder Admin muss dem Relay ein neues geben (auf dem Server: `wadesk relay set-token`). Bis dahin warten Nachrichten auf dem Relay, und Fotos und Dateien der Kunden warten darauf, abgeholt zu werden; beides geht weiter, sobald es ein neues hat.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="37"/>
        <source>The Cloud API token expired or was revoked, so WhatsApp takes no files until an owner or admin gives the relay a new one; the file waits on this computer and is sent then.</source>
        <translation>Das Cloud-API-Token ist abgelaufen oder wurde widerrufen, daher nimmt WhatsApp keine Dateien an, bis ein Inhaber oder Admin dem Relay ein neues gibt; die Datei wartet auf diesem Computer und wird dann gesendet.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="43"/>
        <source>WhatsApp refused the relay&apos;s Cloud API token (expired or revoked), so this message was not sent.</source>
        <translation>WhatsApp hat das Cloud-API-Token des Relays abgelehnt (abgelaufen oder widerrufen), daher wurde diese Nachricht nicht gesendet.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="47"/>
        <source>WhatsApp never confirmed this message, so it may or may not have arrived. Send it again only if the customer did not get it.</source>
        <translation>WhatsApp hat diese Nachricht nie bestätigt; vielleicht ist sie angekommen, vielleicht nicht. Senden Sie sie nur erneut, wenn der Kunde sie nicht erhalten hat.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="51"/>
        <source>The answer from WhatsApp was lost; the relay waits for WhatsApp&apos;s status report instead of sending the message twice.</source>
        <translation>Die Antwort von WhatsApp ging verloren; das Relay wartet auf den Statusbericht von WhatsApp, statt die Nachricht doppelt zu senden.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="59"/>
        <source>WhatsApp could not deliver this message: the number may not use WhatsApp, or the customer has not accepted WhatsApp&apos;s latest terms.</source>
        <translation>WhatsApp konnte diese Nachricht nicht zustellen: Die Nummer nutzt vielleicht kein WhatsApp, oder der Kunde hat den neuesten Bedingungen von WhatsApp nicht zugestimmt.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="63"/>
        <source>This is the business&apos;s own number: a message cannot be sent to itself.</source>
        <translation>Das ist die eigene Nummer des Unternehmens: An sie selbst kann keine Nachricht gesendet werden.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="66"/>
        <source>This customer cannot be reached from this business number.</source>
        <translation>Dieser Kunde ist von dieser Geschäftsnummer aus nicht erreichbar.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="68"/>
        <source>The customer has turned off marketing messages from this business.</source>
        <translation>Der Kunde hat Marketingnachrichten dieses Unternehmens abgeschaltet.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="70"/>
        <source>WhatsApp held this marketing message back because the customer recently received many; try again tomorrow.</source>
        <translation>WhatsApp hat diese Marketingnachricht zurückgehalten, weil der Kunde zuletzt viele erhalten hat; versuchen Sie es morgen erneut.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="74"/>
        <source>WhatsApp limited sending from this number after spam reports; check the number&apos;s quality rating in WhatsApp Manager.</source>
        <translation>WhatsApp hat das Senden von dieser Nummer nach Spam-Meldungen eingeschränkt; prüfen Sie die Qualitätsbewertung der Nummer im WhatsApp Manager.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="78"/>
        <source>The number of template parameters does not match the approved template.</source>
        <translation>Die Zahl der Vorlagenparameter passt nicht zur genehmigten Vorlage.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="81"/>
        <source>This template does not exist in this language or is not approved yet.</source>
        <translation>Diese Vorlage gibt es in dieser Sprache nicht, oder sie ist noch nicht genehmigt.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="84"/>
        <source>The template is too long once its parameters are filled in.</source>
        <translation>Die Vorlage ist mit ihren Parametern zu lang.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="86"/>
        <source>The template was refused under WhatsApp&apos;s content policy.</source>
        <translation>Die Vorlage wurde nach den Inhaltsrichtlinien von WhatsApp abgelehnt.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="88"/>
        <source>A template parameter has the wrong format.</source>
        <translation>Ein Vorlagenparameter hat das falsche Format.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="89"/>
        <source>This template is paused because of low quality.</source>
        <translation>Diese Vorlage ist wegen geringer Qualität pausiert.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="90"/>
        <source>This template is disabled because of low quality.</source>
        <translation>Diese Vorlage ist wegen geringer Qualität deaktiviert.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="91"/>
        <source>The business number is not registered with the Cloud API.</source>
        <translation>Die Geschäftsnummer ist nicht bei der Cloud API registriert.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="96"/>
        <source>The Cloud API token lacks a permission (whatsapp_business_messaging): check the Meta app&apos;s setup.</source>
        <translation>Dem Cloud-API-Token fehlt eine Berechtigung (whatsapp_business_messaging): Prüfen Sie die Einrichtung der Meta-App.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="100"/>
        <source>The WhatsApp account is not set up for sending: check WhatsApp Manager.</source>
        <translation>Das WhatsApp-Konto ist nicht zum Senden eingerichtet: Prüfen Sie den WhatsApp Manager.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="102"/>
        <source>The WhatsApp account is restricted or locked, so nothing can be sent: check WhatsApp Manager.</source>
        <translation>Das WhatsApp-Konto ist eingeschränkt oder gesperrt, daher kann nichts gesendet werden: Prüfen Sie den WhatsApp Manager.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="106"/>
        <source>WhatsApp cannot deliver this message to this customer.</source>
        <translation>WhatsApp kann diese Nachricht diesem Kunden nicht zustellen.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="108"/>
        <source>WhatsApp refused the template: check its name, language and parameters.</source>
        <translation>WhatsApp hat die Vorlage abgelehnt: Prüfen Sie Name, Sprache und Parameter.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="110"/>
        <source>WhatsApp could not use the attached file: its type is not supported, or the upload has expired. Attach it again.</source>
        <translation>WhatsApp konnte die angehängte Datei nicht verwenden: Ihr Typ wird nicht unterstützt, oder der Upload ist abgelaufen. Hängen Sie sie erneut an.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="114"/>
        <source>WhatsApp refused the message as incomplete or invalid.</source>
        <translation>WhatsApp hat die Nachricht als unvollständig oder ungültig abgelehnt.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="116"/>
        <source>WhatsApp&apos;s sending limit for this number was reached too often; the message was given up.</source>
        <translation>Das Sendelimit von WhatsApp für diese Nummer wurde zu oft erreicht; die Nachricht wurde aufgegeben.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="120"/>
        <source>Too many messages to this customer in a short time; the message was given up.</source>
        <translation>Zu viele Nachrichten an diesen Kunden in kurzer Zeit; die Nachricht wurde aufgegeben.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="123"/>
        <source>WhatsApp&apos;s call limit for this account was reached too often; the message was given up.</source>
        <translation>Das Aufruflimit von WhatsApp für dieses Konto wurde zu oft erreicht; die Nachricht wurde aufgegeben.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="126"/>
        <source>WhatsApp was not reachable or unwell for too long; the message was given up.</source>
        <translation>WhatsApp war zu lange nicht erreichbar oder gestört; die Nachricht wurde aufgegeben.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="129"/>
        <source>The message breaks one of WhatsApp&apos;s limits.</source>
        <translation>Die Nachricht überschreitet eine der Grenzen von WhatsApp.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="130"/>
        <source>WhatsApp refused the message (error %1).</source>
        <translation>WhatsApp hat die Nachricht abgelehnt (Fehler %1).</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="131"/>
        <source>WhatsApp refused the message.</source>
        <translation>WhatsApp hat die Nachricht abgelehnt.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="135"/>
        <source>There is no such conversation.</source>
        <translation>Diese Unterhaltung gibt es nicht.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="136"/>
        <source>This client_id was already used for a different message.</source>
        <translation>Diese client_id wurde schon für eine andere Nachricht verwendet.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="138"/>
        <source>This client_id was already used for a different note.</source>
        <translation>Diese client_id wurde schon für eine andere Notiz verwendet.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="140"/>
        <source>The relay has no business number configured.</source>
        <translation>Auf dem Relay ist keine Geschäftsnummer eingerichtet.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="142"/>
        <source>This business number is not configured on the relay.</source>
        <translation>Diese Geschäftsnummer ist auf dem Relay nicht eingerichtet.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="144"/>
        <source>WhatsApp does not take files of type %1.</source>
        <translation>WhatsApp nimmt keine Dateien vom Typ %1 an.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="146"/>
        <source>WhatsApp takes %1 files up to %2 KB; this one has %3 KB.</source>
        <translation>WhatsApp nimmt Dateien dieser Art (%1) bis %2 KB an; diese hat %3 KB.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="149"/>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="150"/>
        <source>A note can have at most %1 characters; this one has %2.</source>
        <translation>Eine Notiz darf höchstens %1 Zeichen haben; diese hat %2.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="155"/>
        <source>The file of this message is no longer on this computer.</source>
        <translation>Die Datei dieser Nachricht ist nicht mehr auf diesem Computer.</translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="159"/>
        <source>This could not be sent because of an unexpected error on this computer; it was tried several times.</source>
        <translation>Dies konnte wegen eines unerwarteten Fehlers auf diesem Computer nicht gesendet werden; es wurde mehrmals versucht.</translation>
    </message>
</context>
<context>
    <name>SetPasswordDialog</name>
    <message>
        <location filename="../../wadesk/desktop/dialogs/set_password_dialog.py" line="48"/>
        <source>A password for your next computer</source>
        <translation>Ein Passwort für Ihren nächsten Computer</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/set_password_dialog.py" line="49"/>
        <source>Your setup code is used up. Choose a password now, so you can log in on another computer without asking the owner for a new code.</source>
        <translation>Ihr Einrichtungscode ist verbraucht. Wählen Sie jetzt ein Passwort, damit Sie sich an einem anderen Computer anmelden können, ohne die Inhaberin bzw. den Inhaber um einen neuen Code zu bitten.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/set_password_dialog.py" line="53"/>
        <location filename="../../wadesk/desktop/dialogs/set_password_dialog.py" line="61"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/set_password_dialog.py" line="55"/>
        <source>Repeat the password</source>
        <translation>Passwort wiederholen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/set_password_dialog.py" line="62"/>
        <source>Repeat it</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/set_password_dialog.py" line="64"/>
        <source>Save password</source>
        <translation>Passwort speichern</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/set_password_dialog.py" line="65"/>
        <source>Not now</source>
        <translation>Jetzt nicht</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/set_password_dialog.py" line="81"/>
        <source>Please use at least %1 characters.</source>
        <translation>Bitte verwenden Sie mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/set_password_dialog.py" line="84"/>
        <source>The two passwords are not the same.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/set_password_dialog.py" line="100"/>
        <source>The relay did not accept this password. Please choose a longer one.</source>
        <translation>Das Relay hat dieses Passwort nicht angenommen. Bitte wählen Sie ein längeres.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/set_password_dialog.py" line="101"/>
        <source>The relay cannot be reached just now. Please try again in a moment.</source>
        <translation>Das Relay ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/set_password_dialog.py" line="102"/>
        <source>The relay did not save the password. Try again later.</source>
        <translation>Das Relay hat das Passwort nicht gespeichert. Versuchen Sie es später noch einmal.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../wadesk/desktop/dialogs/settings_dialog.py" line="41"/>
        <source>Only at start</source>
        <translation>Nur beim Start</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/settings_dialog.py" line="42"/>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/settings_dialog.py" line="111"/>
        <location filename="../../wadesk/desktop/dialogs/settings_dialog.py" line="145"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/settings_dialog.py" line="238"/>
        <source>App lock</source>
        <translation>App-Sperre</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/settings_dialog.py" line="239"/>
        <source>Turn on…</source>
        <translation>Einschalten …</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/settings_dialog.py" line="240"/>
        <source>Change…</source>
        <translation>Ändern …</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/settings_dialog.py" line="241"/>
        <source>Turn off…</source>
        <translation>Ausschalten …</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/settings_dialog.py" line="242"/>
        <source>Lock now</source>
        <translation>Jetzt sperren</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/settings_dialog.py" line="243"/>
        <source>Hide wadesk until the PIN or passphrase is typed</source>
        <translation>wadesk ausblenden, bis die PIN oder Passphrase eingegeben wird</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/settings_dialog.py" line="263"/>
        <source>The settings could not be saved (%1); the change was not kept.</source>
        <translation>Die Einstellungen konnten nicht gespeichert werden (%1); die Änderung wurde nicht übernommen.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/settings_dialog.py" line="327"/>
        <source>Not available here.</source>
        <translation>Hier nicht verfügbar.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/settings_dialog.py" line="329"/>
        <source>Off: anyone at this PC can open wadesk.</source>
        <translation>Aus: Jede Person an diesem PC kann wadesk öffnen.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/settings_dialog.py" line="332"/>
        <source>a PIN</source>
        <translation>eine PIN</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/settings_dialog.py" line="332"/>
        <source>a passphrase</source>
        <translation>eine Passphrase</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/settings_dialog.py" line="334"/>
        <source>On: wadesk asks for %1 at start and after %2 min without use.</source>
        <translation>An: wadesk fragt beim Start und nach %2 Min. ohne Nutzung nach %1.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/settings_dialog.py" line="337"/>
        <source>On: wadesk asks for %1 at start.</source>
        <translation>An: wadesk fragt beim Start nach %1.</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="119"/>
        <source>New conversation</source>
        <translation>Neue Unterhaltung</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="120"/>
        <source>Write to a phone number (%1)</source>
        <translation>An eine Telefonnummer schreiben (%1)</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="128"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="129"/>
        <source>Settings (%1)</source>
        <translation>Einstellungen (%1)</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="141"/>
        <source>Search names, numbers and messages</source>
        <translation>Namen, Nummern und Nachrichten durchsuchen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="142"/>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="152"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="153"/>
        <source>Unread</source>
        <translation>Ungelesen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="154"/>
        <source>Mine</source>
        <translation>Meine</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="155"/>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="160"/>
        <source>Show %s conversations</source>
        <translation>Unterhaltungen anzeigen: %s</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="167"/>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="169"/>
        <source>Show the conversations with a label</source>
        <translation>Unterhaltungen mit einem Label anzeigen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="178"/>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="183"/>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="251"/>
        <source>No conversations yet.
When a customer writes to your number, it shows up here.</source>
        <translation>Noch keine Unterhaltungen.
Sobald eine Kundin oder ein Kunde Ihrer Nummer schreibt, erscheint es hier.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="248"/>
        <source>No conversations match.</source>
        <translation>Keine passenden Unterhaltungen.</translation>
    </message>
</context>
<context>
    <name>StartErrors</name>
    <message>
        <location filename="../../wadesk/desktop/start_errors.py" line="15"/>
        <source>This computer has no usable keychain to keep wadesk&apos;s database key. Start wadesk again and choose a passphrase when asked; you will type it each time wadesk starts.</source>
        <translation>Dieser Computer hat keinen nutzbaren Schlüsselbund für den Datenbankschlüssel von wadesk. Starten Sie wadesk erneut und wählen Sie auf Nachfrage eine Passphrase; Sie geben sie bei jedem Start ein.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/start_errors.py" line="20"/>
        <source>The key to your message history is missing from this computer&apos;s keychain, so the history cannot be opened. Restore the keychain from a backup, or start a new profile: your team&apos;s relay still has the messages and syncs them again.</source>
        <translation>Der Schlüssel zu Ihrem Nachrichtenverlauf fehlt im Schlüsselbund dieses Computers, daher lässt sich der Verlauf nicht öffnen. Stellen Sie den Schlüsselbund aus einer Sicherung wieder her oder legen Sie ein neues Profil an: Das Relay Ihres Teams hat die Nachrichten noch und synchronisiert sie erneut.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/start_errors.py" line="26"/>
        <source>The keychain of this computer did not answer. Unlock it (log out and in again, or open the keychain program), then start wadesk again.</source>
        <translation>Der Schlüsselbund dieses Computers hat nicht geantwortet. Entsperren Sie ihn (ab- und wieder anmelden oder das Schlüsselbund-Programm öffnen) und starten Sie wadesk dann erneut.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/start_errors.py" line="30"/>
        <source>This history was written by a newer version of wadesk. Install the newest version of wadesk to open it.</source>
        <translation>Dieser Verlauf wurde von einer neueren wadesk-Version geschrieben. Installieren Sie die neueste Version von wadesk, um ihn zu öffnen.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/start_errors.py" line="34"/>
        <source>The key in the keychain does not open this history. Restore the keychain from a backup, or start a new profile: your team&apos;s relay still has the messages.</source>
        <translation>Der Schlüssel im Schlüsselbund öffnet diesen Verlauf nicht. Stellen Sie den Schlüsselbund aus einer Sicherung wieder her oder legen Sie ein neues Profil an: Das Relay Ihres Teams hat die Nachrichten noch.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/start_errors.py" line="39"/>
        <source>The history on this computer is damaged. Start a new profile: your team&apos;s relay still has the messages and syncs them again.</source>
        <translation>Der Verlauf auf diesem Computer ist beschädigt. Legen Sie ein neues Profil an: Das Relay Ihres Teams hat die Nachrichten noch und synchronisiert sie erneut.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/start_errors.py" line="43"/>
        <source>The disk is full. Free some space (empty the recycle bin, delete large files), then start wadesk again.</source>
        <translation>Der Datenträger ist voll. Schaffen Sie Platz (Papierkorb leeren, große Dateien löschen) und starten Sie wadesk dann erneut.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/start_errors.py" line="47"/>
        <source>Another program holds the history open, perhaps wadesk itself. Close other wadesk windows (or restart the computer), then start wadesk again.</source>
        <translation>Ein anderes Programm hält den Verlauf geöffnet, vielleicht wadesk selbst. Schließen Sie andere wadesk-Fenster (oder starten Sie den Computer neu) und starten Sie wadesk dann erneut.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/start_errors.py" line="51"/>
        <source>wadesk may not read or write its folder. Check that the disk is connected and that you may write to your user folder, then start wadesk again.</source>
        <translation>wadesk darf seinen Ordner nicht lesen oder schreiben. Prüfen Sie, ob der Datenträger angeschlossen ist und Sie in Ihren Benutzerordner schreiben dürfen, und starten Sie wadesk dann erneut.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/start_errors.py" line="55"/>
        <source>This file is not the history of a wadesk desktop (perhaps a relay&apos;s database). Start a new profile.</source>
        <translation>Diese Datei ist nicht der Verlauf einer wadesk-Desktop-App (vielleicht die Datenbank eines Relays). Legen Sie ein neues Profil an.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/start_errors.py" line="59"/>
        <source>The history file is missing. Start wadesk again to make a new one: your team&apos;s relay still has the messages.</source>
        <translation>Die Verlaufsdatei fehlt. Starten Sie wadesk erneut, um eine neue anzulegen: Das Relay Ihres Teams hat die Nachrichten noch.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/start_errors.py" line="66"/>
        <source>Another program already uses port %1 on this computer, so wadesk cannot receive your WhatsApp messages. Close that program (or a wadesk that is still open) and start wadesk again.</source>
        <translation>Ein anderes Programm nutzt auf diesem Computer bereits Port %1, daher kann wadesk Ihre WhatsApp-Nachrichten nicht empfangen. Schließen Sie dieses Programm (oder ein noch geöffnetes wadesk) und starten Sie wadesk erneut.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/start_errors.py" line="71"/>
        <source>This computer has no keychain where wadesk could keep your WhatsApp access token safely, so it cannot receive messages itself. Use a computer with a keychain, or run a relay on a server.</source>
        <translation>Dieser Computer hat keinen Schlüsselbund, in dem wadesk Ihr WhatsApp-Zugriffstoken sicher aufbewahren könnte, daher kann er selbst keine Nachrichten empfangen. Verwenden Sie einen Computer mit Schlüsselbund oder betreiben Sie ein Relay auf einem Server.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/start_errors.py" line="76"/>
        <source>Your WhatsApp access token or the key of your shop&apos;s data is missing from this computer&apos;s keychain. Restore the keychain from a backup; without the key the data cannot be opened.</source>
        <translation>Ihr WhatsApp-Zugriffstoken oder der Schlüssel zu den Daten Ihres Geschäfts fehlt im Schlüsselbund dieses Computers. Stellen Sie den Schlüsselbund aus einer Sicherung wieder her; ohne den Schlüssel lassen sich die Daten nicht öffnen.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/start_errors.py" line="81"/>
        <source>The setup of this PC&apos;s relay is missing or damaged. Restore the file local-relay.json in wadesk&apos;s data folder from a backup.</source>
        <translation>Die Einrichtung des Relays auf diesem PC fehlt oder ist beschädigt. Stellen Sie die Datei local-relay.json im Datenordner von wadesk aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/start_errors.py" line="86"/>
        <source>The part of wadesk that receives your WhatsApp messages did not start. Start wadesk again; if it happens again, restart the computer.</source>
        <translation>Der Teil von wadesk, der Ihre WhatsApp-Nachrichten empfängt, ist nicht gestartet. Starten Sie wadesk erneut; passiert es wieder, starten Sie den Computer neu.</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="58"/>
        <source>Welcome to wadesk</source>
        <translation>Willkommen bei wadesk</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="59"/>
        <source>How would you like to start?</source>
        <translation>Wie möchten Sie beginnen?</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="60"/>
        <source>Try the demo: a sample bicycle shop with customers who write in</source>
        <translation>Demo ausprobieren: ein Beispiel-Fahrradladen, dem Kundinnen und Kunden schreiben</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="61"/>
        <source>Connect to your team&apos;s relay</source>
        <translation>Mit dem Relay Ihres Teams verbinden</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="66"/>
        <source>Only this PC (no server)</source>
        <translation>Nur dieser PC (ohne Server)</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="70"/>
        <source>Your business&apos;s relay receives the WhatsApp messages; ask its owner for the address and your setup code.</source>
        <translation>Das Relay Ihres Unternehmens empfängt die WhatsApp-Nachrichten. Adresse und Ihren Einrichtungscode bekommen Sie von der Person, die es betreibt.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="75"/>
        <source>For a shop with one computer: wadesk receives the WhatsApp messages itself while it runs.</source>
        <translation>Für ein Geschäft mit einem Computer: wadesk empfängt die WhatsApp-Nachrichten selbst, solange es läuft.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="80"/>
        <source>Not possible on this computer: it has no keychain where wadesk could keep your WhatsApp access token safely, and wadesk never writes it into a file. Run a relay on a server instead, or use a computer with a keychain.</source>
        <translation>Auf diesem Computer nicht möglich: Er hat keinen Schlüsselbund, in dem wadesk Ihr WhatsApp-Zugriffstoken sicher aufbewahren könnte, und wadesk schreibt es nie in eine Datei. Betreiben Sie stattdessen ein Relay auf einem Server oder verwenden Sie einen Computer mit Schlüsselbund.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="85"/>
        <source>The demo needs no account and keeps its data apart from real data.</source>
        <translation>Die Demo braucht kein Konto und hält ihre Daten getrennt von echten Daten.</translation>
    </message>
</context>
<context>
    <name>SyncWorker</name>
    <message>
        <location filename="../../wadesk/desktop/sync/worker.py" line="58"/>
        <source>This computer was signed out of your team&apos;s relay (its access was withdrawn, or the account was disabled). Log in again to keep receiving messages.</source>
        <translation>Dieser Computer wurde vom Relay Ihres Teams abgemeldet (der Zugang wurde entzogen oder das Konto deaktiviert). Melden Sie sich erneut an, um weiter Nachrichten zu erhalten.</translation>
    </message>
</context>
<context>
    <name>TeamDirectory</name>
    <message>
        <location filename="../../wadesk/desktop/team.py" line="59"/>
        <source>Colleague</source>
        <translation>Kollege/Kollegin</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <location filename="../../wadesk/desktop/dialogs/template_dialog.py" line="115"/>
        <source>Send a template</source>
        <translation>Vorlage senden</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/template_dialog.py" line="120"/>
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/template_dialog.py" line="127"/>
        <source>Not available: not approved by WhatsApp, or it needs a media header.</source>
        <translation>Nicht verfügbar: von WhatsApp nicht genehmigt, oder sie braucht eine Medien-Kopfzeile.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/template_dialog.py" line="135"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/template_dialog.py" line="136"/>
        <source>Outside the 24-hour window WhatsApp only delivers templates it has approved.</source>
        <translation>Außerhalb des 24-Stunden-Fensters stellt WhatsApp nur genehmigte Vorlagen zu.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/template_dialog.py" line="140"/>
        <source>The customer will read:</source>
        <translation>Der Kunde liest:</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/template_dialog.py" line="147"/>
        <source>Send template</source>
        <translation>Vorlage senden</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/template_dialog.py" line="177"/>
        <source>Header %1</source>
        <translation>Kopfzeile %1</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/template_dialog.py" line="177"/>
        <source>Text %1</source>
        <translation>Text %1</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../wadesk/desktop/app_lock.py" line="105"/>
        <location filename="../../wadesk/desktop/app_lock.py" line="106"/>
        <source>wadesk is locked</source>
        <translation>wadesk ist gesperrt</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/app_lock.py" line="108"/>
        <source>Type your PIN to open wadesk.</source>
        <translation>Geben Sie Ihre PIN ein, um wadesk zu öffnen.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/app_lock.py" line="109"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/app_lock.py" line="111"/>
        <source>Type your passphrase to open wadesk.</source>
        <translation>Geben Sie Ihre Passphrase ein, um wadesk zu öffnen.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/app_lock.py" line="112"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/app_lock.py" line="126"/>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/app_lock.py" line="130"/>
        <source>Quit wadesk</source>
        <translation>wadesk beenden</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/app_lock.py" line="153"/>
        <source>That PIN is not right. Please try again.</source>
        <translation>Diese PIN stimmt nicht. Bitte versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/app_lock.py" line="154"/>
        <source>That passphrase is not right. Please try again.</source>
        <translation>Diese Passphrase stimmt nicht. Bitte versuchen Sie es noch einmal.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../wadesk/desktop/app_lock.py" line="175"/>
        <source>You can try again in %n second(s).</source>
        <translation>
            <numerusform>Sie können es in %n Sekunde erneut versuchen.</numerusform>
            <numerusform>Sie können es in %n Sekunden erneut versuchen.</numerusform>
        </translation>
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
    <name>_Bar</name>
    <message>
        <location filename="../../wadesk/desktop/views/composer.py" line="47"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../wadesk/desktop/app.py" line="58"/>
        <source>wadesk cannot open your history</source>
        <translation>wadesk kann Ihren Verlauf nicht öffnen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/app.py" line="93"/>
        <source>Your business</source>
        <translation>Ihr Unternehmen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/app.py" line="374"/>
        <source>wadesk cannot receive your messages</source>
        <translation>wadesk kann Ihre Nachrichten nicht empfangen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/app.py" line="412"/>
        <source>The demo could not start</source>
        <translation>Die Demo konnte nicht starten</translation>
    </message>
</context>
<context>
    <name>app_lock</name>
    <message>
        <location filename="../../wadesk/desktop/app_lock.py" line="75"/>
        <source>A PIN has digits only.</source>
        <translation>Eine PIN besteht nur aus Ziffern.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/app_lock.py" line="77"/>
        <source>Please use at least %1 digits.</source>
        <translation>Bitte verwenden Sie mindestens %1 Ziffern.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/app_lock.py" line="81"/>
        <source>Please use at least %1 characters.</source>
        <translation>Bitte verwenden Sie mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/app_lock.py" line="84"/>
        <source>A passphrase cannot be only spaces.</source>
        <translation>Eine Passphrase darf nicht nur aus Leerzeichen bestehen.</translation>
    </message>
</context>
<context>
    <name>attachments</name>
    <message>
        <location filename="../../wadesk/desktop/attachments.py" line="50"/>
        <source>photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/attachments.py" line="51"/>
        <source>videos</source>
        <translation>Videos</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/attachments.py" line="52"/>
        <source>audio files</source>
        <translation>Audiodateien</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/attachments.py" line="53"/>
        <source>documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/attachments.py" line="54"/>
        <source>stickers</source>
        <translation>Sticker</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/attachments.py" line="70"/>
        <source>“%1” cannot be read.</source>
        <translation>„%1“ lässt sich nicht lesen.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/attachments.py" line="72"/>
        <source>“%1” is a folder, not a file.</source>
        <translation>„%1“ ist ein Ordner, keine Datei.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/attachments.py" line="76"/>
        <source>WhatsApp does not accept this kind of file (“%1”). You can send photos (JPEG, PNG), videos (MP4, 3GP), audio, PDF, Word, Excel, PowerPoint and text files.</source>
        <translation>WhatsApp nimmt diese Art von Datei nicht an („%1“). Sie können Fotos (JPEG, PNG), Videos (MP4, 3GP), Audio, PDF-, Word-, Excel-, PowerPoint- und Textdateien senden.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/attachments.py" line="83"/>
        <source>“%1” is empty.</source>
        <translation>„%1“ ist leer.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/attachments.py" line="86"/>
        <source>“%1” is %2; WhatsApp accepts %3 up to %4.</source>
        <translation>„%1“ ist %2 groß; WhatsApp nimmt %3 bis %4 an.</translation>
    </message>
</context>
<context>
    <name>bubble_layout</name>
    <message>
        <location filename="../../wadesk/desktop/views/bubble_layout.py" line="94"/>
        <source>Not delivered</source>
        <translation>Nicht zugestellt</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/bubble_layout.py" line="96"/>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/bubble_layout.py" line="101"/>
        <source>Internal note — not sent to the customer</source>
        <translation>Interne Notiz – wird dem Kunden nicht gesendet</translation>
    </message>
</context>
<context>
    <name>chat_items</name>
    <message>
        <location filename="../../wadesk/desktop/chat_items.py" line="125"/>
        <source>Automatic reply</source>
        <translation>Automatische Antwort</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/chat_items.py" line="127"/>
        <source>Sent from the WhatsApp Business app</source>
        <translation>Aus der WhatsApp-Business-App gesendet</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <location filename="../../wadesk/desktop/formatting.py" line="27"/>
        <location filename="../../wadesk/desktop/time_format.py" line="100"/>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/formatting.py" line="25"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/formatting.py" line="33"/>
        <source>d MMMM</source>
        <translation>d. MMMM</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/formatting.py" line="34"/>
        <source>d MMMM yyyy</source>
        <translation>d. MMMM yyyy</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/formatting.py" line="41"/>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/formatting.py" line="67"/>
        <source>less than a minute</source>
        <translation>weniger als eine Minute</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/formatting.py" line="70"/>
        <source>%1 h %2 min</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/formatting.py" line="72"/>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
</context>
<context>
    <name>media_painter</name>
    <message>
        <location filename="../../wadesk/desktop/views/media_painter.py" line="82"/>
        <location filename="../../wadesk/desktop/views/media_painter.py" line="154"/>
        <source>Not downloaded yet</source>
        <translation>Noch nicht heruntergeladen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/media_painter.py" line="86"/>
        <source>The file cannot be shown</source>
        <translation>Die Datei kann nicht angezeigt werden</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/media_painter.py" line="88"/>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/media_painter.py" line="194"/>
        <source>Open in OpenStreetMap</source>
        <translation>In OpenStreetMap öffnen</translation>
    </message>
</context>
<context>
    <name>message_kinds</name>
    <message>
        <location filename="../../wadesk/desktop/message_kinds.py" line="58"/>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/message_kinds.py" line="59"/>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/message_kinds.py" line="60"/>
        <source>Voice message</source>
        <translation>Sprachnachricht</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/message_kinds.py" line="61"/>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/message_kinds.py" line="62"/>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/message_kinds.py" line="63"/>
        <source>Sticker</source>
        <translation>Sticker</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/message_kinds.py" line="64"/>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/message_kinds.py" line="65"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/message_kinds.py" line="66"/>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/message_kinds.py" line="67"/>
        <source>Button reply</source>
        <translation>Antwort per Schaltfläche</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/message_kinds.py" line="68"/>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/message_kinds.py" line="69"/>
        <source>This message was deleted</source>
        <translation>Diese Nachricht wurde gelöscht</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/message_kinds.py" line="70"/>
        <source>This message type is not supported</source>
        <translation>Diese Nachrichtenart wird nicht unterstützt</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="27"/>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="28"/>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="29"/>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="30"/>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="77"/>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="80"/>
        <source>Enter sends the message</source>
        <translation>Enter sendet die Nachricht</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="81"/>
        <source>Shift+Enter starts a new line. When this is off, Enter starts a new line and Ctrl+Enter sends.</source>
        <translation>Umschalt+Enter beginnt eine neue Zeile. Ist dies aus, beginnt Enter eine neue Zeile und Strg+Enter sendet.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="84"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="86"/>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="88"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="89"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="91"/>
        <source>“Follow the system” switches along with your computer&apos;s light or dark mode.</source>
        <translation>„Wie das System“ wechselt mit dem hellen oder dunklen Modus Ihres Computers.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="93"/>
        <source>Desktop notices</source>
        <translation>Desktop-Hinweise</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="94"/>
        <source>Show a notice when a customer writes.</source>
        <translation>Einen Hinweis zeigen, wenn ein Kunde schreibt.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="95"/>
        <source>Sound</source>
        <translation>Ton</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="96"/>
        <source>Play a sound with each notice.</source>
        <translation>Bei jedem Hinweis einen Ton abspielen.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="98"/>
        <source>Lock after</source>
        <translation>Sperren nach</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="100"/>
        <source>Minutes without use before wadesk locks itself.</source>
        <translation>Minuten ohne Nutzung, bevor wadesk sich sperrt.</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="101"/>
        <source>App lock PIN or passphrase</source>
        <translation>PIN oder Passphrase der App-Sperre</translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="104"/>
        <source>App lock kind</source>
        <translation>Art der App-Sperre</translation>
    </message>
</context>
<context>
    <name>unlock</name>
    <message>
        <location filename="../../wadesk/desktop/unlock.py" line="52"/>
        <source>That passphrase does not open this history. Check that Caps Lock is off and try again; if it is lost, a new profile can sync the history from your relay.</source>
        <translation>Diese Passphrase öffnet diesen Verlauf nicht. Prüfen Sie, ob die Feststelltaste aus ist, und versuchen Sie es erneut; ist sie verloren, kann ein neues Profil den Verlauf von Ihrem Relay synchronisieren.</translation>
    </message>
</context>
</TS>
