"""QR label sheets: every code printed scans back to its payload, at its position, in bounds.

The PDFs are rasterised with poppler's pdftoppm at 200 dpi (an office printer's resolution
class) and every QR code on every page is decoded again, so a layout change that shrinks,
clips or misplaces a code fails here, not on the plant floor.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from core.colours import RISK_COLOURS
from core.i18n import DomainError
from core.qr_payload import encode
from reports.labels import (
    NOT_ASSESSED_COLOUR,
    TEMPLATES,
    LabelItem,
    LabelTemplate,
    render_labels,
    template_keys,
)

DPI = 200
PX_PER_MM = DPI / 25.4
PT_PER_MM = 72 / 25.4
PLANT = "华东精密机械制造股份有限公司第二分厂"

_NAMES = (
    "冲压机 JH21-160",
    "数控液压板料折弯机（WC67K-100/3200）及后挡料伺服系统、光电保护装置和脚踏开关",
    "空压机",
    "Overhead travelling crane, 10 t double girder, with radio remote control",
    "喷漆房排风机组（防爆型）",
    "叉车",
    "电焊机 NBC-350 二氧化碳气体保护焊机",
    "配电柜1#低压进线柜，含电容补偿、浪涌保护器及多功能电力仪表",
)
_GRADES = ("major", "considerable", "general", "low", None)


def make_items(n: int = 30) -> list[LabelItem]:
    items = []
    for i in range(n):
        # Every fifth code is Chinese (a long escaped payload), the rest are the usual form.
        code = f"冲压-{i}号" if i % 5 == 3 else f"YJ-CY-{i:04d}"
        items.append(
            LabelItem(
                code=code,
                name=_NAMES[i % len(_NAMES)],
                area=("冲压车间", "涂装车间二楼调漆间及危化品暂存间", "")[i % 3],
                risk_grade=_GRADES[i % len(_GRADES)],
                payload=encode("ZC01", code),
            )
        )
    return items


def rasterise(pdf: Path, out_dir: Path) -> list[Path]:
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-png", str(pdf), str(out_dir / "page")], check=True
    )
    # pdftoppm pads page numbers to the width of the last one: sort numerically.
    return sorted(out_dir.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def decode_qr(image: Image.Image) -> list[tuple[str, float, float, float]]:
    """(text, centre x px, centre y px, symbol width px) of every QR code in the image."""
    try:
        import zxingcpp
    except ImportError:  # pyzbar (with libzbar0) is the fallback decoder
        from pyzbar.pyzbar import ZBarSymbol
        from pyzbar.pyzbar import decode as zbar_decode

        found = []
        for sym in zbar_decode(image, symbols=[ZBarSymbol.QRCODE]):
            r = sym.rect
            found.append((sym.data.decode(), r.left + r.width / 2, r.top + r.height / 2, r.width))
        return found
    found = []
    for res in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode):
        p = res.position
        xs = [p.top_left.x, p.top_right.x, p.bottom_left.x, p.bottom_right.x]
        ys = [p.top_left.y, p.top_right.y, p.bottom_left.y, p.bottom_right.y]
        found.append((res.text, sum(xs) / 4, sum(ys) / 4, max(xs) - min(xs)))
    return found


def position_of(template: LabelTemplate, page: int, x_px: float, y_px: float) -> int:
    """The sheet position whose label contains the pixel (x, y) of page ``page`` (0-based)."""
    x_mm, y_mm = x_px / PX_PER_MM, y_px / PX_PER_MM
    col = int((x_mm - template.margin_left_mm) // template.pitch_x_mm)
    row = int((y_mm - template.margin_top_mm) // template.pitch_y_mm)
    assert 0 <= col < template.columns and 0 <= row < template.rows
    return page * template.per_page + row * template.columns + col


def scan_positions(pdf: Path, template: LabelTemplate, tmp: Path) -> dict[int, tuple[str, float]]:
    """Position -> (payload, symbol width mm) for every code the decoder finds."""
    seen: dict[int, tuple[str, float]] = {}
    for page, png in enumerate(rasterise(pdf, tmp)):
        with Image.open(png) as image:
            for text, cx, cy, width in decode_qr(image.convert("L")):
                pos = position_of(template, page, cx, cy)
                assert pos not in seen, f"two codes at position {pos}"
                seen[pos] = (text, width / PX_PER_MM)
    return seen


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> Iterator[dict[str, tuple[Path, int, Path]]]:
    """Each template rendered once with 30 items: key -> (pdf, pages, scratch folder)."""
    root = tmp_path_factory.mktemp("labels")
    out = {}
    for key in template_keys():
        pdf = root / f"{key}.pdf"
        pages = render_labels(make_items(), pdf, key, PLANT)
        scratch = root / key
        scratch.mkdir()
        out[key] = (pdf, pages, scratch)
    yield out


def test_templates_are_the_documented_ones():
    assert template_keys() == [
        "a4-3x8",
        "a4-2x5",
        "thermal-50x30",
        "thermal-60x40",
        "thermal-70x50",
    ]
    for t in TEMPLATES.values():
        page_w, page_h = t.page_size_mm
        # Labels stay on the page and the QR block (with its quiet zone) inside the label.
        assert t.margin_left_mm + (t.columns - 1) * t.pitch_x_mm + t.label_w_mm <= page_w + 1e-9
        assert t.margin_top_mm + (t.rows - 1) * t.pitch_y_mm + t.label_h_mm <= page_h + 1e-9
        assert t.qr_mm + t.inset_top_mm + t.band_mm + t.inset_bottom_mm <= t.label_h_mm
        assert t.is_thermal == (t.page_size_mm == (t.label_w_mm, t.label_h_mm))


@pytest.mark.parametrize("key", list(TEMPLATES))
def test_every_code_scans_back_in_position_order(rendered, key, tmp_path):
    pdf, pages, scratch = rendered[key]
    template = TEMPLATES[key]
    items = make_items()
    assert pages == -(-len(items) // template.per_page)
    seen = scan_positions(pdf, template, scratch)
    assert len(list(scratch.glob("page-*.png"))) == pages
    assert {pos: text for pos, (text, _w) in seen.items()} == {
        pos: item.payload for pos, item in enumerate(items)
    }
    if key == "a4-3x8":
        # The brief: at least a 20 mm symbol for a webcam at 30 cm (typical, version-2 codes).
        typical = [w for pos, (_t, w) in seen.items() if not items[pos].code.startswith("冲压")]
        assert min(typical) >= 20.0


def test_skip_leaves_the_first_positions_of_a_used_sheet_empty(tmp_path):
    items = make_items(30)
    pdf = tmp_path / "skip.pdf"
    assert render_labels(items, pdf, "a4-3x8", PLANT, skip=5) == 2  # 5 + 30 = 35 > 24
    seen = scan_positions(pdf, TEMPLATES["a4-3x8"], tmp_path)
    assert {pos: text for pos, (text, _w) in seen.items()} == {
        pos + 5: item.payload for pos, item in enumerate(items)
    }


def test_thermal_templates_ignore_skip(tmp_path):
    pdf = tmp_path / "t.pdf"
    assert render_labels(make_items(3), pdf, "thermal-50x30", PLANT, skip=7) == 3


def test_the_chinese_font_is_embedded_and_the_only_font(rendered):
    for key, (pdf, _pages, _scratch) in rendered.items():
        out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
        rows = out.stdout.splitlines()[2:]
        assert rows, key
        for row in rows:
            assert "WenQuanYi" in row, row  # no Helvetica, no unembedded CID font
            # columns: name type [type…] encoding emb sub uni object-id generation
            emb, sub = row.split()[-5:-3]
            assert (emb, sub) == ("yes", "yes"), row


_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils pdftotext")
@pytest.mark.parametrize("key", list(TEMPLATES))
def test_no_text_leaves_its_label_or_touches_the_qr_code(rendered, key):
    pdf, _pages, _scratch = rendered[key]
    t = TEMPLATES[key]
    xml = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = 0
    for page in xml.split("<page ")[1:]:
        for match in _WORD.finditer(page):
            x0, y0, x1, y1 = (float(v) / PT_PER_MM for v in match.groups()[:4])
            col = int((x0 - t.margin_left_mm) // t.pitch_x_mm)
            row = int((y0 - t.margin_top_mm) // t.pitch_y_mm)
            left = t.margin_left_mm + col * t.pitch_x_mm
            top = t.margin_top_mm + row * t.pitch_y_mm
            word = match.group(5)
            # Inside the label, clear of the edges the printer or die-cut may lose …
            assert (
                left + t.inset_left_mm - 0.05 <= x0
                and x1 <= left + t.label_w_mm - t.inset_right_mm + 0.05
            ), word
            assert top + 0.2 <= y0 and y1 <= top + t.label_h_mm - t.inset_bottom_mm + 0.05, word
            # … and never inside the QR block (the quiet zone must stay white).
            qr_right = left + t.inset_left_mm + t.qr_mm
            qr_bottom = top + t.inset_top_mm + t.qr_mm
            assert x0 >= qr_right - 0.05 or y0 >= qr_bottom - 0.05, word
            words += 1
    assert words >= 30 * 4


def test_long_names_are_shrunk_then_cut_with_an_ellipsis(tmp_path):
    name = "数控液压板料折弯机" * 12
    item = LabelItem("YJ-1", name, "冲压车间", "low", encode("ZC01", "YJ-1"))
    pdf = tmp_path / "long.pdf"
    render_labels([item], pdf, "thermal-50x30", PLANT)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "…" in text
    assert "YJ-1" in text and "冲压车间" in text


def _band_colour(png: Path, t: LabelTemplate, position: int) -> tuple[int, int, int]:
    """The colour near the right end of the risk band of the label at ``position``."""
    left, top = t.label_origin_mm(position)
    x_mm = left + t.label_w_mm - t.inset_right_mm - 1.5
    y_mm = top + t.label_h_mm - t.inset_bottom_mm - t.band_mm / 2
    with Image.open(png) as image:
        return image.convert("RGB").getpixel((round(x_mm * PX_PER_MM), round(y_mm * PX_PER_MM)))


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_risk_band_has_the_grade_colour_and_the_grade_in_words(tmp_path, lang):
    items = [
        LabelItem(f"E{i}", "设备", "区域", grade, encode("ZC01", f"E{i}"))
        for i, grade in enumerate(_GRADES)
    ]
    pdf = tmp_path / "bands.pdf"
    render_labels(items, pdf, "a4-2x5", PLANT, lang=lang)
    (png,) = rasterise(pdf, tmp_path)
    t = TEMPLATES["a4-2x5"]
    for pos, grade in enumerate(_GRADES):
        expected = _rgb(RISK_COLOURS[grade] if grade else NOT_ASSESSED_COLOUR)
        actual = _band_colour(png, t, pos)
        assert all(abs(a - e) <= 3 for a, e in zip(actual, expected, strict=True)), (grade, actual)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    words = (
        ["重大风险", "较大风险", "一般风险", "低风险", "未评估", "区域"]
        if lang == "zh_CN"
        else ["Major risk", "Considerable risk", "General risk", "Low risk", "Not assessed", "Area"]
    )
    for word in words:
        assert word in text, word


def test_labels_stream_from_a_generator(tmp_path):
    pdf = tmp_path / "gen.pdf"
    done: list[int] = []
    pages = render_labels(
        (item for item in make_items(50)), pdf, "a4-3x8", PLANT, progress=done.append
    )
    assert pages == 3
    assert done == [24, 48, 50]


def test_same_labels_give_the_same_bytes(tmp_path):
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    render_labels(make_items(5), a, "a4-3x8", PLANT)
    render_labels(make_items(5), b, "a4-3x8", PLANT)
    assert a.read_bytes() == b.read_bytes()


@pytest.mark.parametrize(
    ("kwargs", "key"),
    [
        ({"template_key": "a4-4x10"}, "labels.unknown_template"),
        ({"template_key": "a4-3x8", "skip": 24}, "labels.bad_skip"),
        ({"template_key": "a4-3x8", "skip": -1}, "labels.bad_skip"),
        ({"template_key": "a4-3x8", "items": []}, "labels.empty"),
        (
            {
                "template_key": "a4-3x8",
                "items": [LabelItem("A", "n", "a", "severe", "SD1:X:A:0000")],
            },
            "labels.bad_risk_grade",
        ),
        ({"template_key": "a4-3x8", "path": "missing-folder/x.pdf"}, "labels.cannot_write"),
    ],
)
def test_errors_are_domain_errors_and_leave_no_file(tmp_path, kwargs, key):
    args = {"items": make_items(2), "path": tmp_path / "out.pdf", "plant_name": PLANT, **kwargs}
    if isinstance(args["path"], str):
        args["path"] = tmp_path / args["path"]
    with pytest.raises(DomainError) as info:
        render_labels(**args)
    assert info.value.key == key
    assert info.value.message("zh_CN") != info.value.message("en")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_run_keeps_the_previous_file(tmp_path):
    pdf = tmp_path / "keep.pdf"
    render_labels(make_items(2), pdf, "a4-3x8", PLANT)
    before = pdf.read_bytes()

    def cancel(_done: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        render_labels(make_items(30), pdf, "a4-3x8", PLANT, progress=cancel)
    assert pdf.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["keep.pdf"]
