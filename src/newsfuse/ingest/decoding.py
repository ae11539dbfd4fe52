"""Bytes of a text file -> str: byte-order marks first, then UTF-8, then charset-normalizer.

The old reader tried UTF-8 and fell back to Windows-1252 for everything else, so a UTF-16 file
was refused as binary (its NUL bytes), a Polish page in ISO-8859-2 was refused, and a UTF-8 file
with one bad byte was decoded as cp1252 throughout ("schÃ¶n"). The order here:

1. a byte-order mark names the encoding (UTF-8, UTF-16, UTF-32, either byte order);
2. NUL bytes without a BOM: a binary file, refused;
3. valid UTF-8;
4. mostly valid UTF-8 (its multi-byte sequences outnumber the stray bytes): UTF-8 with the
   stray bytes replaced, not a single-byte code page throughout;
5. otherwise charset-normalizer's best guess (the detector trafilatura and requests use).

HTML files are decoded here only for display and the lead baseline; the cleaner hands their
bytes to trafilatura, which detects the encoding itself (``Document.raw_bytes``), except in
case 4, which trafilatura's detector takes for a single-byte code page (``html_for_extraction``).
"""

from __future__ import annotations

import codecs
import re

from newsfuse.errors import InputError

__all__ = ["decode_text", "html_for_extraction"]

# UTF-32 LE's mark starts with UTF-16 LE's: test the longer marks first.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# A well-formed UTF-8 multi-byte sequence (2 to 4 bytes).
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_NON_ASCII = re.compile(rb"[\x80-\xff]")


def _mostly_utf8(data: bytes) -> bool:
    """True when well-formed UTF-8 sequences outnumber the bytes outside them.

    Text in a single-byte code page almost never forms UTF-8 sequences by chance ("Ã¶" would
    have to be written on purpose), so a majority of them means UTF-8 with a few damaged bytes.
    """
    sequences = _UTF8_SEQUENCE.findall(data)
    stray = len(_NON_ASCII.findall(data)) - sum(len(s) for s in sequences)
    return len(sequences) > stray


def decode_text(data: bytes, name: str) -> str:
    """The text of a file's bytes; ``InputError`` naming ``name`` when it is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data[:8192]:
        raise InputError(
            f"{name}: binary file (contains NUL bytes and no byte-order mark), not a text or HTML report"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return data.decode("utf-8", errors="replace")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{name}: not text in any encoding newsfuse recognises")
    return str(best)


def html_for_extraction(data: bytes) -> bytes | str:
    """An HTML file for trafilatura: its bytes, or, for mostly-valid UTF-8, the UTF-8 text.

    Given UTF-8 with one damaged byte, trafilatura's own detection picks a single-byte code page
    ("Die BrĂĽcke" for "Die Brücke", cp1250); everything else it decodes as well as we would.
    """
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace") if _mostly_utf8(data) else data
    return data
