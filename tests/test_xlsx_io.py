"""Reading and writing workbooks: streaming rows, friendly errors, templates and exports."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from core.i18n import DomainError
from core.importing import FieldSpec
from core.people_import import PEOPLE_FIELDS
from reports import xlsx_io
from reports.xlsx_io import OLE2_MAGIC, iter_rows, sheet_names, write_table, write_template


def make_workbook(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws["A1"] = "2024年员工花名册"
    ws.merge_cells("A1:C1")
    ws.append([])  # row 2 stays blank
    ws["A3"], ws["B3"], ws["C3"] = "工号", "姓名", "入职日期"
    ws["A4"], ws["B4"], ws["C4"] = "A001", "张三", dt.date(2024, 3, 5)
    ws["A6"] = "A002"  # row 5 blank, trailing cells of row 6 empty
    ws["C7"] = "=1+1"  # a formula with no cached value
    other = wb.create_sheet("第二页")
    other["A1"] = "其他"
    wb.save(path)
    return path


def assert_both_languages(err: DomainError, *fragments: str) -> None:
    zh, en = err.message("zh_CN"), err.message("en")
    assert zh and en and zh != en
    for fragment in fragments:
        assert fragment in zh and fragment in en


# --------------------------------------------------------------------------- iter_rows


def test_iter_rows_streams_numbered_rows(tmp_path: Path) -> None:
    rows = list(iter_rows(make_workbook(tmp_path / "a.xlsx")))
    assert rows[:6] == [
        (1, ["2024年员工花名册"]),
        (2, []),
        (3, ["工号", "姓名", "入职日期"]),
        (4, ["A001", "张三", dt.datetime(2024, 3, 5)]),
        (5, []),
        (6, ["A002"]),
    ]
    assert rows[6] == (7, [])  # data_only: an uncalculated formula reads as empty, not "=1+1"


def test_iter_rows_picks_a_sheet(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "a.xlsx")
    assert sheet_names(path) == ["花名册", "第二页"]
    assert list(iter_rows(path, sheet="第二页")) == [(1, ["其他"])]
    assert list(iter_rows(path, sheet=" 第二页 ")) == [(1, ["其他"])]
    with pytest.raises(DomainError) as err:
        list(iter_rows(path, sheet="Sheet9"))
    assert err.value.key == "xlsx.no_sheet"
    assert_both_languages(err.value, "Sheet9", "花名册")


def test_iter_rows_skips_hidden_first_sheet(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.title = "hidden"
    wb.active["A1"] = "secret"
    wb.active.sheet_state = "hidden"
    wb.create_sheet("data")["A1"] = "visible"
    wb.active = 1
    path = tmp_path / "h.xlsx"
    wb.save(path)
    assert list(iter_rows(path)) == [(1, ["visible"])]


def test_iter_rows_ignores_a_wrong_dimension(tmp_path: Path) -> None:
    # Some exporters claim the sheet is just "A1"; read-only mode must still see every row.
    good = make_workbook(tmp_path / "good.xlsx")
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<dimension ref="A1:C7"/>', b'<dimension ref="A1"/>')
                assert b'<dimension ref="A1"/>' in data
            dst.writestr(item, data)
    assert list(iter_rows(bad)) == list(iter_rows(good))


def test_iter_rows_closes_the_file_when_abandoned(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "a.xlsx")
    rows = iter_rows(path)
    assert next(rows)[0] == 1
    rows.close()
    path.unlink()  # would fail on Windows if the handle were still open
    assert not path.exists()


# --------------------------------------------------------------------------- unreadable files


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DomainError) as err:
        iter_rows(tmp_path / "nope.xlsx")
    assert err.value.key == "xlsx.not_found"
    assert_both_languages(err.value, "nope.xlsx")


def test_text_file_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "名单.xlsx"
    path.write_text("工号,姓名\nA001,张三\n", encoding="utf-8")
    with pytest.raises(DomainError) as err:
        iter_rows(path)
    assert err.value.key == "xlsx.not_workbook"
    assert_both_languages(err.value, "名单.xlsx", ".xlsx")


def test_directory_is_not_a_workbook(tmp_path: Path) -> None:
    with pytest.raises(DomainError) as err:
        iter_rows(tmp_path)
    assert err.value.key in ("xlsx.not_workbook", "xlsx.locked")


def test_old_xls_asks_to_save_as_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "旧表.xls"
    # An OLE2 compound file whose directory names a "Workbook" stream, as Excel 97-2003 writes.
    path.write_bytes(OLE2_MAGIC + bytes(504) + "Workbook".encode("utf-16-le") + bytes(1000))
    with pytest.raises(DomainError) as err:
        iter_rows(path)
    assert err.value.key == "xlsx.old_xls"
    assert_both_languages(err.value, "旧表.xls", ".xlsx")


def test_html_disguised_as_xls(tmp_path: Path) -> None:
    path = tmp_path / "export.xls"
    path.write_text("<html><table><tr><td>工号</td></tr></table></html>", encoding="utf-8")
    with pytest.raises(DomainError) as err:
        iter_rows(path)
    assert err.value.key == "xlsx.old_xls"


def test_password_protected_workbook(tmp_path: Path) -> None:
    path = tmp_path / "加密.xlsx"
    body = bytes(2_000_000) + "EncryptedPackage".encode("utf-16-le")  # past the first chunk
    path.write_bytes(OLE2_MAGIC + body)
    with pytest.raises(DomainError) as err:
        iter_rows(path)
    assert err.value.key == "xlsx.encrypted"
    assert_both_languages(err.value, "加密.xlsx")


@pytest.mark.parametrize("kind", ["truncated", "other_zip"])
def test_corrupt_workbook(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "坏.xlsx"
    if kind == "truncated":
        data = make_workbook(tmp_path / "a.xlsx").read_bytes()
        path.write_bytes(data[: len(data) // 2])
    else:
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(DomainError) as err:
        list(iter_rows(path))
    assert err.value.key == "xlsx.corrupt"
    assert_both_languages(err.value, "坏.xlsx")


def test_locked_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_workbook(tmp_path / "a.xlsx")

    def denied(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    # Simulated: tests may run as root, where chmod cannot deny reading.
    monkeypatch.setattr(Path, "open", denied)
    with pytest.raises(DomainError) as err:
        iter_rows(path)
    assert err.value.key == "xlsx.locked"
    assert_both_languages(err.value, "a.xlsx")


# --------------------------------------------------------------------------- write_template


def test_template_layout(tmp_path: Path) -> None:
    path = tmp_path / "模板.xlsx"
    write_template(path, PEOPLE_FIELDS, title="人员导入模板")
    wb = load_workbook(path)
    assert wb.sheetnames == ["导入数据", "说明"]
    ws = wb["导入数据"]
    assert ws["A1"].value == "人员导入模板"
    assert "A1:H1" in {str(r) for r in ws.merged_cells.ranges}
    labels = [c.value for c in ws[2]]
    assert labels == ["*工号", "*姓名", "性别", "*部门", "岗位", "入职日期", "电话", "状态"]
    assert ws.freeze_panes == "A3"
    example = [c.value for c in ws[3]]
    assert example[:3] == ["A0001", "张三", "男"]
    assert example[5] == dt.datetime(2024, 3, 5)  # a real date, not text
    assert ws["F3"].number_format == "yyyy-mm-dd"
    lists = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    assert lists == {"C3:C1048576": '"男,女"', "H3:H1048576": '"在职,休假,离职"'}
    assert ws.column_dimensions["A"].width >= 12
    help_rows = list(wb["说明"].values)
    assert "标 * 的列必须填写" in help_rows[0][0]
    described = {row[0]: row for row in help_rows[3:]}
    assert described["*工号"][1] == "是" and described["性别"][1] == "否"
    assert described["性别"][3] == "男、女"
    assert "日期" in described["入职日期"][2]


def test_english_template(tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    write_template(path, PEOPLE_FIELDS, lang="en")
    wb = load_workbook(path)
    assert wb.sheetnames == ["Data", "Instructions"]
    ws = wb["Data"]
    assert ws["A1"].value == "*Employee No." and ws.freeze_panes == "A2"
    lists = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    assert lists["C2:C1048576"] == '"M,F"'
    assert lists["H2:H1048576"] == '"active,on_leave,left"'


def test_template_numeric_example(tmp_path: Path) -> None:
    specs = [
        FieldSpec("qty", "数量", "Qty", "int", example="3"),
        FieldSpec("code", "编码", "Code", "text"),
    ]
    path = tmp_path / "t.xlsx"
    write_template(path, specs)
    assert list(iter_rows(path)) == [(1, ["数量", "编码"]), (2, [3])]


# --------------------------------------------------------------------------- write_table


def test_write_table_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "导出.xlsx"

    def rows():  # a generator: write_table must stream, not need a list
        yield ["A001", "张三", dt.date(2024, 3, 5), 3]
        yield ["A002", '=HYPERLINK("http://x")', dt.datetime(2024, 3, 5, 8, 30), None]
        yield ["A003", "bell\x07", None, 2.5]

    count = write_table(path, ["工号", "姓名", "入职日期", "次数"], rows(), title="人员名单")
    assert count == 3
    wb = load_workbook(path)
    ws = wb["Sheet1"]
    assert ws.freeze_panes == "A3"
    assert "A1:D1" in {str(r) for r in ws.merged_cells.ranges}
    values = list(ws.values)
    assert values[0][0] == "人员名单"
    assert values[1] == ("工号", "姓名", "入职日期", "次数")
    assert values[2] == ("A001", "张三", dt.datetime(2024, 3, 5), 3)
    assert ws["C3"].is_date and ws["C3"].number_format == "yyyy-mm-dd"
    assert ws["C4"].is_date and ws["C4"].value == dt.datetime(2024, 3, 5, 8, 30)
    assert ws["B4"].data_type == "s"  # text, never a formula
    assert ws["B4"].value == '=HYPERLINK("http://x")'
    assert values[4] == ("A003", "bell", None, 2.5)
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_write_table_without_title(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    write_table(path, ["日期"], [[dt.date(2024, 1, 2)]], sheet_title="bad/name?")
    wb = load_workbook(path)
    ws = wb.active
    assert ws.title == "bad_name_" and ws.freeze_panes == "A2"
    assert ws["A2"].value == dt.datetime(2024, 1, 2) and ws["A2"].is_date
    # and it reads back through iter_rows with dates as dates
    assert list(iter_rows(path)) == [(1, ["日期"]), (2, [dt.datetime(2024, 1, 2)])]


def test_write_into_a_locked_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "open_in_excel.xlsx"

    def denied(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(xlsx_io.os, "replace", denied)
    with pytest.raises(DomainError) as err:
        write_table(path, ["a"], [["b"]])
    assert err.value.key == "xlsx.write_denied"
    assert_both_languages(err.value, "open_in_excel.xlsx")
    assert list(tmp_path.iterdir()) == []  # the temporary file was removed


def test_write_into_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(DomainError) as err:
        write_template(tmp_path / "no" / "such" / "t.xlsx", PEOPLE_FIELDS)
    assert err.value.key == "xlsx.write_failed"
