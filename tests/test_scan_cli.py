"""`python main.py scan FILE...`, run as a user would, on label pictures made from real label PDFs.

The plant is made through the services (first-run plant, a site, an area, a type, machines, one
removed), the labels by reports.labels.render_labels and rasterised with pypdfium2, so what is
scanned here is what the office prints.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import qrcode
from PIL import Image

from core.auth import SYSTEM
from core.qr_payload import encode
from db.workspace import Workspace
from reports.labels import LabelItem, items_for, render_labels

ROOT = Path(__file__).resolve().parent.parent
PLANT = "华东精密机械制造股份有限公司"
SITE = "ZC01"


def _pages(pdf: Path, out: Path, stem: str, dpi: int = 200) -> list[Path]:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        paths = []
        for i in range(len(doc)):
            path = out / f"{stem}-{i}.png"
            doc[i].render(scale=dpi / 72).to_pil().convert("RGB").save(path)
            paths.append(path)
        return paths
    finally:
        doc.close()


def _label(out: Path, stem: str, code: str, payload: str) -> Path:
    pdf = out / f"{stem}.pdf"
    render_labels([LabelItem(code, "设备", "冲压车间", "low", payload)], pdf, "thermal-60x40",
                  PLANT)
    (png,) = _pages(pdf, out, stem)
    return png


@pytest.fixture(scope="module")
def plant(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("plant")
    pics = tmp_path_factory.mktemp("pictures")
    ws = Workspace.open(folder, fast_hash=True)
    try:
        admin = ws.create_plant(PLANT, SITE, "主厂区", "admin", "管理员", "password-1")
        (site,) = ws.structure.list(SYSTEM, "site")
        area = ws.structure.add(admin, "area", {"code": "CY", "name": "冲压车间",
                                                "site_id": site["id"]})
        press = ws.equipment.add_type(admin, "YJ", "压力机")
        ids = [ws.equipment.add(admin, {"name": name, "type_id": press, "area_id": area,
                                        "site_id": site["id"]})
               for name in ("开式压力机", "闭式压力机", "数控折弯机")]
        ids.append(ws.equipment.add(admin, {"name": "桥式起重机", "code": "行车2",
                                            "area_id": area, "site_id": site["id"]}))
        machines = [ws.equipment.get(admin, i) for i in ids]
        gone = ws.equipment.add(admin, {"name": "旧冲床", "code": "YJ-OLD-1", "area_id": area})
        ws.equipment.remove(admin, gone)
    finally:
        ws.close()

    # Thermal labels (one per page) and an A4 sheet with all four on one picture.
    items = list(items_for(machines, {site["id"]: SITE}, SITE))
    render_labels(items, pics / "thermal.pdf", "thermal-60x40", PLANT)
    singles = _pages(pics / "thermal.pdf", pics, "thermal")
    render_labels(items, pics / "sheet.pdf", "a4-3x8", PLANT)
    (sheet,) = _pages(pics / "sheet.pdf", pics, "sheet", dpi=150)
    photo = pics / "phone.jpg"  # a phone photo: JPEG, sideways pixels plus an EXIF rotation
    exif = Image.Exif()
    exif[0x0112] = 8
    with Image.open(singles[0]) as img:
        img.transpose(Image.Transpose.ROTATE_270).save(photo, quality=85, exif=exif.tobytes())

    foreign = pics / "foreign.png"
    qrcode.make("https://example.com/manual.pdf").save(foreign)
    blank = pics / "blank.png"
    Image.new("RGB", (640, 480), (200, 200, 190)).save(blank)
    broken = pics / "broken.jpg"
    broken.write_bytes(b"not a picture")
    good = encode(SITE, "YJ-CY-0001")
    return {
        "folder": folder,
        "codes": [m.code for m in machines],
        "payloads": [it.payload for it in items],
        "singles": singles,
        "sheet": sheet,
        "photo": photo,
        "foreign": foreign,
        "blank": blank,
        "broken": broken,
        "other_site": _label(pics, "other", "YJ-CY-0001", encode("ZC09", "YJ-CY-0001")),
        "unknown": _label(pics, "unknown", "NO-SUCH-1", encode(SITE, "NO-SUCH-1")),
        "removed": _label(pics, "removed", "YJ-OLD-1", encode(SITE, "YJ-OLD-1")),
        "damaged": _label(pics, "damaged", "YJ-CY-0001", good[:-4] + "0000"),
        "newer": _label(pics, "newer", "YJ-CY-0001", "SD2:ZC01:YJ-CY-0001:1234"),
    }


def scan(plant: dict, *files: Path, lang: str = "en") -> tuple[int, list[dict], str]:
    cmd = [sys.executable, str(ROOT / "main.py"), "--lang", lang, "--data-dir",
           str(plant["folder"]), "scan", *map(str, files)]
    result = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", timeout=120)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    return result.returncode, lines, result.stderr


def test_labels_name_their_machines(plant):
    files = [*plant["singles"], plant["sheet"], plant["photo"], plant["blank"]]
    code, lines, err = scan(plant, *files)
    assert code == 0, err
    assert [line["file"] for line in lines] == [str(f) for f in files]
    codes, payloads = plant["codes"], plant["payloads"]
    assert "行车2" in codes
    for line, machine, payload in zip(lines, codes, payloads, strict=False):
        assert line["codes"] == [{"text": payload, "equipment": machine}]
    sheet, photo, blank = lines[len(codes) :]
    assert sorted(c["equipment"] for c in sheet["codes"]) == sorted(codes)  # 4 codes, 1 picture
    assert photo["codes"] == [{"text": payloads[0], "equipment": codes[0]}]
    assert blank == {"file": str(plant["blank"]), "codes": []}  # nothing found is no error


@pytest.mark.parametrize(
    ("picture", "words"),
    [
        ("foreign", "not a SafeDesk equipment label"),
        ("damaged", "damaged"),
        ("newer", "newer SafeDesk"),
        ("other_site", "another site (ZC09)"),
        ("unknown", "“NO-SUCH-1” on this label is not in the registry"),
        ("removed", "was removed from the registry"),
    ],
)
def test_labels_that_name_no_machine_say_why(plant, picture, words):
    code, (line,), err = scan(plant, plant[picture])
    assert code == 0, err
    (found,) = line["codes"]
    assert found["equipment"] is None
    assert words in found["error"], found


def test_messages_in_chinese_and_unreadable_files(plant):
    code, lines, _err = scan(plant, plant["broken"], plant["unknown"], plant["singles"][1],
                             lang="zh_CN")
    assert code == 1  # an unreadable file is an error, reported after every file
    broken, unknown, good = lines
    assert broken["codes"] == [] and "无法读取图片" in broken["error"]
    assert "不在设备台账中" in unknown["codes"][0]["error"]
    assert good["codes"][0]["equipment"] == plant["codes"][1]


def test_no_data_folder_is_an_error(tmp_path, plant):
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--lang", "en", "--data-dir", str(tmp_path),
         "scan", str(plant["blank"])],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 1 and result.stdout == ""
