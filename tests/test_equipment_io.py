"""Equipment registry in and out of Excel, run as a clerk would: `main.py import/export equipment`.

The workbooks are written with openpyxl the way plant files really look: a merged title over
the header, blank rows, full-width codes, dates as text, Excel serials and date cells, risk
grades as colours, codes with trailing spaces.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from core.auth import SYSTEM
from core.equipment import EquipmentQuery
from core.equipment_import import free_text, owner_lookup, preview_equipment
from core.importing import fold_key
from db.workspace import Workspace
from reports.equipment_export import export_equipment, write_equipment_template
from reports.xlsx_io import iter_rows

ROOT = Path(__file__).resolve().parent.parent

HEADER = ["序号", "设备编号 ", "*设备名称", "类型", "使用车间", "生产线", "责任人", "投用日期",
          "状态", "风险等级", "是否特种设备", "下次检验日期", "备注"]
# Excel row -> cells. Row 1 is a merged title, rows 2 and 6 are blank.
GOOD_ROWS: dict[int, list] = {
    4: [1, "YJ-CY-0001   ", "开式压力机（160T）", "压力机", "冲压车间", "冲压B线", "A0001",
        "2024年3月5日", "在用", "橙", "否", None, "离合器每班检查\n制动器每周检查"],
    5: [2, "ＹＪ－ＣＹ－０００２", "闭式压力机", "ＹＪ", "ＣＹ", "1号线", "王五", 45356, "停用",
        "较大风险", "N", None, None],
    7: [3, "QZ-HJ-0001", "桥式起重机", "起重机", "焊接车间 ", "1号线", "a0004",
        dt.datetime(2023, 7, 1), "维修中", "红", None, "2026/5/1", None],
    8: [4, None, "电动葫芦", "QZ", "焊接车间", None, None, "2022.7.15", None, "蓝", "是",
        20260601, None],
}


def run(*args: str, data_dir: Path, lang: str = "zh_CN") -> subprocess.CompletedProcess:
    cmd = [sys.executable, str(ROOT / "main.py"), "--lang", lang, "--data-dir", str(data_dir)]
    return subprocess.run(cmd + list(args), capture_output=True, text=True, timeout=120)


def write_book(path: Path, rows: dict[int, list], header: list[str] = HEADER) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "2025年 设备台账（设备科）"
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    for col, text in enumerate(header, start=1):
        ws.cell(row=3, column=col, value=text)
    for number, values in rows.items():
        for col, value in enumerate(values, start=1):
            if value is not None:
                ws.cell(row=number, column=col, value=value)
    wb.save(path)
    return path


@pytest.fixture
def plant(tmp_path: Path) -> Path:
    """A small plant made through the services: two areas, lines (one name in both), types,
    a department and people, two of them called 李四."""
    folder = tmp_path / "plant"
    ws = Workspace.open(folder, fast_hash=True)
    try:
        ws.create_plant("示范厂", "S01", "主厂区", "admin", "管理员", "password-1")
        site = ws.structure.list(SYSTEM, "site")[0]["id"]
        cy = ws.structure.add(SYSTEM, "area", {"code": "CY", "name": "冲压车间", "site_id": site})
        hj = ws.structure.add(SYSTEM, "area", {"code": "HJ", "name": "焊接车间", "site_id": site})
        for code, name, area in (("CY-B", "冲压B线", cy), ("CY-1", "1号线", cy),
                                 ("HJ-A", "焊装A线", hj), ("HJ-1", "1号线", hj)):
            ws.structure.add(SYSTEM, "line", {"code": code, "name": name, "area_id": area})
        dept = ws.structure.add(SYSTEM, "department", {"code": "SB", "name": "设备部",
                                                       "site_id": site})
        ws.equipment.add_type(SYSTEM, "YJ", "压力机")
        ws.equipment.add_type(SYSTEM, "QZ", "起重机", special=True)
        for number, name in (("A0001", "张三"), ("A0002", "李四"), ("A0003", "李四"),
                             ("A0004", "王五")):
            ws.people.add(SYSTEM, {"employee_no": number, "name": name, "department_id": dept})
    finally:
        ws.close()
    return folder


def stored(folder: Path) -> dict[str, dict]:
    """Every machine by code, with references as names/numbers so tests read like the file."""
    ws = Workspace.open(folder, fast_hash=True)
    try:
        numbers = {p.id: p.employee_no for p in ws.people.search(SYSTEM, ws_query(), 0, 1000)}
        lines = {ln["id"]: ln["code"] for ln in ws.structure.list(SYSTEM, "line")}
        sites = {s["id"]: s["code"] for s in ws.structure.list(SYSTEM, "site")}
        return {
            e.code: {
                "name": e.name, "type": e.type_name, "area": e.area_name,
                "line": lines.get(e.line_id), "owner": numbers.get(e.owner_person_id),
                "install_date": e.install_date, "status": e.status, "risk": e.risk_grade,
                "special": e.special, "due": e.inspection_due, "notes": e.notes,
                "site": sites.get(e.site_id),
            }
            for e in ws.equipment.iter_all(SYSTEM, EquipmentQuery())
        }
    finally:
        ws.close()


def ws_query():
    from core.plant import PeopleQuery

    return PeopleQuery()


def outbox_size(folder: Path) -> int:
    ws = Workspace.open(folder, fast_hash=True)
    try:
        return ws.db.conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0]
    finally:
        ws.close()


# --------------------------------------------------------------------------- import


def test_messy_workbook_imports_with_the_values_meant(plant: Path, tmp_path: Path) -> None:
    book = write_book(tmp_path / "台账.xlsx", GOOD_ROWS)
    result = run("import", "equipment", str(book), data_dir=plant)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "导入完成：新增 4 台，更新 0 台，未变或跳过 0 台。"
    assert "序号" in result.stderr  # the unrecognised column is named, not fatal
    rows = stored(plant)
    assert set(rows) == {"YJ-CY-0001", "YJ-CY-0002", "QZ-HJ-0001", "QZ-HJ-0002"}
    assert rows["YJ-CY-0001"] == {
        "name": "开式压力机（160T）",  # free text kept as typed: full-width brackets stay
        "type": "压力机", "area": "冲压车间", "line": "CY-B", "owner": "A0001",
        "install_date": dt.date(2024, 3, 5), "status": "in_service", "risk": "considerable",
        "special": False, "due": None, "notes": "离合器每班检查\n制动器每周检查", "site": "S01",
    }
    # full-width code, type and area given by code, "1号线" resolved inside 冲压车间,
    # owner by a unique name, an Excel serial date
    press = rows["YJ-CY-0002"]
    assert (press["type"], press["area"], press["line"], press["owner"]) == (
        "压力机", "冲压车间", "CY-1", "A0004")
    assert (press["install_date"], press["status"], press["risk"], press["special"]) == (
        dt.date(2024, 3, 5), "stopped", "considerable", False)
    crane = rows["QZ-HJ-0001"]
    assert (crane["line"], crane["owner"], crane["install_date"]) == (
        "HJ-1", "A0004", dt.date(2023, 7, 1))
    # 红 is a major risk; an empty 特种设备 cell follows the type (cranes are special)
    assert (crane["status"], crane["risk"], crane["special"], crane["due"]) == (
        "under_repair", "major", True, dt.date(2026, 5, 1))
    # no code: numbered by the plant's rule after the crane the same file brought in
    hoist = rows["QZ-HJ-0002"]
    assert (hoist["name"], hoist["status"], hoist["risk"], hoist["special"]) == (
        "电动葫芦", "in_service", "low", True)
    assert (hoist["install_date"], hoist["due"], hoist["line"], hoist["owner"]) == (
        dt.date(2022, 7, 15), dt.date(2026, 6, 1), None, None)
    assert run("check", data_dir=plant).returncode == 0


def test_bad_rows_get_one_exact_line_each_and_nothing_is_written(plant: Path,
                                                                 tmp_path: Path) -> None:
    rows = dict(GOOD_ROWS)
    rows.update({
        9: [5, "YJ-CY-0009 ", "压力机甲", "压力机", "装配车间", None, None, None, None, None,
            None, None, None],
        10: [6, "YJ-CY-0010", "压力机乙", "压力机", "冲压车间", "焊装A线", None, None, None,
             "橙", None, None, None],
        11: [7, "yj-cy-0009", "压力机丙", "压力机", "冲压车间", None, "李四", "2024/2/30",
             None, "紫", None, None, None],
        12: [8, "YJ-CY-0012", None, "冲床", "冲压车间", None, None, None, None, None, "也许",
             None, None],
    })
    book = write_book(tmp_path / "bad.xlsx", rows)
    before = outbox_size(plant)
    result = run("import", "equipment", str(book), data_dir=plant)
    assert result.returncode == 1
    assert result.stdout.strip().splitlines() == [
        "第 9 行 B 列「设备编号」：“YJ-CY-0009”在本文件中重复（另见第 11 行），不能重复",
        "第 9 行 E 列「使用车间」：“装配车间”在系统中不存在，请先在系统中添加，"
        "或改成系统中已有的名称",
        "第 10 行 F 列「生产线」：产线“焊装A线”不属于区域“冲压车间”（它属于：焊接车间），"
        "请核对区域或产线",
        "第 11 行 B 列「设备编号」：“yj-cy-0009”在本文件中重复（另见第 9 行），不能重复",
        "第 11 行 G 列「责任人」：系统中有 2 人叫“李四”，无法确定是谁，请改填工号",
        "第 11 行 H 列「投用日期」：日期“2024/2/30”不存在：2024 年 2 月没有 30 日",
        "第 11 行 J 列「风险等级」：“紫”不是可选的值，可填：" + " / ".join(RISK_SPELLINGS),
        "第 12 行 C 列「*设备名称」：必填，不能为空",
        "第 12 行 D 列「类型」：“冲床”在系统中不存在，请先在系统中添加，或改成系统中已有的名称",
        "第 12 行 K 列「是否特种设备」：“也许”不是可选的值，可填：" + " / ".join(SPECIAL_SPELLINGS),
    ]
    assert "发现 10 处问题，未导入任何数据。" in result.stderr
    assert stored(plant) == {}
    assert outbox_size(plant) == before
    english = run("import", "equipment", str(book), data_dir=plant, lang="en")
    assert english.returncode == 1
    assert "Row 10, column F “生产线”: the line “焊装A线” is not in the area “冲压车间”" \
        in english.stdout


def _spellings(name: str) -> list[str]:
    from core.equipment_import import EQUIPMENT_FIELDS

    spec = next(s for s in EQUIPMENT_FIELDS if s.name == name)
    return list(spec.choices or ())


RISK_SPELLINGS = _spellings("risk_grade")
SPECIAL_SPELLINGS = _spellings("special")


def test_dry_run_checks_but_writes_nothing(plant: Path, tmp_path: Path) -> None:
    book = write_book(tmp_path / "台账.xlsx", GOOD_ROWS)
    before = outbox_size(plant)
    result = run("import", "equipment", str(book), "--dry-run", data_dir=plant)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "检查通过：4 行可以导入（未写入，--dry-run）。"
    assert stored(plant) == {}
    assert outbox_size(plant) == before


def test_existing_codes_are_skipped_unless_update(plant: Path, tmp_path: Path) -> None:
    book = write_book(tmp_path / "台账.xlsx", GOOD_ROWS)
    assert run("import", "equipment", str(book), data_dir=plant).returncode == 0
    changed = {number: list(values) for number, values in GOOD_ROWS.items() if values[1]}
    changed[4][2] = "开式压力机（改）"
    changed[5][9] = "黄"
    book = write_book(tmp_path / "改.xlsx", changed)

    skip = run("import", "equipment", str(book), data_dir=plant)
    assert skip.returncode == 0, skip.stdout + skip.stderr
    assert skip.stdout.strip().splitlines() == [
        "导入完成：新增 0 台，更新 0 台，未变或跳过 3 台。",
        "其中 3 台的设备编号已存在，未作修改；如要用文件内容更新它们，请加 --update。",
    ]
    assert stored(plant)["YJ-CY-0001"]["name"] == "开式压力机（160T）"

    update = run("import", "equipment", str(book), "--update", data_dir=plant)
    assert update.returncode == 0, update.stdout + update.stderr
    assert update.stdout.strip() == "导入完成：新增 0 台，更新 2 台，未变或跳过 1 台。"
    rows = stored(plant)
    assert rows["YJ-CY-0001"]["name"] == "开式压力机（改）"
    assert rows["YJ-CY-0002"]["risk"] == "general"


def test_update_leaves_absent_columns_and_empty_cells_alone(plant: Path, tmp_path: Path) -> None:
    assert run("import", "equipment", str(write_book(tmp_path / "a.xlsx", GOOD_ROWS)),
               data_dir=plant).returncode == 0
    # A short list to correct names: no status, owner or date columns; risk cells left empty.
    header = ["设备编号", "设备名称", "设备类型", "所在区域", "风险等级"]
    book = write_book(tmp_path / "short.xlsx", {
        4: ["YJ-CY-0002", "闭式压力机（新）", "压力机", "冲压车间", None],
        5: ["QZ-HJ-0001", "桥式起重机", "起重机", "焊接车间", None],
    }, header)
    result = run("import", "equipment", str(book), "--update", data_dir=plant)
    assert result.returncode == 0, result.stdout + result.stderr
    # only the renamed press changes; empty risk cells and absent columns keep what is stored
    assert result.stdout.strip() == "导入完成：新增 0 台，更新 1 台，未变或跳过 1 台。"
    rows = stored(plant)
    assert rows["YJ-CY-0002"] | {"name": None} == {
        "name": None, "type": "压力机", "area": "冲压车间", "line": "CY-1", "owner": "A0004",
        "install_date": dt.date(2024, 3, 5), "status": "stopped", "risk": "considerable",
        "special": False, "due": None, "notes": None, "site": "S01",
    }
    assert rows["YJ-CY-0002"]["name"] == "闭式压力机（新）"
    assert rows["QZ-HJ-0001"]["risk"] == "major" and rows["QZ-HJ-0001"]["special"] is True


# --------------------------------------------------------------------------- export


def test_export_reimports_without_change(plant: Path, tmp_path: Path) -> None:
    assert run("import", "equipment", str(write_book(tmp_path / "a.xlsx", GOOD_ROWS)),
               data_dir=plant).returncode == 0
    before = stored(plant)
    for lang in ("zh_CN", "en"):
        out = tmp_path / f"export-{lang}.xlsx"
        exported = run("export", "equipment", str(out), data_dir=plant, lang=lang)
        assert exported.returncode == 0, exported.stdout + exported.stderr
        assert "4" in exported.stdout
        again = run("import", "equipment", str(out), "--update", data_dir=plant, lang=lang)
        assert again.returncode == 0, again.stdout + again.stderr
        first = again.stdout.strip().splitlines()[0]
        if lang == "en":
            assert first == "Import done: 0 machines added, 0 updated, 4 unchanged or skipped."
        else:
            assert first == "导入完成：新增 0 台，更新 0 台，未变或跳过 4 台。"
        assert again.stderr == ""  # every exported column is recognised
    assert stored(plant) == before


def test_export_workbook_has_real_dates_labels_and_a_title(plant: Path, tmp_path: Path) -> None:
    assert run("import", "equipment", str(write_book(tmp_path / "a.xlsx", GOOD_ROWS)),
               data_dir=plant).returncode == 0
    out = tmp_path / "out.xlsx"
    assert run("export", "equipment", str(out), data_dir=plant).returncode == 0
    wb = openpyxl.load_workbook(out)
    sheet = wb.active
    assert sheet.title == "设备台账"
    assert sheet["A1"].value.startswith("示范厂设备台账")
    assert [str(r) for r in sheet.merged_cells.ranges] == ["A1:Q1"]
    header = [c.value for c in sheet[2]]
    assert header[:3] == ["设备编号", "设备名称", "设备类型"] and header[-1] == "备注"
    by_code = {row[0].value: row for row in sheet.iter_rows(min_row=3)}
    press = {h: c for h, c in zip(header, by_code["YJ-CY-0001"], strict=True)}
    assert press["安装日期"].is_date and press["安装日期"].value == dt.datetime(2024, 3, 5)
    assert press["安装日期"].number_format == "yyyy-mm-dd"
    assert (press["设备状态"].value, press["风险等级"].value, press["特种设备"].value) == (
        "在用", "较大风险", "否")
    assert (press["产线"].value, press["责任人"].value) == ("冲压B线", "A0001")
    assert press["备注"].value == "离合器每班检查\n制动器每周检查"
    crane = {h: c for h, c in zip(header, by_code["QZ-HJ-0001"], strict=True)}
    assert crane["检验到期日"].is_date and crane["检验到期日"].value == dt.datetime(2026, 5, 1)


def test_export_filters_by_area_type_and_status(plant: Path, tmp_path: Path) -> None:
    assert run("import", "equipment", str(write_book(tmp_path / "a.xlsx", GOOD_ROWS)),
               data_dir=plant).returncode == 0

    def codes(*args: str) -> list[str]:
        out = tmp_path / "f.xlsx"
        result = run("export", "equipment", str(out), *args, data_dir=plant)
        assert result.returncode == 0, result.stdout + result.stderr
        return [row[0] for row in openpyxl.load_workbook(out).active.iter_rows(
            min_row=3, values_only=True)]

    assert codes("--area", "焊接车间") == ["QZ-HJ-0001", "QZ-HJ-0002"]
    assert codes("--area", "cy") == ["YJ-CY-0001", "YJ-CY-0002"]  # by code, any case
    assert codes("--type", "起重机", "--status", "在用") == ["QZ-HJ-0002"]
    assert codes("--status", "under repair") == ["QZ-HJ-0001"]
    bad = run("export", "equipment", str(tmp_path / "x.xlsx"), "--area", "装配车间",
              data_dir=plant)
    assert bad.returncode == 1
    assert bad.stderr.strip() == "没有区域“装配车间”。可用：冲压车间 (CY)、焊接车间 (HJ)"
    assert not (tmp_path / "x.xlsx").exists()


def test_commands_refuse_a_folder_without_a_plant(tmp_path: Path) -> None:
    book = write_book(tmp_path / "a.xlsx", GOOD_ROWS)
    result = run("import", "equipment", str(book), data_dir=tmp_path / "nowhere")
    assert result.returncode == 1 and result.stderr.strip()


# --------------------------------------------------------------------------- in process


def test_template_reads_back_with_its_example_row_skipped(plant: Path, tmp_path: Path) -> None:
    for lang in ("zh_CN", "en"):
        path = tmp_path / f"template-{lang}.xlsx"
        write_equipment_template(path, lang)
        ws = Workspace.open(plant, fast_hash=True)
        try:
            from cli.equipment_io import load_lookups

            preview = preview_equipment(iter_rows(path), load_lookups(ws, SYSTEM), lang=lang)
        finally:
            ws.close()
        assert preview.ok, preview.messages()
        assert (preview.example_rows, preview.records, preview.unmatched_headers) == (1, [], [])
        assert len(preview.mapping) == 17


def test_owner_lookup_prefers_numbers_and_marks_shared_names() -> None:
    table = owner_lookup([
        {"id": "p1", "employee_no": "A0001", "name": "张三"},
        {"id": "p2", "employee_no": "A0002", "name": "李四"},
        {"id": "p3", "employee_no": "A0003", "name": "李四"},
        {"id": "p4", "employee_no": "张三", "name": "赵六"},  # a number that is someone's name
    ])
    folded = {fold_key(k): v for k, v in table.items()}
    assert folded["a0001"] == "p1" and folded["张三"] == "p4" and folded["赵六"] == "p4"
    assert folded["李四"].count == 2


def test_free_text_keeps_what_people_typed() -> None:
    assert free_text("  压力机（开式）\u200b \r\n 第二行  \n") == "压力机（开式）\n 第二行"


def test_export_streams_and_reports_progress(plant: Path, tmp_path: Path) -> None:
    assert run("import", "equipment", str(write_book(tmp_path / "a.xlsx", GOOD_ROWS)),
               data_dir=plant).returncode == 0
    ws = Workspace.open(plant, fast_hash=True)
    try:
        items = list(ws.equipment.iter_all(SYSTEM, EquipmentQuery())) * 300  # 1,200 rows
    finally:
        ws.close()
    seen: list[int] = []
    count = export_equipment(iter(items), tmp_path / "big.xlsx", "en", progress=seen.append)
    assert count == 1200 and seen == [500, 1000, 1200]
    rows = list(iter_rows(tmp_path / "big.xlsx"))
    assert rows[0][1][:2] == ["Equipment code", "Equipment name"]  # no title asked for
    crane = dict(zip(rows[0][1], rows[1][1], strict=False))  # code order: QZ-HJ-0001 first
    # without owner numbers the owner's name is written (it reads back while it is unique)
    assert (crane["Owner"], crane["Status"], crane["Risk grade"], crane["Special equipment"]) == (
        "王五", "Under repair", "Major", "yes")
