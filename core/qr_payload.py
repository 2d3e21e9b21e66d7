"""The text inside an equipment QR label: ``SD1:<site>:<equipment>:<check>``.

Example: ``SD1:ZC01:YJ-CY-0012:3F9A``.

Design (issue F2, capability "printed QR labels"):

- **Short and offline.** No URL and no server: the label names the site and the equipment by
  their human codes, so a scan resolves against the local database with no network. Ids
  (UUIDv7) are not used because they are 36 characters and mean nothing to a person reading
  the label by eye.
- **Versioned.** ``SD<n>:`` is the one part that never changes. A later format bumps ``n``;
  this reader then says "made by a newer SafeDesk" (``qr.newer_version``) instead of
  "damaged". ``SD`` with a version and colon is how we recognise our own codes; anything else
  is ``qr.foreign`` (a URL, a product barcode, random text).
- **QR alphanumeric mode only.** Every character is one of ``0-9 A-Z $%*+-./:`` and space, so
  the encoder packs 5.5 bits per character instead of 8: a typical label fits QR version 2
  (25 modules) at error correction Q, which keeps the modules large on a 70×37 mm sticker.
  Codes are written as-is when they use only ``A-Z 0-9 - . /``; every other character
  (lowercase, Chinese, space, ``:``, ``%`` …) becomes ``%HH`` per UTF-8 byte, upper-case hex.
  The escape is canonical (exactly one spelling per code), so decoding and re-encoding must
  give the same text, and a round trip is exact (no case folding, no Unicode normalisation).
- **Check: CRC-16/CCITT as 4 upper-case hex digits** (``binascii.crc_hqx``, init 0xFFFF) over
  everything before the last colon. Why this and not a truncated CRC-32 or a Luhn mod N digit:
  the QR symbol's own Reed–Solomon code already corrects print damage, so what reaches us
  wrong is mostly a *text* error — a code typed by hand or by a keyboard-wedge scanner with the
  wrong layout, a cut-off paste, someone else's code that happens to start with ``SD1:``. A
  real 16-bit CRC *guarantees* detection of every error confined to 16 consecutive bits —
  so every single changed character and every swap of two neighbouring characters — plus
  every odd number of flipped bits, and lets random damage through only 1 time in 65,536.
  The low 20 bits of CRC-32 lose those guarantees (they are not a CRC of degree 20), and one
  Luhn mod N character lets 1 in N random damages through. The check is not a signature:
  anyone can make a valid label; it only tells damage from data.
"""

from __future__ import annotations

import binascii
import re
from dataclasses import dataclass

from core import i18n
from core.i18n import DomainError

VERSION = 1
PREFIX = f"SD{VERSION}:"

# The 45 characters QR alphanumeric mode can encode (ISO/IEC 18004, table 5).
ALPHANUMERIC = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
# Characters of a code written as themselves. ':' separates fields and '%' starts an escape;
# space, '$', '*' and '+' are escaped too: scanners and spreadsheets trim or mangle them.
_LITERAL = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-./")
# A code may escape to at most this many characters: with the two codes, prefix and check the
# whole text stays within QR version 6 at error correction Q (108 alphanumeric characters,
# 41 modules), so modules stay near 0.5 mm even on the smallest 50×30 mm thermal label.
MAX_PAYLOAD_CHARS = 108

_OURS = re.compile(r"SD([0-9]+):", re.IGNORECASE)
_ESCAPED_FIELD = re.compile(r"(?:[0-9A-Z./-]|%[0-9A-F]{2})+")
_CHECK = re.compile(r"[0-9A-F]{4}")

MESSAGES = {
    "qr.foreign": {
        "zh_CN": "这不是安全台的设备标签（可能是网址、商品条码或其他二维码）。",
        "en": "This is not a SafeDesk equipment label (perhaps a web address, a product "
        "barcode or another QR code).",
    },
    "qr.damaged": {
        "zh_CN": "标签二维码内容不完整或已损坏，请重新扫描；仍不行请重新打印该标签。",
        "en": "The label's QR code is incomplete or damaged. Scan it again; if that fails, "
        "reprint the label.",
    },
    "qr.newer_version": {
        "zh_CN": "该标签由更新版本的安全台生成（格式 {version}），请升级本软件后再扫描。",
        "en": "This label was made by a newer SafeDesk (format {version}). Update this "
        "program to read it.",
    },
    "qr.empty_code": {
        "zh_CN": "厂区编号和设备编号都不能为空，无法生成标签。",
        "en": "Both the site code and the equipment code are needed to make a label.",
    },
    "qr.too_long": {
        "zh_CN": "编号“{code}”太长，二维码会过密而难以扫描；请缩短编号（建议只用大写字母、数字和“-”）。",
        "en": "The code “{code}” is too long: the QR code would be too dense to scan. Use a "
        "shorter code (capital letters, digits and “-” are the most compact).",
    },
}
i18n.register(MESSAGES)


@dataclass(frozen=True)
class LabelCode:
    """What a label says: the format version, the site and the equipment (human codes)."""

    version: int
    site_code: str
    equipment_code: str


def encode(site_code: str, equipment_code: str) -> str:
    """The QR text for one piece of equipment; only QR alphanumeric characters."""
    if not site_code or not equipment_code:
        raise DomainError("qr.empty_code")
    body = f"{PREFIX}{_escape(site_code)}:{_escape(equipment_code)}"
    text = f"{body}:{_check(body)}"
    if len(text) > MAX_PAYLOAD_CHARS:
        longer = max(site_code, equipment_code, key=lambda c: len(_escape(c)))
        raise DomainError("qr.too_long", code=longer)
    return text


def parse(text: str) -> LabelCode:
    """Read a scanned label; raise DomainError ``qr.foreign``, ``qr.damaged`` or ``qr.newer_version``."""
    # Keyboard-wedge scanners end with CR/LF and copy-paste adds spaces; a payload never
    # starts or ends with whitespace (spaces inside codes are escaped), so trimming is safe.
    text = text.strip()
    match = _OURS.match(text)
    if match is None:
        raise DomainError("qr.foreign")
    version = int(match.group(1))
    if version > VERSION:
        raise DomainError("qr.newer_version", version=version)
    # A lower-case prefix (a wedge scanner with Caps Lock on) or version 0 is ours but wrong.
    if not text.startswith(PREFIX):
        raise DomainError("qr.damaged")
    return _parse_v1(text)


def is_alphanumeric(text: str) -> bool:
    """True when every character can be written in QR alphanumeric mode."""
    return all(ch in ALPHANUMERIC for ch in text)


def _parse_v1(text: str) -> LabelCode:
    parts = text[len(PREFIX) :].split(":")
    if len(parts) != 3:
        raise DomainError("qr.damaged")
    site_field, equipment_field, check = parts
    if not _CHECK.fullmatch(check) or check != _check(text[: text.rindex(":")]):
        raise DomainError("qr.damaged")
    return LabelCode(VERSION, _unescape(site_field), _unescape(equipment_field))


def _check(body: str) -> str:
    return f"{binascii.crc_hqx(body.encode('ascii'), 0xFFFF):04X}"


def _escape(code: str) -> str:
    out: list[str] = []
    for ch in code:
        if ch in _LITERAL:
            out.append(ch)
        else:
            # surrogatepass: a lone surrogate (only possible from broken input) still gets a
            # spelling, and _unescape refuses it, so it can never round-trip silently wrong.
            out.extend(f"%{byte:02X}" for byte in ch.encode("utf-8", "surrogatepass"))
    return "".join(out)


def _unescape(field: str) -> str:
    """Decode one field; anything but the canonical spelling of a code is damage."""
    if not _ESCAPED_FIELD.fullmatch(field):
        raise DomainError("qr.damaged")
    raw = bytearray()
    i = 0
    while i < len(field):
        if field[i] == "%":
            raw.append(int(field[i + 1 : i + 3], 16))
            i += 3
        else:
            raw.append(ord(field[i]))
            i += 1
    try:
        code = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise DomainError("qr.damaged") from None
    # "%41" for "A" or an escaped space where none is needed would decode, but no encoder
    # of ours wrote it: one code, one spelling, so the label text can be compared as is.
    if _escape(code) != field:
        raise DomainError("qr.damaged")
    return code
