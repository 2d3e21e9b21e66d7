"""The equipment label payload: round trips, foreign codes, damage, future versions."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from core import i18n
from core.i18n import DomainError
from core.qr_payload import (
    ALPHANUMERIC,
    MAX_PAYLOAD_CHARS,
    PREFIX,
    LabelCode,
    encode,
    is_alphanumeric,
    parse,
)

# Any text a person might type as a code: every plane, no lone surrogates (not valid text).
codes = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=12)


def _error_key(text: str) -> str:
    with pytest.raises(DomainError) as info:
        parse(text)
    return info.value.key


def test_plain_codes_stay_readable():
    text = encode("ZC01", "YJ-CY-0012")
    assert text.startswith("SD1:ZC01:YJ-CY-0012:")
    assert len(text) == len("SD1:ZC01:YJ-CY-0012:") + 4
    assert parse(text) == LabelCode(1, "ZC01", "YJ-CY-0012")


@pytest.mark.parametrize(
    ("site", "equipment"),
    [
        ("zc01", "yj-cy-0012"),  # lower case is not alphanumeric mode
        ("总厂", "冲压机 3号"),
        ("A:B", "50%"),  # the separator and the escape character themselves
        (" X ", "\t\n"),  # surrounding whitespace survives even though parse() trims
        ("𠀀", "🙂+$*"),  # outside the BMP, and alphanumeric-mode symbols we reserve
        ("%41", "%"),  # looks like an escape but is data
    ],
)
def test_odd_characters_round_trip(site, equipment):
    text = encode(site, equipment)
    assert is_alphanumeric(text)
    assert parse(text) == LabelCode(1, site, equipment)


@given(site=codes, equipment=codes)
@example(site="é", equipment="é")  # composed and decomposed forms stay distinct
@example(site="é", equipment="e\u0301")
def test_round_trip_is_exact_and_alphanumeric(site, equipment):
    try:
        text = encode(site, equipment)
    except DomainError as err:
        assert err.key == "qr.too_long"
        return
    assert len(text) <= MAX_PAYLOAD_CHARS
    assert set(text) <= ALPHANUMERIC
    assert parse(text) == LabelCode(1, site, equipment)
    # A scanner's trailing CR/LF (keyboard wedge) is not damage.
    assert parse(f"{text}\r\n") == LabelCode(1, site, equipment)


@given(st.text(max_size=40))
def test_any_text_is_parsed_or_refused_with_a_known_key(text):
    try:
        parse(text)
    except DomainError as err:
        assert err.key in {"qr.foreign", "qr.damaged", "qr.newer_version"}


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "https://example.com/equipment/YJ-CY-0012",
        "6901234567892",  # EAN-13 on a product box
        "WIFI:S:plant;T:WPA;P:secret;;",
        "hello world",
        "SD",
        "SDK-1234",
        "SD:ZC01:YJ-CY-0012:0000",
        "XSD1:ZC01:YJ-CY-0012:8AA3",
    ],
)
def test_foreign_codes(text):
    assert _error_key(text) == "qr.foreign"


def test_every_single_character_change_is_damage():
    text = encode("ZC01", "YJ-CY-0012")
    for i in range(len(PREFIX), len(text)):
        for ch in sorted(ALPHANUMERIC):
            if ch != text[i]:
                damaged = text[:i] + ch + text[i + 1 :]
                assert _error_key(damaged) == "qr.damaged", damaged


def test_swapped_neighbours_are_damage():
    text = encode("ZC01", "YJ-CY-0012")
    for i in range(len(PREFIX), len(text) - 1):
        if text[i] != text[i + 1]:
            swapped = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
            assert _error_key(swapped) == "qr.damaged", swapped


def test_truncated_codes_are_damage():
    text = encode("ZC01", "冲压机")
    for end in range(len(PREFIX), len(text)):
        assert _error_key(text[:end]) == "qr.damaged", text[:end]


@pytest.mark.parametrize(
    "text",
    [
        "SD1:ZC01:YJ-CY-0012:8AA3:",  # an extra field
        "SD1:ZC01:YJ-CY-0012:8aa3",  # lower-case check
        "SD1:ZC01:YJ-CY-0012",  # no check
        "SD1:ZC01::ABCD",  # empty equipment code
        "sd1:ZC01:YJ-CY-0012:8AA3",  # Caps Lock on a wedge scanner
        "SD01:ZC01:YJ-CY-0012:8AA3",
        "SD0:ZC01:YJ-CY-0012:8AA3",
    ],
)
def test_malformed_codes_with_our_prefix_are_damage(text):
    assert _error_key(text) == "qr.damaged"


def test_non_canonical_escapes_are_damage_even_with_a_valid_check():
    from core.qr_payload import _check

    # "%41" decodes to "A", "%e5..." is lower-case hex, "%FF" is not UTF-8: none is ours.
    for field in ("%41", "%e5%86%b2", "%FF", "%4", "Z%"):
        body = f"SD1:ZC01:{field}"
        assert _error_key(f"{body}:{_check(body)}") == "qr.damaged", field


def test_newer_versions_are_recognised():
    with pytest.raises(DomainError) as info:
        parse("SD2:ZC01:whatever the future brings")
    assert info.value.key == "qr.newer_version"
    assert info.value.params == {"version": 2}
    assert _error_key("SD17:X") == "qr.newer_version"


def test_empty_and_overlong_codes_are_refused_when_encoding():
    for site, equipment in (("", "A"), ("A", "")):
        with pytest.raises(DomainError) as info:
            encode(site, equipment)
        assert info.value.key == "qr.empty_code"
    with pytest.raises(DomainError) as info:
        encode("ZC01", "设备" * 20)
    assert info.value.key == "qr.too_long"
    assert info.value.params == {"code": "设备" * 20}


def test_error_messages_speak_both_languages():
    for key in ("qr.foreign", "qr.damaged", "qr.newer_version"):
        err = DomainError(key, version=3)
        assert err.message("zh_CN") != err.message("en")
        assert i18n.t(key, "zh_CN", version=3) == err.message("zh_CN")
    assert "3" in DomainError("qr.newer_version", version=3).message("zh_CN")
