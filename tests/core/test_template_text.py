"""A template message rendered as the text the customer reads (Meta's example templates
of the simulator's account)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from wadesk.cloud.template_messages import (
    CurrencyParameter, DateTimeParameter, MediaParameter, TemplateComponent, TemplateMessage,
    TextParameter,
)
from wadesk.core.template_text import fallback_text, find_template, render, template_text
from wadesk.sim.template_data import DEFAULT_TEMPLATES

TEMPLATES = copy.deepcopy(DEFAULT_TEMPLATES)


def message(name: str, language: str, *components: TemplateComponent) -> dict[str, Any]:
    """What a desktop posts: the Cloud API's template object."""
    return TemplateMessage(name, language, tuple(components)).to_payload()


def texts(*values: str) -> tuple[TextParameter, ...]:
    return tuple(TextParameter(v) for v in values)


def test_header_bold_body_footer_italic_as_whatsapp_writes_them():
    assert template_text(message("hello_world", "en_US"), TEMPLATES) == (
        "*Hello World*\n"
        "Welcome and congratulations!! This message demonstrates your ability to send a "
        "WhatsApp message notification from the Cloud API, hosted by Meta. Thank you for "
        "taking the time to test with us.\n"
        "_WhatsApp Business Platform sample message_")


def test_positional_parameters_fill_header_and_body_and_buttons_follow():
    sent = message("appointment_reminder", "de",
                   TemplateComponent.header(TextParameter("12.05.")),
                   TemplateComponent.body(*texts("Sophie", "12.05.", "10:30")))
    assert template_text(sent, TEMPLATES) == (
        "*Ihr Termin am 12.05.*\n"
        "Hallo Sophie, wir erinnern Sie an Ihren Werkstatttermin am 12.05. um 10:30 Uhr. "
        "Bitte bringen Sie Ihr Fahrrad mit.\n"
        "[Termin bestätigen]\n"
        "[Verschieben]")


def test_the_language_picks_the_text_and_another_language_does_not_stand_in():
    body = TemplateComponent.body(*texts("Emma", "R-1043"))
    english = template_text(message("order_ready", "en", body), TEMPLATES)
    german = template_text(message("order_ready", "de", body), TEMPLATES)
    assert english.startswith("Hi Emma, your bike is ready") and "Order number: R-1043." in english
    assert german.startswith("Hallo Emma, Ihr Fahrrad ist fertig") and "Auftragsnummer: R-1043." in german
    # No French order_ready: the name and the values, not the English words.
    assert template_text(message("order_ready", "fr", body), TEMPLATES) == "order_ready: Emma, R-1043"
    # Meta writes en_US; a client may write en-us.
    assert find_template(TEMPLATES, "hello_world", "en-us")["id"] == "1023456789012301"
    assert find_template(TEMPLATES, "hello_world", "en") is None


def test_named_parameters_fill_by_name_whatever_their_order():
    sent = message("spring_check", "de", TemplateComponent.body(
        TextParameter("30.04.", name="end_date"), TextParameter("Aylin", name="first_name")))
    assert template_text(sent, TEMPLATES) == (
        "Hallo Aylin, der Frühling ist da! Bis 30.04. gibt es 15 % auf jeden Frühjahrscheck.")


def test_currency_and_date_time_show_their_fallback_value_as_meta_does():
    sent = message("repair_quote", "de",
                   TemplateComponent.header(MediaParameter("document", link="https://x.de/kv.pdf")),
                   TemplateComponent.body(TextParameter("Lukas"),
                                          CurrencyParameter("89,00 €", "EUR", 89_000)))
    # A document header has no text: the body comes first.
    assert template_text(sent, TEMPLATES) == (
        "Hallo Lukas, anbei unser Kostenvoranschlag über 89,00 € für die Reparatur. "
        "Sollen wir loslegen?\n[Ja, bitte]\n[Nein, danke]")
    reminder = message("appointment_reminder", "en",
                       TemplateComponent.header(DateTimeParameter("12 May")),
                       TemplateComponent.body(TextParameter("Emma"), DateTimeParameter("12 May"),
                                              TextParameter("10:30")))
    assert template_text(reminder, TEMPLATES).splitlines()[:2] == [
        "*Your appointment on 12 May*",
        ("Hi Emma, this is a reminder of your workshop appointment on 12 May at 10:30. "
         "Please bring your bike.")]


def test_placeholders_are_numbers_not_places_in_the_text():
    definition = {"name": "swap", "language": "en", "components": [
        {"type": "BODY", "text": "{{2}} before {{1}}, and {{2}} again; {{ 1 }} spaced"}]}
    sent = message("swap", "en", TemplateComponent.body(*texts("one", "two")))
    assert render(definition, sent) == "two before one, and two again; one spaced"


def test_a_missing_value_leaves_its_placeholder_as_the_preview_shows_it():
    sent = {"name": "order_ready", "language": {"code": "de"},
            "components": [{"type": "body", "parameters": [{"type": "text", "text": "Jonas"},
                                                           {"type": "text", "text": ""}]}]}
    assert template_text(sent, TEMPLATES).startswith(
        "Hallo Jonas, Ihr Fahrrad ist fertig und kann ab sofort bei uns abgeholt werden. "
        "Auftragsnummer: {{2}}.")
    named = {"name": "spring_check", "language": {"code": "en"}, "components": [
        {"type": "body", "parameters": [{"type": "text", "text": "Emma",
                                         "parameter_name": "first_name"}]}]}
    assert template_text(named, TEMPLATES) == (
        "Hi Emma, spring is here! Until {{end_date}} every spring check is 15 % off.")


def test_without_the_template_the_name_and_the_values_never_nothing():
    sent = message("pickup_reminder", "de",
                   TemplateComponent.header(TextParameter("Morgen")),
                   TemplateComponent.body(TextParameter("Jonas"),
                                          CurrencyParameter("12,50 €", "EUR", 12_500)),
                   TemplateComponent.button(0, "quick_reply"))
    assert template_text(sent, TEMPLATES) == "pickup_reminder: Morgen, Jonas, 12,50 €"
    assert template_text(sent, []) == "pickup_reminder: Morgen, Jonas, 12,50 €"
    assert fallback_text(message("hello_world", "en_US")) == "hello_world"
    assert template_text(message("hello_world", "en_US"), []) == "hello_world"
    # Media has no words: left out.
    media = message("repair_quote", "de",
                    TemplateComponent.header(MediaParameter("document", id="4711")),
                    TemplateComponent.body(TextParameter("Lukas")))
    assert fallback_text(media) == "repair_quote: Lukas"


def test_the_language_may_come_as_plain_text():
    assert template_text({"name": "hello_world", "language": "en_US"}, TEMPLATES).startswith(
        "*Hello World*\nWelcome")


def test_a_marker_in_the_header_or_footer_is_not_doubled():
    definition = {"name": "promo", "language": "de", "components": [
        {"type": "HEADER", "format": "TEXT", "text": "50 % auf *alles*"},
        {"type": "BODY", "text": "Nur heute."},
        {"type": "FOOTER", "text": "Abmelden: antworte_stop"},
        {"type": "BUTTONS", "buttons": [{"type": "URL", "text": "Zum Shop", "url": "https://x.de/{{1}}"},
                                        {"type": "PHONE_NUMBER", "text": "Anrufen"},
                                        {"type": "QUICK_REPLY", "text": "  "}]}]}
    assert render(definition, message("promo", "de")) == (
        "50 % auf *alles*\nNur heute.\nAbmelden: antworte_stop\n[Zum Shop]\n[Anrufen]")


def test_components_in_any_order_come_out_as_whatsapp_shows_them():
    definition = {"name": "x", "language": "de", "components": [
        {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Ja"}]},
        {"type": "FOOTER", "text": "Fuß"}, {"type": "BODY", "text": "Rumpf"},
        {"type": "HEADER", "format": "TEXT", "text": "Kopf"}]}
    assert render(definition, message("x", "de")) == "*Kopf*\nRumpf\n_Fuß_\n[Ja]"


@pytest.mark.parametrize("definition", [
    {"name": "order_ready", "language": "de"},
    {"name": "order_ready", "language": "de", "components": "BODY"},
    {"name": "order_ready", "language": "de", "components": [None, 7, {"type": "BODY", "text": None}]},
    {"name": "order_ready", "language": "de", "components": [{"type": "BUTTONS", "buttons": "Ja"}]},
])
def test_a_template_without_usable_text_falls_back_to_name_and_values(definition):
    sent = message("order_ready", "de", TemplateComponent.body(*texts("Jonas", "R-1042")))
    assert template_text(sent, [definition]) == "order_ready: Jonas, R-1042"


@pytest.mark.parametrize("sent", [
    {},
    {"name": 5, "language": None, "components": "nope"},
    {"name": "order_ready", "language": {"code": "de"}, "components": [
        None, {"type": "body", "parameters": [None, {"type": "currency"}, {"type": "date_time",
                                                                           "date_time": "x"}]}]},
])
def test_malformed_messages_give_text_and_never_raise(sent):
    result = template_text(sent, [*TEMPLATES, "not a template", None])
    assert isinstance(result, str) and result


def test_a_placeholder_in_a_footer_is_not_filled_as_meta_allows_none_there():
    definition = {"name": "x", "language": "de", "components": [
        {"type": "BODY", "text": "{{1}}"}, {"type": "FOOTER", "text": "Stand {{1}}"}]}
    sent = message("x", "de", TemplateComponent.body(TextParameter("Hallo")))
    assert render(definition, sent) == "Hallo\n_Stand {{1}}_"
