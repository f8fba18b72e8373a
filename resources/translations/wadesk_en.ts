<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../wadesk/desktop/actions.py" line="148"/>
        <source>This conversation is no longer on this computer (it may have been erased), so nothing was sent or changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/actions.py" line="184"/>
        <source>There is nothing to send: the message is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/actions.py" line="203"/>
        <source>“%1” can no longer be opened (was it moved or deleted?), so it was not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/actions.py" line="240"/>
        <source>“%1” is not a phone number WhatsApp can reach: type it with the country code, 8 to 15 digits in all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/actions.py" line="282"/>
        <source>There is nothing to keep: the note is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/actions.py" line="285"/>
        <source>A note can have at most %1 characters; this one has %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppLock</name>
    <message>
        <location filename="../../wadesk/desktop/app_lock.py" line="254"/>
        <source>That is not your current PIN or passphrase. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/app_lock.py" line="267"/>
        <source>That is not your current PIN or passphrase. The lock stays on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatDelegate</name>
    <message>
        <location filename="../../wadesk/desktop/views/chat_delegate.py" line="358"/>
        <source>WhatsApp gave no reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_delegate.py" line="360"/>
        <source>Not delivered: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_delegate.py" line="359"/>
        <source>Click to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_delegate.py" line="359"/>
        <source>Click to send a template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_delegate.py" line="362"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_delegate.py" line="362"/>
        <source>Your team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_delegate.py" line="370"/>
        <source>Read %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_delegate.py" line="372"/>
        <source>Delivered %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatModel</name>
    <message>
        <location filename="../../wadesk/desktop/models/chat_model.py" line="305"/>
        <location filename="../../wadesk/desktop/models/chat_model.py" line="438"/>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/models/chat_model.py" line="436"/>
        <source>Internal note by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/models/chat_model.py" line="446"/>
        <source>not sent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/models/chat_model.py" line="446"/>
        <source>sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/models/chat_model.py" line="446"/>
        <source>delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/models/chat_model.py" line="447"/>
        <source>read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/models/chat_model.py" line="447"/>
        <source>played</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/models/chat_model.py" line="447"/>
        <source>not delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/models/chat_model.py" line="452"/>
        <source>reactions: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatPage</name>
    <message>
        <location filename="../../wadesk/desktop/views/chat_page.py" line="176"/>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_page.py" line="233"/>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_page.py" line="236"/>
        <source>Not downloaded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_page.py" line="237"/>
        <source>This file has not been downloaded yet. It appears here as soon as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_page.py" line="241"/>
        <source>This file is damaged or cannot be decrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_page.py" line="243"/>
        <source>The file could not be saved: the disk is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_page.py" line="244"/>
        <source>wadesk could not make the copy to open: the disk is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_page.py" line="246"/>
        <source>The file could not be saved: wadesk may not write to this folder. Choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_page.py" line="248"/>
        <source>wadesk could not make the copy to open: it may not write to the temporary folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_page.py" line="250"/>
        <source>The file could not be saved to this folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_page.py" line="251"/>
        <source>wadesk could not make the copy to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_page.py" line="233"/>
        <source>Cannot open the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_page.py" line="239"/>
        <source>wadesk could not open this file. Try “Save as…” instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_page.py" line="209"/>
        <source>Save as</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="74"/>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="98"/>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="152"/>
        <source>New messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="99"/>
        <source>Jump to the new messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="214"/>
        <source>Latest messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="401"/>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="403"/>
        <source>React</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="404"/>
        <source>Like</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="404"/>
        <source>Love</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="404"/>
        <source>Laugh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="404"/>
        <source>Surprised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="405"/>
        <source>Sad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="405"/>
        <source>Thanks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="410"/>
        <source>Remove your reaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="412"/>
        <source>Copy text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="414"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="415"/>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="418"/>
        <source>Send a template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/chat_view.py" line="420"/>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColleagueActivityLabel</name>
    <message>
        <location filename="../../wadesk/desktop/colleague_activity.py" line="61"/>
        <source>%1 is typing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/colleague_activity.py" line="63"/>
        <source>%1 and %2 are typing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/colleague_activity.py" line="70"/>
        <source>%1 has just answered this customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/colleague_activity.py" line="71"/>
        <source>%1 is looking at this conversation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../wadesk/desktop/views/composer.py" line="101"/>
        <source>Choose a template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer.py" line="111"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer.py" line="119"/>
        <source>Internal note (only your team sees it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer.py" line="121"/>
        <location filename="../../wadesk/desktop/views/composer.py" line="309"/>
        <source>Attach a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer.py" line="123"/>
        <source>Send a template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer.py" line="128"/>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer.py" line="129"/>
        <location filename="../../wadesk/desktop/views/composer.py" line="183"/>
        <source>Send (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer.py" line="183"/>
        <source>Send (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer.py" line="219"/>
        <source>24 hours have passed since the customer&apos;s last message: WhatsApp only lets you send an approved template now. Free text works again once they reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer.py" line="226"/>
        <source>Internal note — only your team sees it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer.py" line="228"/>
        <source>Type a message — “/” for quick replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer.py" line="230"/>
        <source>Only a template can be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer.py" line="262"/>
        <source>This file cannot be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer.py" line="272"/>
        <source>add a caption below, or just send</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComposerEdit</name>
    <message>
        <location filename="../../wadesk/desktop/views/composer_edit.py" line="39"/>
        <source>Quick replies</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationHeader</name>
    <message>
        <location filename="../../wadesk/desktop/views/conversation_header.py" line="73"/>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/conversation_header.py" line="74"/>
        <source>Labels of this conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/conversation_header.py" line="104"/>
        <source>Conversation with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/conversation_header.py" line="163"/>
        <source>Closed by WhatsApp: only a template can be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/conversation_header.py" line="165"/>
        <source>WhatsApp refused a message because 24 hours have passed since the customer&apos;s last message. Free text works again once they reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/conversation_header.py" line="169"/>
        <source>Open for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/conversation_header.py" line="171"/>
        <source>You can write freely until %1. After that, only a template can be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/conversation_header.py" line="174"/>
        <source>Closed: only a template can be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/conversation_header.py" line="176"/>
        <source>WhatsApp allows free messages only within 24 hours of the customer&apos;s last message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/conversation_header.py" line="212"/>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/conversation_header.py" line="214"/>
        <source>Assigned to you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/conversation_header.py" line="216"/>
        <source>Assigned to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/conversation_header.py" line="218"/>
        <source>change the assignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/conversation_header.py" line="228"/>
        <source>Assign to me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/conversation_header.py" line="231"/>
        <source>Assign to a colleague</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/conversation_header.py" line="237"/>
        <source>Unassign</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationListModel</name>
    <message numerus="yes">
        <location filename="../../wadesk/desktop/models/conversation_list_model.py" line="498"/>
        <source>%n unread message(s)</source>
        <translation>
            <numerusform>%n unread message</numerusform>
            <numerusform>%n unread messages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/models/conversation_list_model.py" line="501"/>
        <source>assigned to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="101"/>
        <source>This address starts with http://, which would let others on the network read your messages. Use the https:// address of your relay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="104"/>
        <source>This is not a complete address. It should look like https://relay.your-shop.de.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="106"/>
        <source>wadesk cannot reach a relay at this address. Check the address and that this computer is online; if both are right, ask whoever runs the relay whether it is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="109"/>
        <source>The relay&apos;s security certificate is not valid, so wadesk did not send your login. Ask whoever runs the relay to renew its certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="112"/>
        <source>Something answers at this address, but it is not a wadesk relay. Check the address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="114"/>
        <source>Your name or the code is not right. Type your name exactly as the owner entered it. A setup code works only once: if it was used already, ask the owner for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="117"/>
        <source>Too many wrong attempts. Please wait a quarter of an hour, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="122"/>
        <source>The relay could not log you in. Please try again in a moment, or ask whoever runs the relay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="247"/>
        <source>Set up wadesk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../../wadesk/desktop/dialogs/image_viewer.py" line="35"/>
        <source>This photo cannot be shown.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InboxController</name>
    <message>
        <location filename="../../wadesk/desktop/inbox_controller.py" line="165"/>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/inbox_controller.py" line="173"/>
        <source>Assign to me</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../wadesk/desktop/inbox_controller.py" line="225"/>
        <source>%n new message(s)</source>
        <translation>
            <numerusform>%n new message</numerusform>
            <numerusform>%n new messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../wadesk/desktop/inbox_controller.py" line="226"/>
        <source>from %n customer(s)</source>
        <translation>
            <numerusform>from %n customer</numerusform>
            <numerusform>from %n customers</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/inbox_controller.py" line="299"/>
        <source>Note not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/inbox_controller.py" line="301"/>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/inbox_controller.py" line="318"/>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/inbox_controller.py" line="320"/>
        <source>Log in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/inbox_controller.py" line="321"/>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="191"/>
        <source>Protecting your messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="195"/>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="214"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="197"/>
        <source>Repeat the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="202"/>
        <source>Your message history on this computer is encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="204"/>
        <source>The key is kept in this computer&apos;s keychain, so there is nothing to remember. Anyone who can log in to this computer as you can open wadesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="207"/>
        <source>Which passphrase should protect your message history?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="209"/>
        <source>This computer has no keychain where wadesk could keep the key. Choose a passphrase of at least %1 characters instead: you will type it each time wadesk starts. If you forget it, the history on this computer cannot be opened, but your team&apos;s relay still has it and a new profile can sync it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="215"/>
        <source>Repeat it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="226"/>
        <source>Please use at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="228"/>
        <source>The two passphrases are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalAccountPage</name>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="66"/>
        <source>Only this PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="67"/>
        <source>wadesk receives your WhatsApp messages itself. You find these values in your Meta app, on the WhatsApp &quot;API Setup&quot; page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="69"/>
        <source>e.g. Lena</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="70"/>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="72"/>
        <source>Phone number id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="74"/>
        <source>WhatsApp Business Account id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="76"/>
        <source>Access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="78"/>
        <source>App secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="80"/>
        <source>What is your name? You will be the owner of the team.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="81"/>
        <source>What is the phone number id of your WhatsApp number?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="82"/>
        <source>What is your WhatsApp Business Account id?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="83"/>
        <source>Which permanent access token did you make for a system user?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="84"/>
        <source>What is the app secret (App settings, Basic)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="87"/>
        <source>The token and the app secret are kept in this computer&apos;s keychain, never in a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="115"/>
        <source>Asking WhatsApp whether the token works…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="125"/>
        <source>WhatsApp accepted the token for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="126"/>
        <source>WhatsApp accepted the token.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalWebhookPage</name>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="136"/>
        <source>Let WhatsApp reach this PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="137"/>
        <source>Meta delivers every message to a public https address, so this PC must be reachable from the internet, e.g. with a tunnel such as Cloudflare Tunnel that forwards to the port below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="141"/>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="143"/>
        <source>Address on this PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="145"/>
        <source>Verify token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="146"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="152"/>
        <source>On which port should wadesk listen?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="153"/>
        <source>Your tunnel forwards to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="154"/>
        <source>Verify token for Meta&apos;s webhook form:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="159"/>
        <source>Then subscribe the webhook to the &quot;messages&quot; field. Keep wadesk running: messages arrive only while it is open (Meta retries for a while).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="169"/>
        <source>In your Meta app, under WhatsApp &gt; Configuration, enter as Callback URL your tunnel&apos;s public address followed by %1 (e.g. https://shop.example.com%1), and the verify token above.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockSecretDialog</name>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="49"/>
        <source>Turn on the app lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="49"/>
        <source>Change the app lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="50"/>
        <source>Turn off the app lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="52"/>
        <source>wadesk will ask for this PIN or passphrase at every start and after the idle time you choose. It keeps others at this PC from reading your chats.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="54"/>
        <source>Type the current PIN or passphrase, then choose the new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="55"/>
        <source>Type the current PIN or passphrase. Afterwards anyone at this PC can open wadesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="67"/>
        <source>Current PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="67"/>
        <source>Current passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="72"/>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="73"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="79"/>
        <source>New PIN or passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="80"/>
        <source>Repeat it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="90"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="101"/>
        <source>Turn on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="101"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="101"/>
        <source>Turn off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="118"/>
        <source>New PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="118"/>
        <source>New passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="119"/>
        <source>Repeat the PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="119"/>
        <source>Repeat the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="121"/>
        <source>At least %1 digits, nothing else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="122"/>
        <source>At least %1 characters; a few words are easy to remember and hard to guess.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="141"/>
        <source>That is not your current PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="142"/>
        <source>That is not your current passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="151"/>
        <source>The two entries are not the same. Please type the new one again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/lock_secret_dialog.py" line="163"/>
        <source>The setting could not be saved (%1). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../wadesk/desktop/main_window.py" line="131"/>
        <source>The search could not be run. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/main_window.py" line="319"/>
        <location filename="../../wadesk/desktop/main_window.py" line="322"/>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/main_window.py" line="322"/>
        <source>The message could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/main_window.py" line="405"/>
        <source>The owner erased this customer&apos;s data: the conversation was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/main_window.py" line="407"/>
        <source>The owner erased a customer&apos;s data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/main_window.py" line="473"/>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/main_window.py" line="474"/>
        <source>Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/main_window.py" line="475"/>
        <source>Offline — not connected to your relay</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../wadesk/desktop/main_window.py" line="479"/>
        <source>%n message(s) waiting to be sent</source>
        <translation>
            <numerusform>%n message waiting to be sent</numerusform>
            <numerusform>%n messages waiting to be sent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewConversation</name>
    <message>
        <location filename="../../wadesk/desktop/new_conversation.py" line="68"/>
        <source>No template to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/new_conversation.py" line="69"/>
        <source>WhatsApp lets a business write first only with a template it has approved, and there is none yet (or the relay could not fetch them). Create one in WhatsApp Manager; wadesk offers it here once Meta has approved it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/new_conversation.py" line="74"/>
        <source>First message to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/new_conversation.py" line="87"/>
        <location filename="../../wadesk/desktop/new_conversation.py" line="112"/>
        <location filename="../../wadesk/desktop/new_conversation.py" line="138"/>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/new_conversation.py" line="99"/>
        <source>Sending the template to %1 — the conversation opens as soon as your relay has it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/new_conversation.py" line="111"/>
        <source>The first message could not be saved, so it was not sent. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewConversationDialog</name>
    <message>
        <location filename="../../wadesk/desktop/dialogs/new_conversation_dialog.py" line="23"/>
        <source>Type the customer&apos;s phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/new_conversation_dialog.py" line="24"/>
        <source>A phone number has only digits, spaces and + - / ( ).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/new_conversation_dialog.py" line="26"/>
        <source>The + belongs only at the start, before the country code (+49 …).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/new_conversation_dialog.py" line="28"/>
        <source>This is not a country code. Start with + and the country code, for example +49 151 23456789.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/new_conversation_dialog.py" line="31"/>
        <source>This number is too short for a mobile or landline number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/new_conversation_dialog.py" line="33"/>
        <source>This number is too long: phone numbers have at most 15 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/new_conversation_dialog.py" line="45"/>
        <source>New conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/new_conversation_dialog.py" line="48"/>
        <source>Write to a customer by their phone number. If you have talked before, the conversation opens; otherwise the first message is a template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/new_conversation_dialog.py" line="52"/>
        <source>e.g. 0151 23456789 or +%1 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/new_conversation_dialog.py" line="53"/>
        <source>Phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/new_conversation_dialog.py" line="61"/>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../../wadesk/desktop/notifier.py" line="77"/>
        <source>Open wadesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/notifier.py" line="78"/>
        <source>App lock…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/notifier.py" line="80"/>
        <source>Quit wadesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../wadesk/desktop/notifier.py" line="112"/>
        <source>wadesk — %n unread message(s)</source>
        <translation>
            <numerusform>wadesk — %n unread message</numerusform>
            <numerusform>wadesk — %n unread messages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/notifier.py" line="127"/>
        <source>New message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/notifier.py" line="129"/>
        <source>New messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../wadesk/desktop/notifier.py" line="130"/>
        <source>from %n customer(s)</source>
        <translation>
            <numerusform>from %n customer</numerusform>
            <numerusform>from %n customers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OnePcPages</name>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="40"/>
        <source>WhatsApp does not accept this access token: it is mistyped, expired or was withdrawn. Copy a new one from Meta&apos;s Business Settings (System users) and paste it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="43"/>
        <source>This access token may not send WhatsApp messages. In Meta&apos;s Business Settings, give the system user the permissions whatsapp_business_messaging and whatsapp_business_management, then make a new token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="47"/>
        <source>The token works, but not for this phone number id. Check both ids on the WhatsApp &quot;API Setup&quot; page of your Meta app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/one_pc_pages.py" line="50"/>
        <source>wadesk could not reach WhatsApp just now. Check that this computer is online, then press Next again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="26"/>
        <source>Protect your message history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="26"/>
        <source>Unlock wadesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="29"/>
        <source>This computer has no keychain where wadesk could keep the key of your encrypted message history. Choose a passphrase instead. You will type it each time wadesk starts. If you forget it, nobody can open the history again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="34"/>
        <source>Type the passphrase that protects your message history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="37"/>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="43"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="39"/>
        <source>Repeat the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="45"/>
        <source>Repeat it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="62"/>
        <source>Please use at least %d characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="64"/>
        <source>The two passphrases are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/passphrase_dialog.py" line="66"/>
        <source>Please type your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PendingSends</name>
    <message>
        <location filename="../../wadesk/desktop/views/composer_pending.py" line="96"/>
        <source>The note could not be saved on this computer. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer_pending.py" line="97"/>
        <source>The message could not be saved on this computer, so it was not sent. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer_pending.py" line="99"/>
        <source>Note not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer_pending.py" line="99"/>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer_pending.py" line="107"/>
        <source>What you wrote: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer_pending.py" line="109"/>
        <source>Paste the image again to send it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/composer_pending.py" line="111"/>
        <source>The file: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RelayLoginPage</name>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="134"/>
        <source>Connect to your relay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="135"/>
        <source>Enter what the owner of your wadesk relay gave you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="137"/>
        <source>Relay address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="138"/>
        <source>e.g. Lena</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="139"/>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="140"/>
        <source>Setup code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="141"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="148"/>
        <source>Setup code or password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="150"/>
        <source>What is the address of your relay?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="151"/>
        <source>What is your name in the team?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="152"/>
        <source>How do you log in?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="153"/>
        <source>Your setup code or password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="172"/>
        <source>Connecting to your relay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="182"/>
        <source>Connected. Welcome, %1!</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReloginWizard</name>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="298"/>
        <source>Log in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="302"/>
        <source>This computer was signed out. Ask the owner for a new setup code, or use your password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SendFailure</name>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="25"/>
        <source>More than 24 hours since the customer&apos;s last message: only a template can be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="30"/>
        <source>The Cloud API token expired or was revoked: an owner or admin must give the relay a new one (on the server: `wadesk relay set-token`). Until then, messages wait on the relay and customers&apos; photos and files wait to be fetched; both go on as soon as it has a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="37"/>
        <source>The Cloud API token expired or was revoked, so WhatsApp takes no files until an owner or admin gives the relay a new one; the file waits on this computer and is sent then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="43"/>
        <source>WhatsApp refused the relay&apos;s Cloud API token (expired or revoked), so this message was not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="47"/>
        <source>WhatsApp never confirmed this message, so it may or may not have arrived. Send it again only if the customer did not get it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="51"/>
        <source>The answer from WhatsApp was lost; the relay waits for WhatsApp&apos;s status report instead of sending the message twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="59"/>
        <source>WhatsApp could not deliver this message: the number may not use WhatsApp, or the customer has not accepted WhatsApp&apos;s latest terms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="63"/>
        <source>This is the business&apos;s own number: a message cannot be sent to itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="66"/>
        <source>This customer cannot be reached from this business number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="68"/>
        <source>The customer has turned off marketing messages from this business.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="70"/>
        <source>WhatsApp held this marketing message back because the customer recently received many; try again tomorrow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="74"/>
        <source>WhatsApp limited sending from this number after spam reports; check the number&apos;s quality rating in WhatsApp Manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="78"/>
        <source>The number of template parameters does not match the approved template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="81"/>
        <source>This template does not exist in this language or is not approved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="84"/>
        <source>The template is too long once its parameters are filled in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="86"/>
        <source>The template was refused under WhatsApp&apos;s content policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="88"/>
        <source>A template parameter has the wrong format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="89"/>
        <source>This template is paused because of low quality.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="90"/>
        <source>This template is disabled because of low quality.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="91"/>
        <source>The business number is not registered with the Cloud API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="96"/>
        <source>The Cloud API token lacks a permission (whatsapp_business_messaging): check the Meta app&apos;s setup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="100"/>
        <source>The WhatsApp account is not set up for sending: check WhatsApp Manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="102"/>
        <source>The WhatsApp account is restricted or locked, so nothing can be sent: check WhatsApp Manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="106"/>
        <source>WhatsApp cannot deliver this message to this customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="108"/>
        <source>WhatsApp refused the template: check its name, language and parameters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="110"/>
        <source>WhatsApp could not use the attached file: its type is not supported, or the upload has expired. Attach it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="114"/>
        <source>WhatsApp refused the message as incomplete or invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="116"/>
        <source>WhatsApp&apos;s sending limit for this number was reached too often; the message was given up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="120"/>
        <source>Too many messages to this customer in a short time; the message was given up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="123"/>
        <source>WhatsApp&apos;s call limit for this account was reached too often; the message was given up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="126"/>
        <source>WhatsApp was not reachable or unwell for too long; the message was given up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="129"/>
        <source>The message breaks one of WhatsApp&apos;s limits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="130"/>
        <source>WhatsApp refused the message (error %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="131"/>
        <source>WhatsApp refused the message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="135"/>
        <source>There is no such conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="136"/>
        <source>This client_id was already used for a different message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="138"/>
        <source>This client_id was already used for a different note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="140"/>
        <source>The relay has no business number configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="142"/>
        <source>This business number is not configured on the relay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="144"/>
        <source>WhatsApp does not take files of type %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="146"/>
        <source>WhatsApp takes %1 files up to %2 KB; this one has %3 KB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="149"/>
        <source>The file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="150"/>
        <source>A note can have at most %1 characters; this one has %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="155"/>
        <source>The file of this message is no longer on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/core/send_failure_texts.py" line="159"/>
        <source>This could not be sent because of an unexpected error on this computer; it was tried several times.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetPasswordDialog</name>
    <message>
        <location filename="../../wadesk/desktop/dialogs/set_password_dialog.py" line="48"/>
        <source>A password for your next computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/set_password_dialog.py" line="49"/>
        <source>Your setup code is used up. Choose a password now, so you can log in on another computer without asking the owner for a new code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/set_password_dialog.py" line="53"/>
        <location filename="../../wadesk/desktop/dialogs/set_password_dialog.py" line="61"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/set_password_dialog.py" line="55"/>
        <source>Repeat the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/set_password_dialog.py" line="62"/>
        <source>Repeat it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/set_password_dialog.py" line="64"/>
        <source>Save password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/set_password_dialog.py" line="65"/>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/set_password_dialog.py" line="81"/>
        <source>Please use at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/set_password_dialog.py" line="84"/>
        <source>The two passwords are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/set_password_dialog.py" line="100"/>
        <source>The relay did not accept this password. Please choose a longer one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/set_password_dialog.py" line="101"/>
        <source>The relay cannot be reached just now. Please try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/set_password_dialog.py" line="102"/>
        <source>The relay did not save the password. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../wadesk/desktop/dialogs/settings_dialog.py" line="41"/>
        <source>Only at start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/settings_dialog.py" line="42"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/settings_dialog.py" line="111"/>
        <location filename="../../wadesk/desktop/dialogs/settings_dialog.py" line="145"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/settings_dialog.py" line="238"/>
        <source>App lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/settings_dialog.py" line="239"/>
        <source>Turn on…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/settings_dialog.py" line="240"/>
        <source>Change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/settings_dialog.py" line="241"/>
        <source>Turn off…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/settings_dialog.py" line="242"/>
        <source>Lock now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/settings_dialog.py" line="243"/>
        <source>Hide wadesk until the PIN or passphrase is typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/settings_dialog.py" line="263"/>
        <source>The settings could not be saved (%1); the change was not kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/settings_dialog.py" line="327"/>
        <source>Not available here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/settings_dialog.py" line="329"/>
        <source>Off: anyone at this PC can open wadesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/settings_dialog.py" line="332"/>
        <source>a PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/settings_dialog.py" line="332"/>
        <source>a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/settings_dialog.py" line="334"/>
        <source>On: wadesk asks for %1 at start and after %2 min without use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/settings_dialog.py" line="337"/>
        <source>On: wadesk asks for %1 at start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="119"/>
        <source>New conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="120"/>
        <source>Write to a phone number (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="128"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="129"/>
        <source>Settings (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="141"/>
        <source>Search names, numbers and messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="142"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="152"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="153"/>
        <source>Unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="154"/>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="155"/>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="160"/>
        <source>Show %s conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="167"/>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="169"/>
        <source>Show the conversations with a label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="178"/>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="183"/>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="251"/>
        <source>No conversations yet.
When a customer writes to your number, it shows up here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/sidebar.py" line="248"/>
        <source>No conversations match.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartErrors</name>
    <message>
        <location filename="../../wadesk/desktop/start_errors.py" line="15"/>
        <source>This computer has no usable keychain to keep wadesk&apos;s database key. Start wadesk again and choose a passphrase when asked; you will type it each time wadesk starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/start_errors.py" line="20"/>
        <source>The key to your message history is missing from this computer&apos;s keychain, so the history cannot be opened. Restore the keychain from a backup, or start a new profile: your team&apos;s relay still has the messages and syncs them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/start_errors.py" line="26"/>
        <source>The keychain of this computer did not answer. Unlock it (log out and in again, or open the keychain program), then start wadesk again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/start_errors.py" line="30"/>
        <source>This history was written by a newer version of wadesk. Install the newest version of wadesk to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/start_errors.py" line="34"/>
        <source>The key in the keychain does not open this history. Restore the keychain from a backup, or start a new profile: your team&apos;s relay still has the messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/start_errors.py" line="39"/>
        <source>The history on this computer is damaged. Start a new profile: your team&apos;s relay still has the messages and syncs them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/start_errors.py" line="43"/>
        <source>The disk is full. Free some space (empty the recycle bin, delete large files), then start wadesk again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/start_errors.py" line="47"/>
        <source>Another program holds the history open, perhaps wadesk itself. Close other wadesk windows (or restart the computer), then start wadesk again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/start_errors.py" line="51"/>
        <source>wadesk may not read or write its folder. Check that the disk is connected and that you may write to your user folder, then start wadesk again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/start_errors.py" line="55"/>
        <source>This file is not the history of a wadesk desktop (perhaps a relay&apos;s database). Start a new profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/start_errors.py" line="59"/>
        <source>The history file is missing. Start wadesk again to make a new one: your team&apos;s relay still has the messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/start_errors.py" line="66"/>
        <source>Another program already uses port %1 on this computer, so wadesk cannot receive your WhatsApp messages. Close that program (or a wadesk that is still open) and start wadesk again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/start_errors.py" line="71"/>
        <source>This computer has no keychain where wadesk could keep your WhatsApp access token safely, so it cannot receive messages itself. Use a computer with a keychain, or run a relay on a server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/start_errors.py" line="76"/>
        <source>Your WhatsApp access token or the key of your shop&apos;s data is missing from this computer&apos;s keychain. Restore the keychain from a backup; without the key the data cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/start_errors.py" line="81"/>
        <source>The setup of this PC&apos;s relay is missing or damaged. Restore the file local-relay.json in wadesk&apos;s data folder from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/start_errors.py" line="86"/>
        <source>The part of wadesk that receives your WhatsApp messages did not start. Start wadesk again; if it happens again, restart the computer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="58"/>
        <source>Welcome to wadesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="59"/>
        <source>How would you like to start?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="60"/>
        <source>Try the demo: a sample bicycle shop with customers who write in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="61"/>
        <source>Connect to your team&apos;s relay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="66"/>
        <source>Only this PC (no server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="70"/>
        <source>Your business&apos;s relay receives the WhatsApp messages; ask its owner for the address and your setup code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="75"/>
        <source>For a shop with one computer: wadesk receives the WhatsApp messages itself while it runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="80"/>
        <source>Not possible on this computer: it has no keychain where wadesk could keep your WhatsApp access token safely, and wadesk never writes it into a file. Run a relay on a server instead, or use a computer with a keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/first_run_wizard.py" line="85"/>
        <source>The demo needs no account and keeps its data apart from real data.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncWorker</name>
    <message>
        <location filename="../../wadesk/desktop/sync/worker.py" line="58"/>
        <source>This computer was signed out of your team&apos;s relay (its access was withdrawn, or the account was disabled). Log in again to keep receiving messages.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TeamDirectory</name>
    <message>
        <location filename="../../wadesk/desktop/team.py" line="59"/>
        <source>Colleague</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <location filename="../../wadesk/desktop/dialogs/template_dialog.py" line="115"/>
        <source>Send a template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/template_dialog.py" line="120"/>
        <source>Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/template_dialog.py" line="127"/>
        <source>Not available: not approved by WhatsApp, or it needs a media header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/template_dialog.py" line="135"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/template_dialog.py" line="136"/>
        <source>Outside the 24-hour window WhatsApp only delivers templates it has approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/template_dialog.py" line="140"/>
        <source>The customer will read:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/template_dialog.py" line="147"/>
        <source>Send template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/template_dialog.py" line="177"/>
        <source>Header %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/dialogs/template_dialog.py" line="177"/>
        <source>Text %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../wadesk/desktop/app_lock.py" line="105"/>
        <location filename="../../wadesk/desktop/app_lock.py" line="106"/>
        <source>wadesk is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/app_lock.py" line="108"/>
        <source>Type your PIN to open wadesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/app_lock.py" line="109"/>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/app_lock.py" line="111"/>
        <source>Type your passphrase to open wadesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/app_lock.py" line="112"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/app_lock.py" line="126"/>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/app_lock.py" line="130"/>
        <source>Quit wadesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/app_lock.py" line="153"/>
        <source>That PIN is not right. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/app_lock.py" line="154"/>
        <source>That passphrase is not right. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../wadesk/desktop/app_lock.py" line="175"/>
        <source>You can try again in %n second(s).</source>
        <translation>
            <numerusform>You can try again in %n second.</numerusform>
            <numerusform>You can try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../wadesk/desktop/views/welcome_page.py" line="23"/>
        <source>wadesk for your team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/welcome_page.py" line="27"/>
        <source>Answer your customers on WhatsApp from this computer, together with your colleagues on one business number.
Choose a conversation on the left to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/welcome_page.py" line="39"/>
        <source>Your message history is encrypted on this computer. wadesk never reads your address book.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_Bar</name>
    <message>
        <location filename="../../wadesk/desktop/views/composer.py" line="47"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../wadesk/desktop/app.py" line="58"/>
        <source>wadesk cannot open your history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/app.py" line="93"/>
        <source>Your business</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/app.py" line="374"/>
        <source>wadesk cannot receive your messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/app.py" line="412"/>
        <source>The demo could not start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app_lock</name>
    <message>
        <location filename="../../wadesk/desktop/app_lock.py" line="75"/>
        <source>A PIN has digits only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/app_lock.py" line="77"/>
        <source>Please use at least %1 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/app_lock.py" line="81"/>
        <source>Please use at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/app_lock.py" line="84"/>
        <source>A passphrase cannot be only spaces.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>attachments</name>
    <message>
        <location filename="../../wadesk/desktop/attachments.py" line="50"/>
        <source>photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/attachments.py" line="51"/>
        <source>videos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/attachments.py" line="52"/>
        <source>audio files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/attachments.py" line="53"/>
        <source>documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/attachments.py" line="54"/>
        <source>stickers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/attachments.py" line="70"/>
        <source>“%1” cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/attachments.py" line="72"/>
        <source>“%1” is a folder, not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/attachments.py" line="76"/>
        <source>WhatsApp does not accept this kind of file (“%1”). You can send photos (JPEG, PNG), videos (MP4, 3GP), audio, PDF, Word, Excel, PowerPoint and text files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/attachments.py" line="83"/>
        <source>“%1” is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/attachments.py" line="86"/>
        <source>“%1” is %2; WhatsApp accepts %3 up to %4.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bubble_layout</name>
    <message>
        <location filename="../../wadesk/desktop/views/bubble_layout.py" line="94"/>
        <source>Not delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/bubble_layout.py" line="96"/>
        <source>edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/bubble_layout.py" line="101"/>
        <source>Internal note — not sent to the customer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chat_items</name>
    <message>
        <location filename="../../wadesk/desktop/chat_items.py" line="125"/>
        <source>Automatic reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/chat_items.py" line="127"/>
        <source>Sent from the WhatsApp Business app</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <location filename="../../wadesk/desktop/formatting.py" line="27"/>
        <location filename="../../wadesk/desktop/time_format.py" line="100"/>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/formatting.py" line="25"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/formatting.py" line="33"/>
        <source>d MMMM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/formatting.py" line="34"/>
        <source>d MMMM yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/formatting.py" line="41"/>
        <source>%1 B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/formatting.py" line="67"/>
        <source>less than a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/formatting.py" line="70"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/formatting.py" line="72"/>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>media_painter</name>
    <message>
        <location filename="../../wadesk/desktop/views/media_painter.py" line="82"/>
        <location filename="../../wadesk/desktop/views/media_painter.py" line="154"/>
        <source>Not downloaded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/media_painter.py" line="86"/>
        <source>The file cannot be shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/media_painter.py" line="88"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/views/media_painter.py" line="194"/>
        <source>Open in OpenStreetMap</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>message_kinds</name>
    <message>
        <location filename="../../wadesk/desktop/message_kinds.py" line="58"/>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/message_kinds.py" line="59"/>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/message_kinds.py" line="60"/>
        <source>Voice message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/message_kinds.py" line="61"/>
        <source>Audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/message_kinds.py" line="62"/>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/message_kinds.py" line="63"/>
        <source>Sticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/message_kinds.py" line="64"/>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/message_kinds.py" line="65"/>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/message_kinds.py" line="66"/>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/message_kinds.py" line="67"/>
        <source>Button reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/message_kinds.py" line="68"/>
        <source>Notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/message_kinds.py" line="69"/>
        <source>This message was deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/message_kinds.py" line="70"/>
        <source>This message type is not supported</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="27"/>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="28"/>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="29"/>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="30"/>
        <source>Security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="77"/>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="80"/>
        <source>Enter sends the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="81"/>
        <source>Shift+Enter starts a new line. When this is off, Enter starts a new line and Ctrl+Enter sends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="84"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="86"/>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="88"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="89"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="91"/>
        <source>“Follow the system” switches along with your computer&apos;s light or dark mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="93"/>
        <source>Desktop notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="94"/>
        <source>Show a notice when a customer writes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="95"/>
        <source>Sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="96"/>
        <source>Play a sound with each notice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="98"/>
        <source>Lock after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="100"/>
        <source>Minutes without use before wadesk locks itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="101"/>
        <source>App lock PIN or passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../wadesk/desktop/settings.py" line="104"/>
        <source>App lock kind</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unlock</name>
    <message>
        <location filename="../../wadesk/desktop/unlock.py" line="52"/>
        <source>That passphrase does not open this history. Check that Caps Lock is off and try again; if it is lost, a new profile can sync the history from your relay.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
