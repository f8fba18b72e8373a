"""Message templates: GET/POST/DELETE /{waba-id}/message_templates and the checks a
template message gets when it is sent."""

from __future__ import annotations

import asyncio
import base64
import copy
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from wadesk.sim import errors
from wadesk.sim.bodies import json_body
from wadesk.sim.template_data import DEFAULT_TEMPLATES

_PARAM = re.compile(r"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")
_NAME = re.compile(r"^[a-z0-9_]{1,512}$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")
CATEGORIES = ("MARKETING", "UTILITY", "AUTHENTICATION")
DEFAULT_FIELDS = ("name", "parameter_format", "components", "language", "status", "category", "id")
ALL_FIELDS = DEFAULT_FIELDS + ("quality_score", "rejected_reason", "previous_category")
MEDIA_HEADERS = {"IMAGE": "image", "VIDEO": "video", "DOCUMENT": "document", "LOCATION": "location"}


def placeholders(text: str) -> list[str]:
    return _PARAM.findall(text or "")


@dataclass(slots=True)
class Template:
    id: str
    name: str
    language: str
    status: str
    category: str
    parameter_format: str
    components: list[dict[str, Any]]
    rejected_reason: str = "NONE"

    def component(self, kind: str) -> dict[str, Any] | None:
        return next((c for c in self.components if c.get("type", "").upper() == kind), None)

    def to_json(self, fields: tuple[str, ...] = DEFAULT_FIELDS) -> dict[str, Any]:
        values = {
            "id": self.id, "name": self.name, "language": self.language, "status": self.status,
            "category": self.category, "parameter_format": self.parameter_format,
            "components": copy.deepcopy(self.components),
            "quality_score": {"score": "UNKNOWN"}, "rejected_reason": self.rejected_reason,
            "previous_category": self.category,
        }
        return {f: values[f] for f in fields if f in values} | {"id": self.id}


class Templates:
    def __init__(self, sim: Any) -> None:
        self.sim = sim
        self.items: list[Template] = [Template(**copy.deepcopy(t)) for t in DEFAULT_TEMPLATES]

    def by_id(self, template_id: str) -> Template | None:
        return next((t for t in self.items if t.id == template_id), None)

    def find(self, name: str, language: str) -> Template | None:
        return next((t for t in self.items if t.name == name and t.language == language), None)

    def set_status(self, template: Template, status: str, reason: str | None = None) -> None:
        template.status = status
        if status == "REJECTED":
            template.rejected_reason = reason or "INVALID_FORMAT"
        self.sim.webhooks.send(self.sim.envelopes.template_status(template, reason))

    # Sending ----------------------------------------------------------------------
    def check_send(self, request: dict[str, Any]) -> tuple[Template, str]:
        """The template and its rendered body, or the error Meta answers."""
        name = request.get("name")
        language = request.get("language")
        code = language.get("code") if isinstance(language, dict) else None
        if not isinstance(name, str) or not name:
            raise errors.invalid_parameter("The parameter template['name'] is required.")
        if not isinstance(code, str) or not code:
            raise errors.invalid_parameter("The parameter template['language']['code'] is required.")
        template = self.find(name, code)
        if template is None:
            raise errors.GraphError(132001, f"template name ({name}) does not exist in {code}")
        if template.status == "PAUSED":
            raise errors.GraphError(132015, f"Template {name} is paused because of low quality.")
        if template.status == "DISABLED":
            raise errors.GraphError(132016, f"Template {name} has been disabled.")
        if template.status != "APPROVED":
            raise errors.GraphError(132001, f"template name ({name}) does not exist in {code} "
                                            f"(status {template.status})")
        given = request.get("components") or []
        if not isinstance(given, list) or not all(isinstance(c, dict) for c in given):
            raise errors.invalid_parameter("Param template['components'] must be an array of objects.")
        by_type = {str(c.get("type", "")).lower(): c for c in given if c.get("type") != "button"}
        self._check_header(template, by_type.get("header"))
        body = self._check_body(template, by_type.get("body"))
        self._check_buttons(template, [c for c in given if c.get("type") == "button"])
        return template, body

    def _check_header(self, template: Template, given: dict[str, Any] | None) -> None:
        header = template.component("HEADER")
        params = (given or {}).get("parameters") or []
        fmt = (header or {}).get("format", "TEXT")
        if header is None or (fmt == "TEXT" and not placeholders(header.get("text", ""))):
            if params:
                raise errors.GraphError(132000, f"header: number of localizable_params ({len(params)}) "
                                                "does not match the expected number of params (0)")
            return
        if fmt == "TEXT":
            if len(params) != 1:
                raise errors.GraphError(132000, f"header: number of localizable_params ({len(params)}) "
                                                "does not match the expected number of params (1)")
            if params[0].get("type") != "text" or not isinstance(params[0].get("text"), str):
                raise errors.GraphError(132012, "header: parameter must be of type text")
            return
        kind = MEDIA_HEADERS.get(fmt, fmt.lower())
        if len(params) != 1:
            raise errors.GraphError(132012, f"header: a {kind} parameter is required")
        media = params[0].get(kind)
        if params[0].get("type") != kind or not isinstance(media, dict):
            raise errors.GraphError(132012, f"header: parameter must be of type {kind}")
        if kind != "location" and not (media.get("id") or media.get("link")):
            raise errors.invalid_parameter(f"header {kind} needs an id or a link")

    def _check_body(self, template: Template, given: dict[str, Any] | None) -> str:
        body = template.component("BODY") or {"text": ""}
        text = body.get("text", "")
        expected = placeholders(text)
        params = (given or {}).get("parameters") or []
        if len(params) != len(expected):
            raise errors.GraphError(132000, f"body: number of localizable_params ({len(params)}) "
                                            f"does not match the expected number of params ({len(expected)})")
        values: dict[str, str] = {}
        for index, param in enumerate(params, start=1):
            if not isinstance(param, dict):
                raise errors.invalid_parameter("Template parameters must be objects.")
            value = _param_text(param)
            if template.parameter_format == "NAMED":
                key = param.get("parameter_name")
                if key not in expected:
                    raise errors.GraphError(132000, f"body: parameter_name {key!r} is not one of {expected}")
            else:
                key = str(index)
            values[str(key)] = value
        rendered = _PARAM.sub(lambda m: values.get(m.group(1), m.group(0)), text)
        if len(rendered) > 1024:
            raise errors.GraphError(132005, "body: the text with its parameters is longer than 1024 characters")
        return rendered

    def _check_buttons(self, template: Template, given: list[dict[str, Any]]) -> None:
        buttons = (template.component("BUTTONS") or {}).get("buttons", [])
        for component in given:
            index = component.get("index")
            try:
                position = int(index)
            except (TypeError, ValueError):
                raise errors.invalid_parameter("Param template['components'][]['index'] is required.") from None
            if not 0 <= position < len(buttons):
                raise errors.value_not_valid(f"button index {position} is out of range")


def _param_text(param: dict[str, Any]) -> str:
    kind = param.get("type", "text")
    if kind == "text":
        if not isinstance(param.get("text"), str):
            raise errors.invalid_parameter("Text parameters need a 'text' string.")
        return param["text"]
    if kind == "currency":
        return str((param.get("currency") or {}).get("fallback_value", ""))
    if kind == "date_time":
        return str((param.get("date_time") or {}).get("fallback_value", ""))
    raise errors.GraphError(132012, f"body: parameter type {kind!r} is not allowed in the body")


# Management endpoints ---------------------------------------------------------------

def _cursor(index: int) -> str:
    return base64.urlsafe_b64encode(f"cursor:{index}".encode()).decode().rstrip("=")


def _decode_cursor(cursor: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        prefix, _, number = raw.partition(":")
        if prefix == "cursor" and number.isdigit():
            return int(number)
    except (ValueError, UnicodeDecodeError):
        pass
    raise errors.invalid_parameter(f"Invalid cursor: {cursor}")


async def list_templates(sim: Any, request: Any, waba_id: str) -> dict[str, Any]:
    query = request.query_params
    fields = tuple(f.strip() for f in query.get("fields", "").split(",") if f.strip()) or DEFAULT_FIELDS
    for name in fields:
        if name not in ALL_FIELDS:
            raise errors.nonexisting_field(name, "WhatsAppBusinessHSM")
    limit_text = query.get("limit", "25")
    if not limit_text.isdigit() or not 1 <= int(limit_text) <= 1000:
        raise errors.invalid_parameter("Param limit must be a number between 1 and 1000.")
    limit = int(limit_text)
    chosen = [t for t in sim.templates.items
              if (not query.get("name") or query["name"] in t.name)
              and (not query.get("status") or t.status == query["status"].upper())
              and (not query.get("category") or t.category == query["category"].upper())
              and (not query.get("language") or t.language == query["language"])]
    start = _decode_cursor(query["after"]) + 1 if query.get("after") else 0
    if query.get("before"):
        start = max(0, _decode_cursor(query["before"]) - limit)
    page = chosen[start:start + limit]
    result: dict[str, Any] = {"data": [t.to_json(fields) for t in page]}
    if page:
        last = start + len(page) - 1
        paging: dict[str, Any] = {"cursors": {"before": _cursor(start), "after": _cursor(last)}}
        base = f"{str(request.base_url).rstrip('/')}{request.url.path}"
        keep = {k: v for k, v in query.items() if k not in ("after", "before", "access_token")}
        if last + 1 < len(chosen):
            paging["next"] = f"{base}?{urlencode({**keep, 'after': _cursor(last)})}"
        if start > 0:
            paging["previous"] = f"{base}?{urlencode({**keep, 'before': _cursor(start)})}"
        result["paging"] = paging
    return result


def _check_new_component(component: Any) -> None:
    if not isinstance(component, dict):
        raise errors.invalid_parameter("Param components must be an array of objects.")
    kind = str(component.get("type", "")).upper()
    text = component.get("text", "")
    if kind == "BODY":
        if not isinstance(text, str) or not 1 <= len(text) <= 1024:
            raise errors.invalid_parameter("Param components[BODY][text] must be 1 to 1024 characters long.")
    elif kind == "HEADER":
        fmt = str(component.get("format", "")).upper()
        if fmt == "TEXT":
            if not isinstance(text, str) or not 1 <= len(text) <= 60:
                raise errors.invalid_parameter("Param components[HEADER][text] must be 1 to 60 characters long.")
            if len(placeholders(text)) > 1:
                raise errors.invalid_parameter("A text header can have at most one parameter.")
        elif fmt not in MEDIA_HEADERS:
            raise errors.invalid_parameter("Param components[HEADER][format] must be one of "
                                           "TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION.")
    elif kind == "FOOTER":
        if not isinstance(text, str) or not 1 <= len(text) <= 60 or placeholders(text):
            raise errors.invalid_parameter("Param components[FOOTER][text] must be 1 to 60 characters "
                                           "without parameters.")
    elif kind == "BUTTONS":
        buttons = component.get("buttons")
        if not isinstance(buttons, list) or not 1 <= len(buttons) <= 10:
            raise errors.invalid_parameter("Param components[BUTTONS][buttons] must have 1 to 10 buttons.")
        for button in buttons:
            if not isinstance(button, dict) or not 1 <= len(str(button.get("text", ""))) <= 25:
                raise errors.invalid_parameter("Button text must be 1 to 25 characters long.")
    else:
        raise errors.invalid_parameter(f"Param components[][type] must be one of HEADER, BODY, "
                                       f"FOOTER, BUTTONS, not {kind or '(none)'}.")


async def create_template(sim: Any, request: Any, waba_id: str) -> dict[str, Any]:
    body = await json_body(request)
    name, language, category = body.get("name"), body.get("language"), body.get("category")
    if not isinstance(name, str) or not _NAME.match(name):
        raise errors.invalid_parameter("Param name must be 1 to 512 lowercase letters, digits or underscores.")
    if not isinstance(language, str) or not _LANGUAGE.match(language):
        raise errors.invalid_parameter("Param language must be a language code such as de or en_US.")
    if category not in CATEGORIES:
        raise errors.invalid_parameter(f"Param category must be one of {', '.join(CATEGORIES)}.")
    components = body.get("components")
    if not isinstance(components, list) or not components:
        raise errors.invalid_parameter("The parameter components is required.")
    for component in components:
        _check_new_component(component)
    if sum(1 for c in components if str(c.get("type", "")).upper() == "BODY") != 1:
        raise errors.invalid_parameter("A template needs exactly one BODY component.")
    if sim.templates.find(name, language):
        raise errors.GraphError(100, "Content in this language already exists", subcode=2388024)
    parameter_format = str(body.get("parameter_format", "POSITIONAL")).upper()
    if parameter_format not in ("POSITIONAL", "NAMED"):
        raise errors.invalid_parameter("Param parameter_format must be POSITIONAL or NAMED.")
    template = Template(sim.ids.numeric(16), name, language, "PENDING", category, parameter_format,
                        copy.deepcopy(components))
    sim.templates.items.append(template)
    delay = sim.config.template_review_delay
    if delay is not None:
        sim.spawn(_approve_later(sim, template, delay))
    return {"id": template.id, "status": "PENDING", "category": category}


async def _approve_later(sim: Any, template: Template, delay: float) -> None:
    await asyncio.sleep(delay)
    if template in sim.templates.items and template.status == "PENDING":
        sim.templates.set_status(template, "APPROVED")


async def delete_template(sim: Any, request: Any, waba_id: str) -> dict[str, Any]:
    name = request.query_params.get("name")
    hsm_id = request.query_params.get("hsm_id")
    if not name:
        raise errors.invalid_parameter("The parameter name is required.")
    doomed = [t for t in sim.templates.items if t.name == name and (not hsm_id or t.id == hsm_id)]
    if not doomed:
        raise errors.GraphError(100, f"Message template {name!r} not found", subcode=2593002)
    for template in doomed:
        sim.templates.items.remove(template)
    return {"success": True}
