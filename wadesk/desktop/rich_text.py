"""WhatsApp's text formatting, turned into the HTML subset QTextDocument renders.

*bold*, _italic_, ~strike~, `code` and ```monospace``` (which may span lines), and
links made clickable. A marker counts only at a word's edge and never across a line
break, as in WhatsApp: "2*3*4" and "snake_case_name" stay as typed. Links are cut out
before the markers are looked at, so an underscore in a URL never turns it italic.
User text is HTML-escaped before any tag is added: a message can never inject markup.
"""

from __future__ import annotations

import html
import re

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+[^\s<>\".,;:!?)\]'*_~]", re.IGNORECASE)
_MONO_BLOCK = re.compile(r"```(.+?)```", re.DOTALL)
_INLINE = (
    # (marker, open tag, close tag); lookarounds keep markers to word edges.
    (r"\*", "<b>", "</b>"),
    (r"_", "<i>", "</i>"),
    (r"~", "<s>", "</s>"),
    (r"`", "<code>", "</code>"),
)
_PLACEHOLDER = "\x00{}\x00"
_PLACEHOLDER_RE = re.compile("\x00(\\d+)\x00")


def _marker_re(marker: str) -> re.Pattern[str]:
    # Opening marker: not after a letter/digit, not before a space; closing marker: the
    # mirror image. The content holds no line break and no further marker.
    return re.compile(
        rf"(?<![\w{marker}]){marker}((?:[^\s{marker}][^\n{marker}]*?)?[^\s{marker}]){marker}(?![\w{marker}])"
    )


_INLINE_RE = [(_marker_re(marker), open_tag, close_tag) for marker, open_tag, close_tag in _INLINE]


def _href(url: str) -> str:
    return url if "://" in url else "http://" + url


def find_links(text: str) -> list[str]:
    """The URLs in a message, as they would be opened."""
    return [_href(match.group(0)) for match in _URL.finditer(text)]


def _inline(segment: str, link_colour: str) -> str:
    links: list[str] = []

    def stash(match: re.Match[str]) -> str:
        links.append(match.group(0))
        return _PLACEHOLDER.format(len(links) - 1)

    text = html.escape(_URL.sub(stash, segment), quote=False)
    for pattern, open_tag, close_tag in _INLINE_RE:
        text = pattern.sub(lambda m, o=open_tag, c=close_tag: f"{o}{m.group(1)}{c}", text)

    def link(match: re.Match[str]) -> str:
        url = links[int(match.group(1))]
        return (
            f'<a href="{html.escape(_href(url))}" style="color:{link_colour};'
            f' text-decoration:none">{html.escape(url, quote=False)}</a>'
        )

    return _PLACEHOLDER_RE.sub(link, text)


def to_html(text: str, link_colour: str = "#027eb5") -> str:
    """The message as HTML for a QTextDocument (wrapped, white space kept)."""
    parts: list[str] = []
    position = 0
    for match in _MONO_BLOCK.finditer(text):
        parts.append(_inline(text[position : match.start()], link_colour))
        parts.append(f'<span style="font-family:monospace">{html.escape(match.group(1), quote=False)}</span>')
        position = match.end()
    parts.append(_inline(text[position:], link_colour))
    return '<div style="white-space:pre-wrap">' + "".join(parts) + "</div>"


def to_plain(text: str) -> str:
    """The message without formatting markers, on one line (list previews)."""
    plain = _MONO_BLOCK.sub(lambda m: m.group(1), text)
    for pattern, _open, _close in _INLINE_RE:
        plain = pattern.sub(lambda m: m.group(1), plain)
    return " ".join(plain.split())
