"""Reading one message item (inbound, echo, history or edit) into typed content."""

from __future__ import annotations

from collections.abc import Callable

from wadesk.cloud._webhook_read import (
    Obj,
    ident,
    lenient_objs,
    opt_bool,
    opt_number,
    opt_obj,
    opt_str,
    req_id,
    req_number,
    req_obj,
    req_str,
    to_int,
)
from wadesk.cloud.contact_cards import ContactCard
from wadesk.cloud.media import MediaKind
from wadesk.cloud.webhook_content import (
    ButtonReplyContent,
    ContactsContent,
    EditContent,
    ListReplyContent,
    LocationContent,
    MediaContent,
    MessageContent,
    MessageContext,
    MessageType,
    OrderContent,
    OrderItem,
    ReactionContent,
    Referral,
    RevokeContent,
    SystemContent,
    SystemType,
    TemplateButtonContent,
    TextContent,
    UnknownContent,
    UnsupportedContent,
    WebhookError,
)
from wadesk.cloud.webhook_types import InvalidWebhook


def _text(m: Obj, where: str) -> TextContent:
    return TextContent(req_str(req_obj(m, "text", where), "body", f"{where}.text"))


def _media(kind: MediaKind) -> Callable[[Obj, str], MediaContent]:
    def read(m: Obj, where: str) -> MediaContent:
        block = req_obj(m, str(kind), where)
        return MediaContent(
            kind=kind, id=req_id(block, "id", f"{where}.{kind}"),
            mime_type=opt_str(block, "mime_type"), sha256=opt_str(block, "sha256"),
            caption=opt_str(block, "caption"), filename=opt_str(block, "filename"),
            voice=opt_bool(block, "voice"), animated=opt_bool(block, "animated"),
            url=opt_str(block, "url"),
        )
    return read


def _location(m: Obj, where: str) -> LocationContent:
    block = req_obj(m, "location", where)
    return LocationContent(
        latitude=req_number(block, "latitude", f"{where}.location"),
        longitude=req_number(block, "longitude", f"{where}.location"),
        name=opt_str(block, "name"), address=opt_str(block, "address"), url=opt_str(block, "url"),
    )


def _contacts(m: Obj, where: str) -> ContactsContent:
    cards = m.get("contacts")
    if not isinstance(cards, list):
        raise InvalidWebhook(f"{where}.contacts must be a list")
    return ContactsContent(tuple(ContactCard.from_payload(c) for c in lenient_objs(cards)))


def _interactive(m: Obj, where: str) -> MessageContent:
    block = req_obj(m, "interactive", where)
    kind = block.get("type")
    if kind == "button_reply":
        reply = req_obj(block, "button_reply", f"{where}.interactive")
        return ButtonReplyContent(req_id(reply, "id", f"{where}.button_reply"),
                                  opt_str(reply, "title"))
    if kind == "list_reply":
        reply = req_obj(block, "list_reply", f"{where}.interactive")
        return ListReplyContent(req_id(reply, "id", f"{where}.list_reply"),
                                opt_str(reply, "title"), opt_str(reply, "description"))
    # Flows (nfm_reply) and whatever comes next: keep it whole.
    return UnknownContent(f"interactive/{kind if isinstance(kind, str) else '?'}", block)


def _button(m: Obj, where: str) -> TemplateButtonContent:
    block = req_obj(m, "button", where)
    return TemplateButtonContent(opt_str(block, "payload"), opt_str(block, "text"))


def _reaction(m: Obj, where: str) -> ReactionContent:
    block = req_obj(m, "reaction", where)
    emoji = opt_str(block, "emoji")
    return ReactionContent(req_id(block, "message_id", f"{where}.reaction"), emoji or None)


def _price(value: object) -> float | None:
    """Prices have been seen as numbers and as decimal strings."""
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            return None
    return opt_number({"v": value}, "v")


def _order(m: Obj, where: str) -> OrderContent:
    block = req_obj(m, "order", where)
    return OrderContent(
        catalog_id=ident(block.get("catalog_id")),
        text=opt_str(block, "text"),
        items=tuple(
            OrderItem(ident(item.get("product_retailer_id")), to_int(item.get("quantity")) or 0,
                      _price(item.get("item_price")), opt_str(item, "currency"))
            for item in lenient_objs(block.get("product_items"))
        ),
    )


def _system(m: Obj, where: str) -> SystemContent:
    block = req_obj(m, "system", where)
    return SystemContent(
        type=SystemType(opt_str(block, "type") or "unknown"),
        body=opt_str(block, "body"),
        # The documented field is wa_id; older payloads called it new_wa_id.
        new_wa_id=ident(block.get("wa_id")) or ident(block.get("new_wa_id")),
        customer=ident(block.get("customer")),
    )


def _revoke(m: Obj, where: str) -> RevokeContent:
    block = req_obj(m, "revoke", where)
    return RevokeContent(req_id(block, "original_message_id", f"{where}.revoke"))


def _unsupported(m: Obj, where: str) -> UnsupportedContent:
    block = opt_obj(m, "unsupported")
    return UnsupportedContent(opt_str(block, "type") if block is not None else None)


_READERS: dict[MessageType, Callable[[Obj, str], MessageContent]] = {
    MessageType.TEXT: _text,
    MessageType.IMAGE: _media(MediaKind.IMAGE),
    MessageType.VIDEO: _media(MediaKind.VIDEO),
    MessageType.AUDIO: _media(MediaKind.AUDIO),
    MessageType.STICKER: _media(MediaKind.STICKER),
    MessageType.DOCUMENT: _media(MediaKind.DOCUMENT),
    MessageType.LOCATION: _location,
    MessageType.CONTACTS: _contacts,
    MessageType.INTERACTIVE: _interactive,
    MessageType.BUTTON: _button,
    MessageType.REACTION: _reaction,
    MessageType.ORDER: _order,
    MessageType.SYSTEM: _system,
    MessageType.REVOKE: _revoke,
    MessageType.UNSUPPORTED: _unsupported,
}


def read_content(m: Obj, where: str, *,
                 nested: bool = False) -> tuple[MessageType, str, MessageContent]:
    """(type, Meta's type word, content) of one message item."""
    type_name = req_str(m, "type", where)
    kind = MessageType(type_name)
    if kind is MessageType.EDIT and not nested:
        return kind, type_name, _edit(m, where)
    reader = _READERS.get(kind)
    if reader is None:  # an unknown type, or an edit inside an edit
        return MessageType.UNKNOWN, type_name, UnknownContent(type_name, m)
    return kind, type_name, reader(m, where)


def _edit(m: Obj, where: str) -> EditContent:
    block = req_obj(m, "edit", where)
    original = req_id(block, "original_message_id", f"{where}.edit")
    inner = opt_obj(block, "message")
    if inner is None or not isinstance(inner.get("type"), str):
        return EditContent(original, None, None)
    _, inner_type, content = read_content(inner, f"{where}.edit.message", nested=True)
    return EditContent(original, content, inner_type)


def read_context(m: Obj) -> MessageContext | None:
    block = opt_obj(m, "context")
    if block is None:
        return None
    product = opt_obj(block, "referred_product")
    return MessageContext(
        reply_to_id=ident(block.get("id")), reply_to_from=ident(block.get("from")),
        forwarded=opt_bool(block, "forwarded"),
        frequently_forwarded=opt_bool(block, "frequently_forwarded"),
        referred_product=product,
    )


def read_referral(m: Obj) -> Referral | None:
    block = opt_obj(m, "referral")
    if block is None:
        return None
    return Referral(
        source_url=opt_str(block, "source_url"), source_id=ident(block.get("source_id")),
        source_type=opt_str(block, "source_type"), headline=opt_str(block, "headline"),
        body=opt_str(block, "body"), media_type=opt_str(block, "media_type"),
        ctwa_clid=opt_str(block, "ctwa_clid"), raw=block,
    )


def read_errors(value: object) -> tuple[WebhookError, ...]:
    if not value:
        return ()
    errors = []
    for e in lenient_objs(value):
        data = opt_obj(e, "error_data")
        errors.append(WebhookError(
            code=to_int(e.get("code")), title=opt_str(e, "title"), message=opt_str(e, "message"),
            details=opt_str(data, "details") if data is not None else None, raw=e,
        ))
    return tuple(errors)
