"""Choosing an approved template and filling in its parameters.

Outside the 24-hour window a template is the only message WhatsApp lets a business
send. The dialog lists the approved ones, shows a field per {{1}} / {{name}}
placeholder (prefilled from the examples Meta stores, and {{1}} in the body with the
customer's first name), previews the result live, and hands back a
wadesk.cloud.template_messages.TemplateMessage plus the text as the customer sees it
(wadesk.core.template_text, the relay's rendering too).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QVBoxLayout, QWidget,
)

from wadesk.cloud.template_messages import TemplateComponent, TemplateMessage, TextParameter
from wadesk.cloud.templates import MessageTemplate, TemplateStatus
from wadesk.core import template_text
from wadesk.desktop.rich_text import to_html

_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")


def _component(template: MessageTemplate, kind: str) -> Mapping[str, Any] | None:
    return next((c for c in template.components if str(c.get("type", "")).upper() == kind), None)


def template_fields(template: MessageTemplate) -> list[tuple[str, str, str]]:
    """(component, placeholder, example) for every parameter the template needs, in
    the order Meta takes them: {{1}}, {{2}} … by number wherever they stand in the text
    (a placeholder used twice is one parameter), named ones as they first appear."""
    fields = []
    for kind in ("HEADER", "BODY"):
        component = _component(template, kind)
        if component is None or (kind == "HEADER" and str(component.get("format", "TEXT")).upper() != "TEXT"):
            continue
        names = list(dict.fromkeys(m.group(1) for m in _PLACEHOLDER.finditer(str(component.get("text", "")))))
        if all(name.isdigit() for name in names):
            names.sort(key=int)
        examples = _examples(component, kind)
        fields.extend((kind.lower(), name, examples.get(name, "")) for name in names)
    return fields


def _examples(component: Mapping[str, Any], kind: str) -> dict[str, str]:
    """The sample values Meta stores with a template, by placeholder."""
    example = component.get("example")
    if not isinstance(example, Mapping):
        return {}
    key = "header_text" if kind == "HEADER" else "body_text"
    found: dict[str, str] = {}
    named = example.get(f"{key}_named_params")
    for entry in named if isinstance(named, list) else []:
        if isinstance(entry, Mapping) and entry.get("param_name"):
            found[str(entry["param_name"])] = str(entry.get("example") or "")
    samples = example.get(key)
    if kind == "BODY" and isinstance(samples, list):
        samples = samples[0] if samples else []  # the body's examples are a list of lists
    for position, sample in enumerate(samples if isinstance(samples, list) else [], start=1):
        found[str(position)] = str(sample)
    return found


def sendable(template: MessageTemplate) -> bool:
    """Approved, and without a media header (those need an upload this dialog cannot do)."""
    header = _component(template, "HEADER")
    media_header = header is not None and str(header.get("format", "TEXT")).upper() != "TEXT"
    return template.status is TemplateStatus.APPROVED and not media_header


def render(template: MessageTemplate, values: Mapping[tuple[str, str], str]) -> str:
    """The text the customer will read, as far as it is filled in (the live preview):
    what wadesk.core.template_text makes of it, with {{2}} where a value is missing."""
    return template_text.render(template.raw, _payload(template, values))


def _payload(template: MessageTemplate, values: Mapping[tuple[str, str], str]) -> dict[str, Any]:
    """The Cloud API's template object for the values so far (empty ones included)."""
    named = (template.parameter_format or "").upper() == "NAMED"
    components = []
    for kind in ("header", "body"):
        params = [{"type": "text", "text": values.get((kind, name), ""),
                   **({"parameter_name": name} if named else {})}
                  for k, name, _example in template_fields(template) if k == kind]
        if params:
            components.append({"type": kind, "parameters": params})
    return {"name": template.name, "language": {"code": template.language or "en"},
            "components": components}


def build_message(template: MessageTemplate, values: Mapping[tuple[str, str], str]) -> TemplateMessage:
    named = (template.parameter_format or "").upper() == "NAMED"
    components = []
    for kind in ("header", "body"):
        params = [
            TextParameter(values[(k, name)], name=name if named else None)
            for k, name, _example in template_fields(template) if k == kind
        ]
        if params:
            component = TemplateComponent.header(params[0]) if kind == "header" else TemplateComponent.body(*params)
            components.append(component)
    return TemplateMessage(template.name, template.language or "en", tuple(components))


class TemplateDialog(QDialog):
    def __init__(self, templates: list[MessageTemplate], first_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Send a template"))
        self.setMinimumSize(680, 420)
        self._first_name = first_name
        self._edits: dict[tuple[str, str], QLineEdit] = {}
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Templates"))
        for template in templates:
            text = f"{template.name.replace('_', ' ')}  ·  {template.language or ''}"
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.UserRole, template)
            if not sendable(template):
                entry.setFlags(entry.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                entry.setToolTip(self.tr("Not available: not approved by WhatsApp, or it needs a media header."))
            self.list.addItem(entry)
        self.list.currentItemChanged.connect(self._chosen)
        self.form = QFormLayout()
        self.preview = QLabel(objectName="TemplatePreview", wordWrap=True)
        self.preview.setTextFormat(Qt.TextFormat.RichText)  # *bold* and _italic_ as the bubble shows them
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.preview.setAccessibleName(self.tr("Preview"))
        hint = QLabel(self.tr("Outside the 24-hour window WhatsApp only delivers templates it has approved."),
                      objectName="Muted", wordWrap=True)
        right = QVBoxLayout()
        right.addLayout(self.form)
        right.addWidget(QLabel(self.tr("The customer will read:")))
        right.addWidget(self.preview, 1)
        right.addWidget(hint)
        body = QHBoxLayout()
        body.addWidget(self.list, 2)
        body.addLayout(right, 3)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send_button = self.buttons.addButton(self.tr("Send template"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        enabled = [i for i in range(self.list.count()) if self.list.item(i).flags() & Qt.ItemFlag.ItemIsEnabled]
        first = enabled[0] if enabled else None
        if first is not None:
            self.list.setCurrentRow(first)
        self._update()

    def template(self) -> MessageTemplate | None:
        current = self.list.currentItem()
        return current.data(Qt.ItemDataRole.UserRole) if current is not None else None

    def values(self) -> dict[tuple[str, str], str]:
        return {key: edit.text().strip() for key, edit in self._edits.items()}

    def _chosen(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self._edits.clear()
        template = self.template()
        if template is not None and sendable(template):
            for kind, name, example in template_fields(template):
                edit = QLineEdit()
                edit.setPlaceholderText(example)
                if kind == "body" and name in ("1", "name", "first_name") and self._first_name:
                    edit.setText(self._first_name)
                label = self.tr("Header %1") if kind == "header" else self.tr("Text %1")
                label = label.replace("%1", f"{{{{{name}}}}}")
                edit.setAccessibleName(label)
                edit.textChanged.connect(self._update)
                self.form.addRow(label, edit)
                self._edits[(kind, name)] = edit
        self._update()

    def _update(self) -> None:
        template = self.template()
        ok = template is not None and sendable(template) and all(self.values().values())
        self.send_button.setEnabled(ok)
        self.preview.setText(to_html(render(template, self.values())) if template is not None else "")

    def message(self) -> TemplateMessage | None:
        template = self.template()
        if template is None or not self.send_button.isEnabled():
            return None
        return build_message(template, self.values())

    def rendered_text(self) -> str:
        """The text of the pending bubble: made as the relay makes it for every desktop
        (from the same template list), so the two agree."""
        template, message = self.template(), self.message()
        if template is None or message is None:
            return ""
        return template_text.template_text(message.to_payload(), [template.raw])
