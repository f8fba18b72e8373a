"""A template message as the text the customer reads, for the bubble, the list and search.

A sent template carries only its name, language and parameters; the words come from the
template itself (Meta's template object, as GET /{waba-id}/message_templates lists it).
`template_text` puts the two together the way WhatsApp shows them:

    *Ihr Termin am 12.05.*                    the header's text, bold
    Hallo Sophie, wir erinnern Sie an …       the body: the main text
    _Radhaus Berlin_                          the footer, italic
    [Termin bestätigen]                       one line per button label
    [Verschieben]

in WhatsApp's own formatting, which the desktop's bubble renders. Parameters fill the
placeholders as Meta fills them: {{1}} … by position in the component's parameter list,
{{first_name}} by parameter_name; currency and date_time parameters by their
fallback_value (Meta no longer localises them). A placeholder without a value stays as
it is ({{2}}), as the template dialog's preview shows it. Media and location headers
have no text here.

Without the template (not fetched yet, deleted, Meta unreachable) the text is the
template's name and its parameter values ("order_ready: Sophie, R-1042"): never nothing.

Both sides use this: the relay for the `send.queued` event every desktop applies, the
desktop for its pending bubble, so the two agree. Plain mappings in, a string out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")


def template_text(message: Mapping[str, Any], templates: Iterable[Mapping[str, Any]]) -> str:
    """The text the customer reads for `message` (the Cloud API's template object:
    {"name", "language": {"code"}, "components"}), from the matching one of `templates`
    (Meta's template objects); the fallback text when none matches."""
    definition = find_template(templates, _name(message), language_of(message))
    if definition is not None:
        rendered = render(definition, message)
        if rendered:
            return rendered
    return fallback_text(message)


def find_template(templates: Iterable[Mapping[str, Any]], name: str,
                  language: str) -> Mapping[str, Any] | None:
    """The template with this name in this language ("en_US" and "en-us" are one).
    Another language of the same name is a different text, so it does not count."""
    wanted = _language_key(language)
    for template in templates:
        if isinstance(template, Mapping) and template.get("name") == name \
                and _language_key(template.get("language")) == wanted:
            return template
    return None


def render(definition: Mapping[str, Any], message: Mapping[str, Any]) -> str:
    """Header, body, footer and button labels of `definition`, filled with the
    parameters of `message`; "" when the template has no text at all."""
    components = _components(definition.get("components"), "type")
    params = _parameters(message)
    lines: list[str] = []
    header = components.get("HEADER")
    if header is not None and str(header.get("format") or "TEXT").upper() == "TEXT":
        lines.append(_emphasised(_fill(header.get("text"), params.get("header", ())), "*"))
    body = components.get("BODY")
    if body is not None:
        lines.append(_fill(body.get("text"), params.get("body", ())))
    footer = components.get("FOOTER")
    if footer is not None:
        lines.append(_emphasised(_text(footer.get("text")), "_"))
    buttons = components.get("BUTTONS")
    if buttons is not None and isinstance(buttons.get("buttons"), list):
        for button in buttons["buttons"]:
            label = _text(button.get("text")).strip() if isinstance(button, Mapping) else ""
            if label:
                lines.append(f"[{label}]")
    return "\n".join(line for line in lines if line.strip())


def fallback_text(message: Mapping[str, Any]) -> str:
    """The template's name and the values it was sent with: "order_ready: Sophie, R-1042"."""
    name = _name(message) or "template"
    params = _parameters(message)
    values = [v for kind in ("header", "body") for v in
              (_value(p) for p in params.get(kind, ())) if v]
    return f"{name}: {', '.join(values)}" if values else name


def language_of(message: Mapping[str, Any]) -> str:
    """The language code of a template message: {"code": "de"} or, as some send it, "de"."""
    language = message.get("language")
    if isinstance(language, Mapping):
        language = language.get("code")
    return language if isinstance(language, str) else ""


# -- the pieces ---------------------------------------------------------------------------

def _name(message: Mapping[str, Any]) -> str:
    name = message.get("name")
    return name if isinstance(name, str) else ""


def _language_key(language: object) -> str:
    return language.strip().lower().replace("-", "_") if isinstance(language, str) else ""


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _components(components: object, key: str) -> dict[str, Mapping[str, Any]]:
    """The first component of each type, by upper-case type ("HEADER", "BODY" …)."""
    found: dict[str, Mapping[str, Any]] = {}
    if isinstance(components, list):
        for component in components:
            if isinstance(component, Mapping):
                found.setdefault(str(component.get(key) or "").upper(), component)
    return found


def _parameters(message: Mapping[str, Any]) -> dict[str, Sequence[Any]]:
    """The message's parameter lists of its header and body ("header", "body")."""
    found: dict[str, Sequence[Any]] = {}
    for kind, component in _components(message.get("components"), "type").items():
        parameters = component.get("parameters")
        if kind in ("HEADER", "BODY") and isinstance(parameters, list):
            found[kind.lower()] = parameters
    return found


def _value(parameter: object) -> str:
    """What the customer reads for one parameter; "" for media and the like."""
    if not isinstance(parameter, Mapping):
        return ""
    kind = parameter.get("type")
    if kind == "text":
        return _text(parameter.get("text"))
    if kind in ("currency", "date_time"):
        inner = parameter.get(kind)
        return _text(inner.get("fallback_value")) if isinstance(inner, Mapping) else ""
    return ""


def _fill(text: object, parameters: Sequence[Any]) -> str:
    """{{1}} by position, {{name}} by parameter_name; no value leaves the placeholder."""
    named = {p.get("parameter_name"): _value(p) for p in parameters
             if isinstance(p, Mapping) and isinstance(p.get("parameter_name"), str)}

    def value(match: re.Match[str]) -> str:
        key = match.group(1)
        if key.isdigit():
            position = int(key) - 1
            found = _value(parameters[position]) if 0 <= position < len(parameters) else ""
        else:
            found = named.get(key, "")
        return found or match.group(0)

    return _PLACEHOLDER.sub(value, _text(text))


def _emphasised(text: str, marker: str) -> str:
    """`text` between WhatsApp markers (*bold*, _italic_), where they would work: a
    marker inside the text, or a line break, would end the emphasis early."""
    text = text.strip()
    if not text or marker in text or "\n" in text:
        return text
    return f"{marker}{text}{marker}"
