"""Ledgers and forms (F10): values checked on a tiny hand-made plant, every report on the demo."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pypdfium2 as pdfium
import pytest
from PIL import Image

from core.auth import SYSTEM
from core.i18n import DomainError
from core.major_hazard import Chemical, identify, validate, validate_cas
from core.periods import parse_period
from db.demo_loader import load_demo
from db.workspace import Workspace
from jobs.report_catalog import Cancelled, ReportRequest, load_all

ROOT = Path(__file__).resolve().parents[1]


class Clock:
    def __init__(self) -> None:
        self.t = dt.datetime(2025, 4, 2, 9, 0)

    def __call__(self) -> dt.datetime:
        return self.t


def pdf_text(path: Path) -> list[str]:
    doc = pdfium.PdfDocument(str(path))
    try:
        # wrapped cells come back with line breaks inside: join them for substring checks
        return [page.get_textpage().get_text_range().replace("\r\n", "") for page in doc]
    finally:
        doc.close()


def fonts(path: Path) -> str:
    return subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                          check=True).stdout


def photo(path: Path, colour: str) -> Path:
    Image.new("RGB", (640, 480), colour).save(path, "JPEG")
    return path


@pytest.fixture
def tiny(tmp_path):
    """April: two general hazards (one fixed); May: one major under its plan; June: an
    unverified report (not counted); March: one outside Q2."""
    clock = Clock()
    ws = Workspace.open(tmp_path / "data", fast_hash=True)
    ws.hazards.now = clock
    ws.settings.set("plant.name", "测试金属制品厂")
    site = ws.structure.add(SYSTEM, "site", {"code": "S01", "name": "主厂区"})
    dept = ws.structure.add(SYSTEM, "department", {"code": "CY", "name": "冲压车间",
                                                   "site_id": site})
    area = ws.structure.add(SYSTEM, "area", {"code": "CY", "name": "冲压车间", "site_id": site,
                                             "department_id": dept})
    users = {}
    for username, roles in [("clerk", ["safety_clerk"]), ("fixer", ["rectifier"]),
                            ("checker", ["reviewer"])]:
        person = ws.people.add(SYSTEM, {"employee_no": username, "name": f"{username}名",
                                        "department_id": dept})
        ws.auth.create_user(SYSTEM, username, f"{username}名", roles, "password-1", person)
        users[username] = ws.auth.users.by_username(username).actor()
    clerk, fixer, checker = users["clerk"], users["fixer"], users["checker"]

    def record(when: dt.datetime, text: str, grade: str = "general", photos=()) -> str:
        clock.t = when
        return ws.hazards.record(clerk, {"description": text, "type": "guard", "grade": grade,
                                         "area_id": area, "location": "B线3号冲床"}, photos)

    def dispatch(hid: str, **extra) -> None:
        ws.hazards.dispatch(clerk, hid, {
            "department_id": dept, "rectifier_id": fixer.user_id, "measures": "加装护罩",
            "funds": 300, "deadline": clock.t + dt.timedelta(days=3), **extra})

    fixed = record(dt.datetime(2025, 4, 2, 9, 0), "冲床脚踏开关无防护罩",
                   photos=[photo(tmp_path / "before.jpg", "#c04040")])
    dispatch(fixed)
    clock.t += dt.timedelta(days=1)
    ws.hazards.attach(fixer, fixed, "after", photo(tmp_path / "after.jpg", "#40a040"))
    ws.hazards.rectify(fixer, fixed, "已加装护罩", cost=280)
    clock.t += dt.timedelta(hours=2)
    ws.hazards.review(checker, fixed, True)
    ws.hazards.archive(clerk, fixed)
    open_one = record(dt.datetime(2025, 4, 10, 10, 0), "配电箱门未关闭")
    dispatch(open_one)
    major = record(dt.datetime(2025, 5, 6, 8, 30), "调漆间未设置可燃气体检测报警", "major")
    dispatch(major, funds=12000, reviewer_id=checker.user_id, plan="1. 停用调漆间；2. 安装探测器")
    clock.t += dt.timedelta(days=2)
    ws.hazards.rectify(fixer, major, "已安装探测器并联锁", cost=9000)
    clock.t = dt.datetime(2025, 6, 20, 9, 0)
    ws.hazards.report(None, person, "报告人", {"description": "地面油污"})
    record(dt.datetime(2025, 3, 31, 16, 0), "三月的隐患")
    numbers = {name: ws.hazards_repo.get(hid).number
               for name, hid in (("fixed", fixed), ("open", open_one), ("major", major))}
    yield ws, numbers
    ws.close()


def render(ws: Workspace, name: str, out: Path, **request) -> object:
    return load_all()[name].render(ws, ReportRequest(**request), out)


# -- the pure parts --------------------------------------------------------------------------

def test_s_is_the_sum_of_q_over_threshold_with_each_term():
    ident = identify([Chemical("a", "乙炔", "74-86-2", 0.05, 1.0),
                      Chemical("b", "丙酮", "67-64-1", 0.2, 500.0)])
    assert [round(t.ratio, 6) for t in ident.terms] == [0.05, 0.0004]
    assert ident.s == pytest.approx(0.0504)
    assert not ident.is_major
    assert ident.formula() == "S = 0.05/1 + 0.2/500 = 0.0504"
    assert "不构成" in ident.verdict("zh_CN")
    assert identify([Chemical("c", "乙炔", "74-86-2", 1.5, 1.0)]).is_major


def test_cas_and_quantities_are_validated():
    assert validate_cas("1330-20-7") == "1330-20-7"
    assert validate_cas("") == ""
    for bad in ("1330207", "13-30-20-7", "abc-de-f"):
        with pytest.raises(DomainError) as err:
            validate_cas(bad)
        assert err.value.key == "chemical.bad_cas"
    with pytest.raises(DomainError) as err:
        validate_cas("1330-20-8")
    assert err.value.key == "chemical.cas_check"
    for q in ("0", "-1", "abc", None, "nan"):
        with pytest.raises(DomainError) as err:
            validate({"name": "丙酮", "cas_no": "67-64-1", "max_quantity_t": q,
                      "threshold_t": 500})
        assert err.value.key == "chemical.bad_quantity"


def test_chemical_inventory_round_trip_and_tombstone(tmp_path):
    ws = Workspace.open(tmp_path, fast_hash=True)
    try:
        cid = ws.chemicals.add({"name": "乙炔", "cas_no": "74-86-2", "max_quantity_t": "0.05",
                                "threshold_t": "1"})
        ws.chemicals.add({"name": "丙酮", "cas_no": "67-64-1", "max_quantity_t": 0.2,
                          "threshold_t": 500})
        assert ws.chemicals.identification().s == pytest.approx(0.0504)
        ws.chemicals.update(cid, {"name": "乙炔", "cas_no": "74-86-2", "max_quantity_t": 0.1,
                                  "threshold_t": 1})
        assert ws.chemicals.identification().s == pytest.approx(0.1004)
        ws.chemicals.remove(cid)
        assert [c.name for c in ws.chemicals.list()] == ["丙酮"]
        outbox = ws.db.conn.execute(
            "SELECT op FROM outbox WHERE entity = 'chemical' ORDER BY seq").fetchall()
        assert [r[0] for r in outbox] == ["upsert", "upsert", "upsert", "delete"]
    finally:
        ws.close()


# -- values on the tiny plant ----------------------------------------------------------------

def test_statistics_form_counts_and_fix_rate(tiny, tmp_path):
    ws, _numbers = tiny
    out = tmp_path / "stats.xlsx"
    result = render(ws, "hazard-stats", out, period=parse_period("2025Q2"), lang="zh_CN")
    assert result.rows == 4  # April, May, June, total
    sheet = openpyxl.load_workbook(out).active
    rows = {r[0]: r[1:] for r in sheet.iter_rows(min_row=5, max_row=8, values_only=True)}
    assert rows["2025年4月"][:3] == (2, 1, 0.5)
    assert rows["2025年5月"] == (0, 0, None, 1, 0, 1, 12000, 9000)
    assert rows["2025年6月"][:4] == (0, 0, None, 0)  # the unverified report is not counted
    assert rows["合计"] == (2, 1, 0.5, 1, 0, 1, 12000, 9000)
    assert sheet["D5"].number_format == "0.0%"
    assert "主要负责人" in str(sheet.cell(sheet.max_row, 1).value)


def test_hazard_ledger_pdf_has_columns_photos_font_and_page_x_of_y(tiny, tmp_path):
    ws, numbers = tiny
    out = tmp_path / "ledger.pdf"
    result = render(ws, "hazard-ledger", out, period=parse_period("2025Q2"), lang="zh_CN")
    assert result.rows == 3 and result.pages == 1
    text = "".join(pdf_text(out))
    for column in ("检查时间", "检查地点/部位", "整改措施", "整改期限", "整改资金", "督办单位/人员",
                   "销号日期", "验收人", "备注"):
        assert column in text
    assert numbers["fixed"] in text and numbers["major"] in text
    assert "三月的隐患" not in text and "地面油污" not in text
    assert "第 1 页 共 1 页" in text
    assert "测试金属制品厂" in text and "编制人" in text and "主要负责人" in text
    assert "checker名" in text  # the reviewer of the fixed one
    listing = fonts(out)
    assert "WenQuanYiMicroHei" in listing and " no " not in listing.split("\n", 2)[2]
    doc = pdfium.PdfDocument(str(out))
    try:
        images = [obj for obj in doc[0].get_objects() if obj.type == 3]  # FPDF_PAGEOBJ_IMAGE
    finally:
        doc.close()
    assert len(images) == 2  # before and after thumbnails of the fixed hazard
    assert (ws.data_dir / "cache" / "thumbnails").is_dir()


def test_hazard_ledger_excel_is_formatted(tiny, tmp_path):
    ws, _numbers = tiny
    out = tmp_path / "ledger.xlsx"
    render(ws, "hazard-ledger", out, period=parse_period("2025Q2"), lang="zh_CN")
    wb = openpyxl.load_workbook(out)
    sheet = wb.active
    assert "A1:R1" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet["A1"].value == "隐患排查治理台账"
    assert sheet.freeze_panes == "A4"
    assert sheet.print_title_rows == "$3:$3"
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.orientation == "landscape"
    assert [c.value for c in sheet[3]][:3] == ["序号", "检查时间", "检查地点/部位"]
    first = sheet[4]
    assert isinstance(first[1].value, dt.datetime) and first[1].number_format == "yyyy-mm-dd hh:mm"
    assert isinstance(first[8].value, dt.datetime)  # deadline: a date cell
    assert first[9].value == 300 and first[9].number_format == "#,##0.00"
    assert first[0].border.left.style == "thin" and first[3].alignment.wrap_text
    assert sheet.print_area is not None
    assert sheet.column_dimensions["D"].width >= 30


def test_notice_and_acceptance_record(tiny, tmp_path):
    ws, numbers = tiny
    notice = tmp_path / "notice.pdf"
    render(ws, "rectification-notice", notice, hazard_number=numbers["major"], lang="zh_CN")
    text = pdf_text(notice)[0]
    assert "隐患整改通知单" in text and "整改方案" in text and "12,000.00" in text
    assert "签发人" in text and "第 1 页 共 1 页" in text
    accepted = tmp_path / "accepted.pdf"
    render(ws, "acceptance-record", accepted, hazard_number=numbers["fixed"], lang="zh_CN")
    text = pdf_text(accepted)[0]
    assert "隐患整改验收单" in text and "已加装护罩" in text and "checker名" in text
    with pytest.raises(DomainError) as err:
        render(ws, "acceptance-record", tmp_path / "no.pdf", hazard_number=numbers["open"])
    assert err.value.key == "report.not_accepted"
    with pytest.raises(DomainError) as err:
        render(ws, "rectification-notice", tmp_path / "no.pdf", hazard_number="YH-1999-0001")
    assert err.value.key == "report.no_hazard"
    assert not list(tmp_path.glob("no.pdf")) and not list(tmp_path.glob(".no.pdf*"))


def test_unwritable_folder_and_cancel_leave_no_file(tiny, tmp_path):
    ws, _numbers = tiny
    # A target that cannot be replaced (here: a folder of that name, which also fails as
    # root) fails at the rename, after the whole document was written: the temp file goes.
    taken = tmp_path / "taken.pdf"
    taken.mkdir()
    with pytest.raises(DomainError) as err:
        render(ws, "hazard-ledger", taken, period=parse_period("2025"))
    # a folder given as the target: said so, with an example file name inside it
    assert err.value.key == "report.output_is_folder"
    assert "是一个文件夹" in err.value.message("zh_CN") and "taken.pdf" in err.value.message("en")
    assert "Is a directory" not in err.value.message("zh_CN")
    assert sorted(p.name for p in tmp_path.iterdir() if "taken" in p.name) == ["taken.pdf"]
    # A folder that is a file, or no folder at all: "the folder does not exist", no errno text.
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    for target in (blocker / "x.xlsx", tmp_path / "nonexistent" / "sub" / "x.pdf"):
        with pytest.raises(DomainError) as err:
            render(ws, "hazard-stats", target, period=parse_period("2025"))
        assert err.value.key == "report.folder_missing"
        assert err.value.message("zh_CN") == f"文件夹不存在：{target.parent}"
    assert not (tmp_path / "nonexistent").exists()  # not created either
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        if not os.access(locked, os.W_OK):  # as root a read-only folder is still writable
            with pytest.raises(DomainError) as err:
                render(ws, "hazard-ledger", locked / "x.pdf", period=parse_period("2025"))
            assert err.value.key == "report.cannot_write"
            assert "Permission denied" not in err.value.message("zh_CN")
            assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o755)
    with pytest.raises(Cancelled):
        render(ws, "hazard-ledger", tmp_path / "c.xlsx", period=parse_period("2025"),
               cancelled=lambda: True)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(("c.", ".c."))] == []


# -- every report on the demo plant -----------------------------------------------------------

@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ledgers-demo")
    ws = Workspace.open(folder, fast_hash=True)
    load_demo(ws, today=dt.date(2026, 6, 30))
    yield ws
    ws.close()


@pytest.mark.parametrize("name,fmt,request_args", [
    ("hazard-ledger", "pdf", {"period": parse_period("2025")}),
    ("hazard-ledger", "xlsx", {"period": parse_period("2025")}),
    ("hazard-stats", "pdf", {"period": parse_period("2025")}),
    ("hazard-stats", "xlsx", {"period": parse_period("2025-06")}),
    ("major-hazard-ledger", "pdf", {}),
    ("major-hazard-ledger", "xlsx", {}),
    ("inspection-ledger", "pdf", {"period": parse_period("2025-06"), "area": "CY"}),
    ("inspection-ledger", "xlsx", {"period": parse_period("2025Q2"), "equipment": "YJ-CY-0001"}),
])
def test_every_ledger_on_the_demo(demo, tmp_path, name, fmt, request_args):
    out = tmp_path / f"{name}.{fmt}"
    result = render(demo, name, out, lang="zh_CN", **request_args)
    assert out.stat().st_size > 2000 and result.rows
    if fmt == "pdf":
        pages = pdf_text(out)
        assert len(pages) == result.pages
        assert f"第 {len(pages)} 页 共 {len(pages)} 页" in pages[-1]
    else:
        sheet = openpyxl.load_workbook(out, read_only=True).active
        assert len(list(sheet.iter_rows(values_only=True))) >= 4


def test_major_hazard_ledger_on_the_demo_is_below_threshold(demo, tmp_path):
    out = tmp_path / "mh.pdf"
    render(demo, "major-hazard-ledger", out, lang="zh_CN")
    text = pdf_text(out)[0]
    assert "不构成危险化学品重大危险源" in text and "乙炔" in text and "74-86-2" in text
    assert 0 < demo.chemicals.identification().s < 1


def test_demo_forms_for_a_closed_hazard(demo, tmp_path):
    number = demo.db.conn.execute(
        "SELECT h.number FROM hazards h JOIN hazard_state s ON s.hazard_id = h.id "
        "WHERE s.step = 'closed' ORDER BY h.number LIMIT 1").fetchone()[0]
    for name in ("rectification-notice", "acceptance-record"):
        result = render(demo, name, tmp_path / f"{name}.pdf", hazard_number=number)
        assert result.pages == 1


def test_cli_report_hazard_ledger_excel(demo, tmp_path):
    out = tmp_path / "x.xlsx"
    run = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir",
                          str(demo.data_dir), "report", "hazard-ledger", "--period", "2025Q2",
                          "-o", str(out)], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert out.exists() and "隐患排查治理台账" in run.stdout
    listing = subprocess.run([sys.executable, str(ROOT / "main.py"), "report", "--list"],
                             capture_output=True, text=True, cwd=ROOT).stdout
    for name in ("hazard-ledger", "hazard-stats", "major-hazard-ledger", "inspection-ledger",
                 "rectification-notice", "acceptance-record"):
        assert name in listing
    bad = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir",
                          str(demo.data_dir), "report", "inspection-ledger", "--area", "没有",
                          "-o", str(tmp_path / "y.pdf")], capture_output=True, text=True,
                         cwd=ROOT)
    assert bad.returncode != 0 and "没有" in (bad.stdout + bad.stderr)
    assert not (tmp_path / "y.pdf").exists()


def test_inspection_ledger_filters_by_area_and_equipment(demo, tmp_path):
    out = tmp_path / "by-area.xlsx"
    by_area = render(demo, "inspection-ledger", out, period=parse_period("2025Q2"), area="CY",
                     lang="zh_CN")
    sheet = openpyxl.load_workbook(out).active
    areas = {r[2] for r in sheet.iter_rows(min_row=4, max_row=3 + by_area.rows, values_only=True)}
    assert areas == {"冲压车间"}
    assert "区域：冲压车间" in sheet["A2"].value
    everything = render(demo, "inspection-ledger", tmp_path / "all.xlsx",
                        period=parse_period("2025Q2"))
    one = render(demo, "inspection-ledger", tmp_path / "one.xlsx", period=parse_period("2025Q2"),
                 equipment="YJ-CY-0001")
    assert 0 < one.rows < by_area.rows < everything.rows
    sheet = openpyxl.load_workbook(tmp_path / "one.xlsx").active
    assert {r[3] for r in sheet.iter_rows(min_row=4, max_row=3 + one.rows,
                                          values_only=True)} == {"YJ-CY-0001"}
    with pytest.raises(DomainError) as err:
        render(demo, "inspection-ledger", tmp_path / "x.pdf", equipment="NO-SUCH")
    assert err.value.key == "report.no_equipment"


def test_every_report_gives_the_same_path_messages(demo, tmp_path):
    """One helper (reports/output_file.py) for every report, the map included."""
    missing = tmp_path / "no-such-folder" / "x.pdf"
    for name, args in (("hazard-ledger", {"period": parse_period("2025")}),
                       ("major-hazard-ledger", {}), ("risk-register", {}),
                       ("four-colour-map", {}),
                       ("effect-metrics", {"before": parse_period("2025-01"),
                                           "after": parse_period("2025-02")})):
        with pytest.raises(DomainError) as err:
            render(demo, name, missing, **args)
        assert err.value.key == "report.folder_missing", name
        with pytest.raises(DomainError) as err:
            render(demo, name, tmp_path, **args)
        assert err.value.key == "report.output_is_folder", name
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_codes_are_case_insensitive(tiny, tmp_path):
    ws, numbers = tiny
    out = tmp_path / "notice.pdf"
    render(ws, "rectification-notice", out, hazard_number=f" {numbers['major'].lower()} ")
    assert numbers["major"] in pdf_text(out)[0]


def test_inspection_ledger_takes_a_lower_case_equipment_code(demo, tmp_path):
    one = render(demo, "inspection-ledger", tmp_path / "one.pdf", period=parse_period("2025Q2"),
                 equipment="yj-cy-0001")
    assert one.rows and "YJ-CY-0001" in pdf_text(tmp_path / "one.pdf")[0]
    by_code = render(demo, "inspection-ledger", tmp_path / "cy.pdf",
                     period=parse_period("2025Q2"), area="cy")
    assert by_code.rows


def test_a_merged_hazard_points_to_the_one_it_was_merged_into(tiny, tmp_path):
    ws, numbers = tiny
    from db.repositories.ledgers import SqliteLedgerRepository

    clerk = ws.auth.users.by_username("clerk").actor()
    target = SqliteLedgerRepository(ws.db).hazard_id(numbers["fixed"])
    duplicate = ws.hazards.record(clerk, {"description": "冲床脚踏开关护罩缺失（重复）",
                                          "type": "guard", "grade": "general",
                                          "area_id": ws.hazards_repo.get(target).area_id})
    ws.hazards.merge(clerk, duplicate, target)
    number = ws.hazards_repo.get(duplicate).number
    for name in ("acceptance-record", "rectification-notice"):
        with pytest.raises(DomainError) as err:
            render(ws, name, tmp_path / "m.pdf", hazard_number=number)
        assert err.value.key == "report.hazard_merged"
        assert numbers["fixed"] in err.value.message("zh_CN") and "合并" in err.value.message()


def test_an_empty_period_says_so_in_excel_as_in_pdf(tiny, tmp_path):
    ws, _numbers = tiny
    out = tmp_path / "empty.xlsx"
    result = render(ws, "hazard-ledger", out, period=parse_period("2020"), lang="zh_CN")
    assert result.rows == 0
    values = [v for row in openpyxl.load_workbook(out).active.iter_rows(values_only=True)
              for v in row if v]
    assert "本期无记录。" in values
    render(ws, "hazard-ledger", tmp_path / "empty-en.xlsx", period=parse_period("2020"),
           lang="en")
    values = [v for row in openpyxl.load_workbook(tmp_path / "empty-en.xlsx").active
              .iter_rows(values_only=True) for v in row if v]
    assert "No records in this period." in values


def test_ledger_lines_follow_chinese_line_breaking(tiny, tmp_path):
    from reports.ledgers import ledger_columns
    from reports.pdf_layout import NO_LINE_END, NO_LINE_START, PAD, Metrics, page_size

    metrics = Metrics()
    for width in range(30, 120, 3):
        for text in ("实际花费 250 元；来源：随手拍", "冲压车间QZ-CY-0003号行车吊钩防脱钩装置失效"
                     "（YH-2026-0001），已停用。", "整改资金（元）"):
            lines = metrics.wrap(text, width, 7.5)
            assert "".join(lines).replace(" ", "") == text.replace(" ", "")
            assert not any(line[0] in NO_LINE_START for line in lines[1:]), (width, lines)
            assert not any(line[-1] in NO_LINE_END for line in lines[:-1]), (width, lines)
    # On A3 (the default) the grade column holds 一般隐患 and its title on one line.
    columns = ledger_columns("zh_CN")
    scale = (page_size("A3")[0] - 2 * 10 * 72 / 25.4) / sum(c.width for c in columns)
    grade = next(c for c in columns if c.title == "隐患等级")
    for text in ("隐患等级", "一般隐患", "重大隐患"):
        assert len(metrics.wrap(text, grade.width * scale - 2 * PAD, 7.5)) == 1
