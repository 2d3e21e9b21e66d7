"""Floor plans and the four-colour map: repository + service on real SQLite, import, export, CLI."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from core import i18n
from core.auth import SYSTEM, Actor, Role
from core.colours import RISK_COLOURS
from core.demo_plant import generate_plant
from core.floorplan import highest_grade, point_in_polygon, polygon_centre
from core.i18n import DomainError
from db import records
from db.demo_floorplan import DEMO_PLAN_NAME
from db.demo_loader import load_demo
from db.repositories.tables import RISK_POINTS
from db.workspace import Workspace
from jobs.floorplans import import_plan
from jobs.map_reports import render
from jobs.report_catalog import ReportRequest
from reports.four_colour_map import (
    MapSheet,
    MarkerDot,
    ZoneShape,
    _Layout,
    render_pdf,
    render_png,
)

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 3, 2)
EMPLOYEE = Actor("u-emp", "emp", "Employee", frozenset({Role.EMPLOYEE}))


def png(path: Path, size: tuple[int, int] = (800, 500), colour: str = "white") -> Path:
    Image.new("RGB", size, colour).save(path)
    return path


@pytest.fixture
def ws(tmp_path: Path):
    workspace = Workspace.open(tmp_path / "data", fast_hash=True)
    yield workspace
    workspace.close()


@pytest.fixture
def plant(ws: Workspace, tmp_path: Path) -> dict[str, str]:
    """A site with two areas, three machines and one imported plan."""
    site = ws.structure_repo.add("site", {"code": "S", "name": "厂区"})
    a1 = ws.structure_repo.add("area", {"site_id": site, "code": "CY", "name": "冲压车间"})
    a2 = ws.structure_repo.add("area", {"site_id": site, "code": "CK", "name": "仓库"})
    e1 = ws.equipment_repo.add({"code": "YJ-1", "name": "压力机", "area_id": a1,
                                "risk_grade": "low", "status": "in_service", "special": 0})
    e2 = ws.equipment_repo.add({"code": "YJ-2", "name": "压力机2", "area_id": a1,
                                "risk_grade": None, "status": "in_service", "special": 0})
    e3 = ws.equipment_repo.add({"code": "CC-1", "name": "叉车", "area_id": a2,
                                "risk_grade": "general", "status": "in_service", "special": 0})
    plan = import_plan(ws, SYSTEM, png(tmp_path / "plan.png"), "一楼")
    return {"site": site, "a1": a1, "a2": a2, "e1": e1, "e2": e2, "e3": e3, "plan": plan}


def square(x: float, y: float, side: float) -> list[list[float]]:
    return [[x, y], [x + side, y], [x + side, y + side], [x, y + side]]


# -- pure rules ----------------------------------------------------------------------------
def test_highest_grade_and_geometry():
    assert highest_grade(["low", None, "considerable", "general"]) == "considerable"
    assert highest_grade([None, "bogus"]) is None
    l_shape = [(0, 0), (10, 0), (10, 5), (5, 5), (5, 10), (0, 10)]
    assert point_in_polygon((2, 8), l_shape) and not point_in_polygon((8, 8), l_shape)
    cx, cy = polygon_centre(l_shape)
    assert cx == pytest.approx(cy) and 3 < cx < 5  # pulled towards the L's corner


# -- repository and service ----------------------------------------------------------------
def test_zone_takes_the_highest_live_grade_of_its_area(ws, plant):
    fp = ws.floorplans
    zone = fp.add_zone(SYSTEM, plant["plan"], square(10, 10, 100), plant["a1"])
    grade = {z.id: z.grade for z in fp.risk_map(SYSTEM, plant["plan"]).zones}
    assert grade[zone] == "low"  # only the equipment's grade so far
    point = records.insert(ws.db, RISK_POINTS, {"code": "FX-1", "name": "冲压作业", "kind": "area",
                                                "area_id": plant["a1"], "grade": "major"})
    records.insert(ws.db, RISK_POINTS, {"code": "FX-2", "name": "搬运", "kind": "area",
                                        "area_id": plant["a1"], "grade": "considerable"})
    assert fp.risk_map(SYSTEM, plant["plan"]).zones[0].grade == "major"
    records.tombstone(ws.db, RISK_POINTS, point)
    risk_map = fp.risk_map(SYSTEM, plant["plan"])
    assert risk_map.zones[0].grade == "considerable"
    assert risk_map.zones[0].colour == RISK_COLOURS["considerable"]
    assert risk_map.zones[0].name == "冲压车间"  # named after its area


def test_markers_colour_counts_and_one_marker_per_machine(ws, plant):
    fp = ws.floorplans
    m1 = fp.place_marker(SYSTEM, plant["plan"], plant["e1"], 100, 100)
    fp.place_marker(SYSTEM, plant["plan"], plant["e2"], 200, 100)
    again = fp.place_marker(SYSTEM, plant["plan"], plant["e1"], 300, 300)
    assert again == m1  # the machine moved, it did not get a second marker
    markers = {m.code: m for m in fp.risk_map(SYSTEM, plant["plan"]).markers}
    assert (markers["YJ-1"].x, markers["YJ-1"].y) == (300, 300)
    assert markers["YJ-1"].colour == RISK_COLOURS["low"]
    assert markers["YJ-2"].colour == "#9E9E9E"  # not assessed: grey
    outbox = ws.db.conn.execute(
        "SELECT COUNT(*) FROM outbox WHERE entity = 'plan_marker' AND row_id = ?", (m1,)).fetchone()
    assert outbox[0] == 2  # created, then moved: both synced
    assert fp.remove_marker(SYSTEM, m1)
    assert [m.code for m in fp.risk_map(SYSTEM, plant["plan"]).markers] == ["YJ-2"]
    assert ws.db.conn.execute("SELECT deleted_hlc IS NOT NULL FROM plan_markers WHERE id = ?",
                              (m1,)).fetchone()[0] == 1  # a tombstone, not a DELETE


def test_removed_equipment_leaves_the_map(ws, plant):
    ws.floorplans.place_marker(SYSTEM, plant["plan"], plant["e3"], 50, 50)
    ws.equipment_repo.remove(plant["e3"])
    assert ws.floorplans.risk_map(SYSTEM, plant["plan"]).markers == ()
    with pytest.raises(DomainError) as err:
        ws.floorplans.place_marker(SYSTEM, plant["plan"], plant["e3"], 60, 60)
    assert err.value.key == "floorplan.equipment_missing"


def test_bad_input_is_refused_and_nothing_stored(ws, plant):
    fp = ws.floorplans
    cases = [
        (lambda: fp.add_zone(SYSTEM, plant["plan"], [[0, 0], [10, 0]], plant["a1"]),
         "floorplan.polygon_points"),
        (lambda: fp.add_zone(SYSTEM, plant["plan"], square(700, 400, 200), plant["a1"]),
         "floorplan.outside"),
        (lambda: fp.add_zone(SYSTEM, plant["plan"], square(1, 1, 5), None), "floorplan.zone_name_required"),
        (lambda: fp.place_marker(SYSTEM, plant["plan"], plant["e1"], -1, 5), "floorplan.outside"),
        (lambda: fp.update_plan(SYSTEM, plant["plan"], {"name": " "}), "floorplan.name_required"),
        (lambda: fp.add_zone(EMPLOYEE, plant["plan"], square(1, 1, 5), plant["a1"]), "auth.forbidden"),
    ]
    for call, key in cases:
        with pytest.raises(DomainError) as err:
            call()
        assert err.value.key == key
    assert fp.risk_map(EMPLOYEE, plant["plan"]).zones == ()  # everybody reads
    assert ws.db.conn.execute("SELECT COUNT(*) FROM plan_zones").fetchone()[0] == 0


def test_rename_and_delete_plan_tombstones_what_is_on_it(ws, plant, tmp_path):
    fp = ws.floorplans
    second = import_plan(ws, SYSTEM, png(tmp_path / "b.png"), "二楼")
    with pytest.raises(DomainError) as err:
        fp.update_plan(SYSTEM, second, {"name": "一楼"})
    assert err.value.key == "floorplan.name_taken"
    fp.update_plan(SYSTEM, second, {"name": "二楼东"})
    fp.add_zone(SYSTEM, plant["plan"], square(10, 10, 50), plant["a2"])
    fp.place_marker(SYSTEM, plant["plan"], plant["e1"], 10, 10)
    assert fp.remove_plan(SYSTEM, plant["plan"])
    assert [p.name for p in fp.plans(SYSTEM)] == ["二楼东"]
    live = ws.db.conn.execute(
        "SELECT (SELECT COUNT(*) FROM plan_zones WHERE deleted_hlc IS NULL),"
        " (SELECT COUNT(*) FROM plan_markers WHERE deleted_hlc IS NULL),"
        " (SELECT COUNT(*) FROM attachments WHERE owner_id = ? AND deleted_hlc IS NULL)",
        (plant["plan"],)).fetchone()
    assert live == (0, 0, 0)
    with pytest.raises(DomainError) as err:
        fp.plan_by_name(SYSTEM, "一楼")
    assert err.value.key == "floorplan.unknown_plan" and "二楼东" in err.value.message()


# -- import ------------------------------------------------------------------------------
def test_import_png_jpg_and_a_pdf_page(ws, tmp_path):
    jpg = tmp_path / "plan.jpg"
    Image.new("RGB", (1200, 900), "#dddddd").save(jpg, "JPEG")
    jpg_plan = ws.floorplans.plan(SYSTEM, import_plan(ws, SYSTEM, jpg, "JPG plan", floor="2F"))
    assert (jpg_plan.width_px, jpg_plan.height_px, jpg_plan.floor) == (1200, 900, "2F")
    assert ws.attachments.path_for(jpg_plan.image_sha256).is_file()
    # an attachment row names the image, so sync carries the blob to the other PCs
    row = ws.db.conn.execute("SELECT sha256, owner_entity FROM attachments WHERE owner_id = ?",
                             (jpg_plan.id,)).fetchone()
    assert row == (jpg_plan.image_sha256, "floor_plan")
    pdf = tmp_path / "plans.pdf"
    canvas = Canvas(str(pdf), pagesize=A4)
    canvas.drawString(100, 100, "page one")
    canvas.showPage()
    canvas.setPageSize((4000, 2000))  # a big drawing sheet: scaled to stay under 10,000 px
    canvas.rect(100, 100, 3000, 1500)
    canvas.showPage()
    canvas.save()
    plan = ws.floorplans.plan(SYSTEM, import_plan(ws, SYSTEM, pdf, "PDF plan", page=2))
    assert plan.width_px <= 10_000 and plan.width_px == pytest.approx(2 * plan.height_px, rel=0.01)
    with Image.open(ws.attachments.path_for(plan.image_sha256)) as img:
        assert img.size == (plan.width_px, plan.height_px)
    with pytest.raises(DomainError) as err:
        import_plan(ws, SYSTEM, pdf, "no such page", page=3)
    assert err.value.key == "floorplan.bad_page"


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_too_big_or_wrong_files_are_refused_with_a_clear_message(ws, tmp_path, lang):
    big = png(tmp_path / "big.png", (10_001, 8))
    previous = i18n.language()
    i18n.set_language(lang)
    try:
        with pytest.raises(DomainError) as err:
            import_plan(ws, SYSTEM, big, "too big")
        assert err.value.key == "floorplan.too_big"
        assert "10001" in err.value.message() and "10000" in err.value.message()
        text = tmp_path / "plan.txt"
        text.write_text("not a plan")
        with pytest.raises(DomainError) as err:
            import_plan(ws, SYSTEM, text, "text")
        assert err.value.key == "floorplan.bad_format"
    finally:
        i18n.set_language(previous)
    assert ws.floorplans.plans(SYSTEM) == []


# -- the demo plant -----------------------------------------------------------------------
@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    ws = Workspace.open(tmp_path_factory.mktemp("demo"), fast_hash=True)
    load_demo(ws, today=TODAY)
    yield ws
    ws.close()


def test_demo_plan_has_a_zone_per_area_and_every_machine_placed(demo):
    plan = demo.floorplans.plan_by_name(SYSTEM, DEMO_PLAN_NAME)
    assert (plan.width_px, plan.height_px) == (2000, 1200)
    risk_map = demo.floorplans.risk_map(SYSTEM, plan.id, now=dt.datetime(2026, 3, 2, 12))
    plant = generate_plant(1)
    assert len(risk_map.zones) == len(plant.areas)
    assert any(len(z.polygon) == 6 for z in risk_map.zones)  # the L-shaped offices
    machines = demo.db.conn.execute(
        "SELECT COUNT(*) FROM equipment WHERE deleted_hlc IS NULL").fetchone()[0]
    assert len(risk_map.markers) == machines
    zones = {z.area_id: z for z in risk_map.zones}
    for m in risk_map.markers:
        assert point_in_polygon((m.x, m.y), zones[m.area_id].polygon), m.code
    points = sorted((m.x, m.y) for m in risk_map.markers)
    closest = min(((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5
                  for i, a in enumerate(points) for b in points[i + 1:i + 40])
    assert closest >= 15  # no two markers overlap on the plan
    by_code = {plant_area.code: plant_area.name for plant_area in plant.areas}
    grades = {z.name: z.grade for z in risk_map.zones}
    assert grades[by_code["PT"]] == "major" and grades[by_code["CY"]] == "major"


def test_demo_hazard_counts_match_the_hazard_list(demo):
    from core.hazards import HazardQuery
    from core.workflow import OPEN_STEPS

    now = dt.datetime(2026, 3, 2, 12)
    plan = demo.floorplans.plans(SYSTEM)[0]
    risk_map = demo.floorplans.risk_map(SYSTEM, plan.id, now=now)
    flagged = [m for m in risk_map.markers if m.open_hazards]
    assert flagged, "the demo has open hazards on machines"
    for m in flagged[:5]:
        q = HazardQuery(steps=OPEN_STEPS, equipment_id=m.equipment_id)
        assert sum(1 for _ in demo.hazards_repo.iter_all(q)) == m.open_hazards
        overdue = HazardQuery(steps=OPEN_STEPS, equipment_id=m.equipment_id, overdue=True, now=now)
        assert sum(1 for _ in demo.hazards_repo.iter_all(overdue)) == m.overdue_hazards
    assert len(risk_map.hazard_points) >= len(flagged)


# -- export --------------------------------------------------------------------------------
def test_pdf_is_a3_landscape_with_the_font_embedded(demo, tmp_path):
    out = tmp_path / "map.pdf"
    result = render(demo, ReportRequest(lang="zh_CN"), out)
    assert result.pages == 1 and out.is_file()
    pdf = pdfium.PdfDocument(str(out))
    width, height = pdf[0].get_size()
    assert (round(width), round(height)) == (1191, 842)  # A3 landscape in points
    text = pdf[0].get_textpage().get_text_range()
    assert "安全风险四色分布图" in text and "重大风险" in text and "2026" in text
    pdf.close()
    data = out.read_bytes()
    assert b"/FontFile2" in data and b"WenQuanYi" in data and b"Helvetica" not in data
    a4 = render(demo, ReportRequest(paper="A4", lang="en"), tmp_path / "a4.pdf")
    doc = pdfium.PdfDocument(str(a4.path))
    assert [round(v) for v in doc[0].get_size()] == [842, 595]
    assert "Four-colour safety risk map" in doc[0].get_textpage().get_text_range()
    doc.close()


def test_png_has_print_size_and_the_zone_colour_at_its_centre(tmp_path):
    plan = png(tmp_path / "white.png", (1000, 600))
    sheet = MapSheet("一楼", "华东精密", "2026-03-02", plan, 1000, 600,
                     zones=[ZoneShape(square(100, 100, 400), "major", "冲压"),
                            ZoneShape(square(600, 100, 300), "low", "仓库")],
                     markers=[MarkerDot(850, 500, "general", "CC-1", 2, 1)])
    out = tmp_path / "map.png"
    size = render_png(sheet, out, "A3")
    with Image.open(out) as img:
        assert img.size == size == (3307, 2339)
        lay = _Layout.of(sheet, "A3")
        k = 200 / 72
        for (x, y), hue in (((300, 300), "red"), ((750, 250), "blue")):
            px, py = (v * k for v in lay.point(x, y))
            r, g, b = img.getpixel((round(px), round(py)))[:3]
            if hue == "red":
                assert r > 200 and r - g > 60 and r - b > 60
            else:
                assert b > 180 and b - r > 60
        mx, my = (round(v * k) for v in lay.point(850, 500))
        r, g, b = img.getpixel((mx, my))[:3]
        assert r > 200 and g > 170 and b < 80  # the yellow marker
    pages = render_pdf([sheet, sheet], tmp_path / "two.pdf", "A4")
    assert pages == 2
    # the PDF shows the same colours (markers opaque although zones are see-through)
    doc = pdfium.PdfDocument(str(tmp_path / "two.pdf"))
    page_img = doc[0].render(scale=200 / 72).to_pil().convert("RGB")
    doc.close()
    lay = _Layout.of(sheet, "A4")
    mx, my = (round(v * 200 / 72) for v in lay.point(850, 500))
    r, g, b = page_img.getpixel((mx, my))
    assert r > 200 and g > 170 and b < 80
    zx, zy = (round(v * 200 / 72) for v in lay.point(300, 300))
    r, g, b = page_img.getpixel((zx, zy))
    assert r > 200 and r - g > 60


def test_a_locked_target_leaves_no_half_file(tmp_path):
    sheet = MapSheet("p", "x", "2026-03-02", png(tmp_path / "p.png"), 800, 500)
    target = tmp_path / "missing-dir" / "map.pdf"
    with pytest.raises(DomainError) as err:
        render_pdf([sheet], target)
    assert err.value.key == "report.folder_missing"  # the ledgers' message, not a second one
    assert err.value.message("zh_CN") == f"文件夹不存在：{target.parent}"
    assert not target.parent.exists()
    with pytest.raises(DomainError) as err:
        render_png(sheet, tmp_path)
    assert err.value.key == "report.output_is_folder"


def test_huge_plans_are_refused_from_the_header_and_valid_ones_give_no_warning(ws, tmp_path):
    """A 20,000 px PNG of a few kB used to crash with Pillow's DecompressionBombError; a
    10,000 px plan (100 Mpx, over Pillow's 89 Mpx warning level) printed a warning."""
    import warnings

    from PIL import Image as PILImage

    from reports.plan_image import plan_pixel_limit, prepare

    bomb = tmp_path / "bomb.png"
    Image.new("1", (20_000, 20_000), 1).save(bomb)
    over = tmp_path / "over.png"
    Image.new("1", (11_000, 11_000), 1).save(over)
    biggest = tmp_path / "biggest.png"
    Image.new("1", (10_000, 10_000), 1).save(biggest)
    limit = PILImage.MAX_IMAGE_PIXELS
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any DecompressionBombWarning fails the test
        for path in (bomb, over):
            with pytest.raises(DomainError) as err:
                import_plan(ws, SYSTEM, path, path.stem)
            assert err.value.key == "floorplan.too_big"
            assert "像素" in err.value.message("zh_CN")
        image = prepare(biggest)
        assert (image.width_px, image.height_px) == (10_000, 10_000)
        with plan_pixel_limit(), plan_pixel_limit():  # nested / concurrent users
            with Image.open(biggest) as img:
                assert img.size == (10_000, 10_000)
        assert PILImage.MAX_IMAGE_PIXELS == limit  # put back after the last user
        with pytest.raises(PILImage.DecompressionBombError):
            Image.open(bomb)  # the rest of the program keeps Pillow's guard
    assert ws.floorplans.plans(SYSTEM) == []


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_unreadable_plan_files_get_a_whole_message_in_the_language(ws, tmp_path, lang):
    fake = tmp_path / "fake.png"
    fake.write_text("not an image")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 broken")
    cases = [(fake, "floorplan.not_image"), (tmp_path / "missing.jpg", "floorplan.file_missing"),
             (tmp_path / "missing.pdf", "floorplan.file_missing"), (broken, "floorplan.bad_pdf")]
    for path, key in cases:
        with pytest.raises(DomainError) as err:
            import_plan(ws, SYSTEM, path, "x")
        assert err.value.key == key
        text = err.value.message(lang)
        assert str(path) in text
        assert "cannot identify" not in text and "not found" != text[-9:]
        if lang == "zh_CN":
            assert not any(word in text for word in ("cannot", "found", "Failed", "error"))
    assert ws.floorplans.plans(SYSTEM) == []


def test_demo_markers_leave_every_room_name_readable(demo):
    from core.demo_floorplan import L_SHAPED, MARKER_R_M, label_box, zone_polygon

    plan = demo.floorplans.plan_by_name(SYSTEM, DEMO_PLAN_NAME)
    risk_map = demo.floorplans.risk_map(SYSTEM, plan.id)
    by_name = {area.name: area for area in generate_plant(1).areas}
    area_of = {z.area_id: by_name[z.name] for z in risk_map.zones}
    seen = set()
    for m in risk_map.markers:
        area = area_of[m.area_id]
        seen.add(area.code)
        x0, y0, x1, y1 = label_box(area)
        mx, my = m.x / 10, m.y / 10  # metres (the demo plan is 10 px per metre)
        # the dot (radius MARKER_R_M) may at most graze the label's em box
        pad = MARKER_R_M * 0.5
        assert not (x0 - pad < mx < x1 + pad and y0 - pad < my < y1 + pad), (area.code, mx, my)
    assert {"TQ", "KY", "PD", "BG"} <= seen  # the small rooms the tester named have markers
    for area in by_name.values():
        x0, y0, x1, y1 = label_box(area)
        if area.code == L_SHAPED:  # the courtyard no longer cuts the label ("Offices")
            courtyard_x = zone_polygon(area, 1.0)[3][0]
            assert courtyard_x > x1


# -- CLI -------------------------------------------------------------------------------------
def run_cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir),
                           *args], capture_output=True, text=True, timeout=180)


def test_cli_four_colour_map(tmp_path):
    folder = tmp_path / "demo"
    assert run_cli(folder, "demo").returncode == 0
    pdf = tmp_path / "map.pdf"
    done = run_cli(folder, "report", "four-colour-map", "-o", str(pdf))
    assert done.returncode == 0, done.stderr
    assert "安全风险四色分布图" in done.stdout and pdf.stat().st_size > 10_000
    image = tmp_path / "map.png"
    done = run_cli(folder, "report", "four-colour-map", "-o", str(image), "--plan",
                   DEMO_PLAN_NAME, "--paper", "A4")
    assert done.returncode == 0, done.stderr
    with Image.open(image) as img:
        assert img.size == (2339, 1654)  # A4 landscape at 200 dpi
    wrong = run_cli(folder, "--lang", "en", "report", "four-colour-map", "-o", str(pdf),
                    "--plan", "Roof")
    assert wrong.returncode != 0
    assert "Roof" in wrong.stderr and DEMO_PLAN_NAME in wrong.stderr
