"""XML output through ElementTree, with one rule for the characters XML forbids.

XML 1.0 cannot carry most C0 control characters (U+0000-U+0008, U+000B,
U+000C, U+000E-U+001F), lone surrogates, U+FFFE or U+FFFF, not even as
character references.  The archive's files do contain some (form feeds at
page breaks), so every text and attribute value goes through :func:`clean`,
which replaces each of them by U+FFFD REPLACEMENT CHARACTER: one character
for one, so offsets and lengths stay as they were and the loss is visible.
Line ends are XML's own business: a parser reads CR LF and CR as LF.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

#: The characters XML 1.0 forbids (tab, LF and CR are allowed).
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

#: What replaces each forbidden character.
REPLACEMENT = "\ufffd"


def clean(text: str) -> str:
    """``text`` with every character XML forbids replaced by U+FFFD."""
    return FORBIDDEN.sub(REPLACEMENT, text) if FORBIDDEN.search(text) else text


def sub(
    parent: ET.Element, tag: str, text: str | None = None, attrib: dict[str, str] | None = None
) -> ET.Element:
    """A child element of ``parent`` with cleaned ``text`` and attributes."""
    element = ET.SubElement(parent, tag, {k: clean(v) for k, v in (attrib or {}).items()})
    if text is not None:
        element.text = clean(text)
    return element


def append_text(parent: ET.Element, text: str) -> None:
    """Add cleaned ``text`` after the last child of ``parent`` (or inside it, if none)."""
    if not text:
        return
    text = clean(text)
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def serialize(root: ET.Element) -> str:
    """The document as text, with an XML declaration for UTF-8."""
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'
