"""The generic importer against a realistically messy HR roster written as a real .xlsx."""

from __future__ import annotations

import datetime as dt
import gc
import weakref
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from core.i18n import DomainError, all_messages
from core.importing import (
    FieldError,
    FieldSpec,
    build_preview,
    column_letter,
    find_header,
    header_key,
    map_columns,
    normalize_text,
    parse_date,
    parse_float,
    parse_int,
    parse_manual_map,
)
from core.people_import import PEOPLE_FIELDS, clean_phone, preview_people
from reports.xlsx_io import iter_rows, write_template

DEPARTMENTS = {"生产一车间": "dep-1", "设备部": "dep-2"}
POSTS = {"操作工": "post-1", "电工": "post-2"}

# Shuffled columns under synonyms, full-width brackets in a note, a "*" marker, an unknown column.
HEADER = [
    "员工姓名",
    "入职时间（yyyy-mm-dd）",
    "备注",
    "*员工编号",
    "所属部门",
    "性别",
    "联系电话",
    "岗位名称",
    "人员状态",
]
NAME, HIRED, NOTE, EMP_NO, DEPT = "A", "B", "C", "D", "E"

# Excel row number -> cells (None = empty). Row 1 is a merged title, row 2 and row 6 are blank.
ROWS: dict[int, list[object]] = {
    # dup of row 9 once widths and spaces are ignored
    4: ["张三", "2024/3/5", "老员工", "A001 ", "生产一车间", "男", 13800001111.0, "操作工", "在职"],
    5: ["李四", "2023年12月1日", None, "A002", "生产一车间 ", "女", "0571-88886666", None, None],
    7: ["王五", "2022.7.15", None, "Ａ００３　", "设备部", "M", "138 0000 1112", "电工 ", "休假"],
    8: ["赵六", dt.datetime(2021, 5, 20), None, "A004", "设备部", "female", None, None, "离职"],
    9: ["钱七", "2020-01-01", None, "Ａ００１", "设备部", "男", None, None, None],
    10: ["孙八", "2024/2/30", None, "A005", "生产一车间", "男", None, None, None],
    11: ["周九", "2024-01-02", None, "A006", "财务部", "女", None, None, None],
    12: [None, "2024-01-03", None, "A007", "设备部", "男", None, None, None],
    13: ["吴十", 45356, None, "A008", "设备部", "男", None, None, None],
    14: ["郑一", "2024-03-05 00:00:00", None, "A009", "设备部", "男", None, None, None],
}


def write_roster(path: Path, header: list[str] = HEADER, rows: dict | None = None) -> Path:
    wb = Workbook()
    ws = wb.active
    ws["A1"] = "2024年员工花名册"
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    for col, text in enumerate(header, start=1):
        ws.cell(row=3, column=col, value=text)
    for number, values in (ROWS if rows is None else rows).items():
        for col, value in enumerate(values, start=1):
            if value is not None:
                ws.cell(row=number, column=col, value=value)
    ws.cell(row=8, column=2).number_format = "yyyy/m/d"  # a real date cell
    wb.save(path)
    return path


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    return write_roster(tmp_path / "花名册.xlsx")


@pytest.fixture
def preview(roster: Path):
    return preview_people(iter_rows(roster), DEPARTMENTS, POSTS)


# --------------------------------------------------------------------------- the messy roster


def test_header_is_found_below_title_and_blank_row(preview) -> None:
    assert preview.header_row == 3
    assert preview.headers == HEADER
    assert preview.mapping == {
        0: "name",
        1: "hire_date",
        3: "employee_no",
        4: "department",
        5: "gender",
        6: "phone",
        7: "post",
        8: "status",
    }
    assert preview.unmatched_headers == ["备注"]
    assert preview.missing_required == []


def test_errors_name_exact_rows_columns_and_keys(preview) -> None:
    found = [(e.row, column_letter(e.col), e.column, e.key, e.value) for e in preview.errors]
    assert found == [
        (4, EMP_NO, "*员工编号", "import.duplicate", "A001"),
        (9, EMP_NO, "*员工编号", "import.duplicate", "A001"),
        (10, HIRED, "入职时间（yyyy-mm-dd）", "import.date.bad_day", "2024/2/30"),
        (11, DEPT, "所属部门", "import.not_found", "财务部"),
        (12, NAME, "员工姓名", "import.required", ""),
    ]
    # Each duplicate names the other row.
    assert preview.errors[0].params["other"] == 9
    assert preview.errors[1].params["other"] == 4
    assert preview.errors[2].params == {"year": 2024, "month": 2, "day": 30}
    assert not preview.ok
    assert preview.error_rows == [4, 9, 10, 11, 12]


def test_good_rows_are_typed(preview) -> None:
    records = {r.row: r.values for r in preview.records}
    assert sorted(records) == [5, 7, 8, 13, 14]
    assert records[5] == {
        "name": "李四",
        "hire_date": dt.date(2023, 12, 1),
        "employee_no": "A002",
        "department": "dep-1",  # trailing space in the name did not break the lookup
        "gender": "F",
        "phone": "0571-88886666",
        "post": None,
        "status": None,  # empty: the service makes new people active, keeps existing ones
    }
    assert records[7]["employee_no"] == "A003"  # full-width digits and space normalised
    assert records[7]["hire_date"] == dt.date(2022, 7, 15)
    assert records[7]["gender"] == "M"
    assert records[7]["phone"] == "13800001112"
    assert records[7]["post"] == "post-2"
    assert records[7]["status"] == "on_leave"
    assert records[8]["hire_date"] == dt.date(2021, 5, 20)  # real date cell
    assert records[8]["gender"] == "F"
    assert records[8]["status"] == "left"
    assert records[13]["hire_date"] == dt.date(2024, 3, 5)  # Excel serial 45356
    assert records[14]["hire_date"] == dt.date(2024, 3, 5)  # text with a time part
    assert all(type(r["hire_date"]) is dt.date for r in records.values())


def test_blank_rows_are_counted_and_skipped(preview) -> None:
    assert preview.blank_rows == 1  # row 6; row 2 sits above the header
    assert preview.data_rows == 10


def test_messages_in_both_languages(preview) -> None:
    for error in preview.errors:
        zh, en = error.message("zh_CN"), error.message("en")
        assert zh and en and zh != en
        assert str(error.row) in zh and str(error.row) in en
        assert error.column in zh and error.column in en
    bad_day = preview.errors[2]
    assert "第 10 行 B 列" in bad_day.message("zh_CN")
    assert "2024 年 2 月没有 30 日" in bad_day.message("zh_CN")
    assert "Row 10, column B" in bad_day.message("en")
    assert "row 9" in preview.errors[0].message("en")
    assert "第 4 行" in preview.errors[1].message("zh_CN")
    assert preview.messages("en") == [e.message("en") for e in preview.errors]


def test_manual_mapping_of_an_unmatched_header(tmp_path: Path) -> None:
    header = ["员工代码" if h == "*员工编号" else h for h in HEADER]
    path = write_roster(tmp_path / "odd.xlsx", header, {5: ROWS[5], 7: ROWS[7]})

    auto = preview_people(iter_rows(path), DEPARTMENTS, POSTS)
    assert "员工代码" in auto.unmatched_headers
    assert auto.missing_required == ["employee_no"]
    assert not auto.ok
    missing = auto.messages("zh_CN")[0]
    assert "工号" in missing and "Employee No." in auto.messages("en")[0]

    manual = parse_manual_map(["员工代码=employee_no"])
    mapped = preview_people(iter_rows(path), DEPARTMENTS, POSTS, manual_map=manual)
    assert mapped.ok
    assert mapped.unmatched_headers == ["备注"]
    assert [r.values["employee_no"] for r in mapped.records] == ["A002", "A003"]


def test_manual_mapping_overrides_and_ignores(tmp_path: Path) -> None:
    path = write_roster(tmp_path / "r.xlsx", rows={5: ROWS[5]})
    # The clerk says the note column holds the phone; the real phone column becomes unmatched.
    preview = preview_people(
        iter_rows(path), DEPARTMENTS, POSTS, manual_map={"备注": "phone", "联系电话": ""}
    )
    assert preview.mapping[2] == "phone" and 6 not in preview.mapping
    assert preview.unmatched_headers == []
    assert preview.records[0].values["phone"] is None


def test_manual_mapping_mistakes_are_domain_errors(roster: Path) -> None:
    with pytest.raises(DomainError) as unknown_field:
        preview_people(iter_rows(roster), DEPARTMENTS, POSTS, manual_map={"备注": "nickname"})
    assert unknown_field.value.key == "import.unknown_field"
    with pytest.raises(DomainError) as unknown_header:
        preview_people(iter_rows(roster), DEPARTMENTS, POSTS, manual_map={"工种X": "post"})
    assert unknown_header.value.key == "import.manual_header_missing"
    with pytest.raises(DomainError) as bad_cli:
        parse_manual_map(["no equals sign"])
    assert bad_cli.value.key == "import.bad_manual_map"


def test_two_columns_for_one_field_is_an_error(tmp_path: Path) -> None:
    header = [*HEADER, "手机"]
    path = write_roster(tmp_path / "two_phones.xlsx", header, {5: [*ROWS[5], "13900001111"]})
    preview = preview_people(iter_rows(path), DEPARTMENTS, POSTS)
    assert [(e.row, e.column, e.key) for e in preview.errors] == [
        (3, "手机", "import.duplicate_column")
    ]
    assert preview.mapping[6] == "phone" and 9 not in preview.mapping
    assert "联系电话" in preview.errors[0].message("zh_CN")
    assert "Phone" in preview.errors[0].message("en")
    assert not preview.ok


def test_no_header_row(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.append(["2024年员工花名册"])
    wb.active.append(["张三", "A001", "一车间"])
    path = tmp_path / "no_header.xlsx"
    wb.save(path)
    with pytest.raises(DomainError) as err:
        preview_people(iter_rows(path), DEPARTMENTS, POSTS)
    assert err.value.key == "import.no_header"
    zh, en = err.value.message("zh_CN"), err.value.message("en")
    assert "工号" in zh and "Employee No." in en and zh != en


def test_other_people_checks() -> None:
    rows = [
        (1, ["工号", "姓名", "部门", "性别", "电话", "状态", "岗位"]),
        (2, ["B1", "甲", "设备部", "未知", "12345", "退休", "司机"]),
        (3, ["B2", "乙" * 51, "设备部", None, "+86 138-0000-1111", "ACTIVE", None]),
    ]
    preview = preview_people(rows, DEPARTMENTS, POSTS)
    assert [(e.row, e.column, e.key) for e in preview.errors] == [
        (2, "性别", "import.bad_choice"),
        (2, "电话", "import.people.bad_phone"),
        (2, "状态", "import.bad_choice"),
        (2, "岗位", "import.not_found"),
        (3, "姓名", "import.too_long"),
    ]
    gender = preview.errors[0]
    assert "男 / 女 / M / F / male / female" in gender.message("zh_CN")
    assert "男 / 女 / M / F / male / female" in gender.message("en")
    assert "51" in preview.errors[4].message("en") and "50" in preview.errors[4].message("en")


def test_lookup_suggests_a_close_name() -> None:
    rows = [(1, ["工号", "姓名", "部门"]), (2, ["B1", "甲", "生产一车"])]
    preview = preview_people(rows, DEPARTMENTS, POSTS)
    (error,) = preview.errors
    assert error.key == "import.not_found_hint"
    assert "生产一车间" in error.message("zh_CN") and "生产一车间" in error.message("en")


def test_rows_are_not_kept_after_validation() -> None:
    class Cells(list):  # a list subclass can be weakly referenced
        pass

    refs: list[weakref.ref] = []

    def rows():
        yield 1, Cells(["工号", "姓名", "部门"])
        for n in range(2, 2002):
            cells = Cells([f"E{n}", f"人{n}", "设备部"])
            refs.append(weakref.ref(cells))
            yield n, cells

    preview = preview_people(rows(), DEPARTMENTS, POSTS)
    gc.collect()
    assert len(preview.records) == 2000 and preview.ok
    assert not any(ref() is not None for ref in refs)


# --------------------------------------------------------------------------- template round trip


def test_template_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "模板.xlsx"
    write_template(path, PEOPLE_FIELDS, title="人员导入模板")
    header = find_header(iter_rows(path), PEOPLE_FIELDS)
    assert header.row == 2
    assert header.matched == len(PEOPLE_FIELDS)
    assert header.headers[0] == "*工号"

    untouched = preview_people(iter_rows(path), DEPARTMENTS, POSTS)
    assert untouched.example_rows == 1 and untouched.records == [] and untouched.ok

    wb = load_workbook(path)
    ws = wb.active
    for col, value in enumerate(["A100", "陈二", "女", "设备部", "电工", "2024/4/1"], start=1):
        ws.cell(row=3, column=col, value=value)
    ws.cell(row=4, column=1, value="A101")
    ws.cell(row=4, column=2, value="林三")
    ws.cell(row=4, column=4, value="生产一车间")
    wb.save(path)
    filled = preview_people(iter_rows(path), DEPARTMENTS, POSTS)
    assert filled.ok and filled.example_rows == 0
    assert [r.row for r in filled.records] == [3, 4]
    assert filled.records[0].values["hire_date"] == dt.date(2024, 4, 1)
    assert filled.records[0].values["phone"] == "13800001111"  # from the example row's cells
    assert filled.records[1].values["status"] is None  # new people become active in the service


def test_english_template_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    write_template(path, PEOPLE_FIELDS, lang="en")
    header = find_header(iter_rows(path), PEOPLE_FIELDS)
    assert header.row == 1 and header.headers[0] == "*Employee No."
    columns = map_columns(header.headers, PEOPLE_FIELDS)
    assert sorted(columns.mapping.values()) == sorted(s.name for s in PEOPLE_FIELDS)


# --------------------------------------------------------------------------- building blocks


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, ""),
        ("  Ａ００１　 ", "A001"),
        ("张  三\n", "张 三"),
        (13800001111.0, "13800001111"),
        (42, "42"),
        (3.5, "3.5"),
        (0.1 + 0.2, "0.3"),
        ("A\u200b001", "A001"),
        (dt.datetime(2024, 3, 5), "2024-03-05"),
        (dt.date(2024, 3, 5), "2024-03-05"),
        ("（备注）：", "(备注):"),
    ],
)
def test_normalize_text(raw: object, expected: str) -> None:
    assert normalize_text(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "2024/3/5",
        "2024-03-05",
        "2024.3.5",
        "2024年3月5日",
        "2024年3月5号",
        "20240305",
        20240305,
        "２０２４／３／５",
        "2024-03-05 00:00:00",
        "2024-03-05T08:30",
        " 2024 年 3 月 5 日 ",
        45356,
        45356.75,
        dt.datetime(2024, 3, 5, 9, 0),
        dt.date(2024, 3, 5),
    ],
)
def test_parse_date_accepts(raw: object) -> None:
    assert parse_date(raw) == dt.date(2024, 3, 5)


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("2024/2/30", "import.date.bad_day"),
        ("2023-02-29", "import.date.bad_day"),
        ("2024/13/1", "import.date.bad_month"),
        ("20241301", "import.date.bad_month"),
        ("3/5/2024", "import.date.unrecognised"),
        ("明天", "import.date.unrecognised"),
        ("2024-03-05 下午", "import.date.unrecognised"),
        (60, "import.date.bad_day"),
        (-1, "import.date.out_of_range"),
        (True, "import.date.unrecognised"),
    ],
)
def test_parse_date_rejects_with_reason(raw: object, key: str) -> None:
    with pytest.raises(FieldError) as err:
        parse_date(raw)
    assert err.value.key == key
    assert err.value.message("zh_CN") != err.value.message("en")


def test_parse_date_empty_and_1900_serials() -> None:
    assert parse_date(None) is None and parse_date("  ") is None
    assert parse_date(1) == dt.date(1900, 1, 1)
    assert parse_date(59) == dt.date(1900, 2, 28)
    assert parse_date(61) == dt.date(1900, 3, 1)


def test_parse_numbers() -> None:
    assert parse_int("1,200") == 1200 and parse_int(12.0) == 12 and parse_int("１２") == 12
    assert parse_float("3.5") == 3.5 and parse_float(2) == 2.0 and parse_float("1,200.5") == 1200.5
    for bad in ("12.5", "abc", True):
        with pytest.raises(FieldError):
            parse_int(bad)
    for bad in ("abc", "nan", "."):
        with pytest.raises(FieldError):
            parse_float(bad)


def test_header_key_ignores_marks_and_notes() -> None:
    expected = header_key("入职日期")
    for text in (
        "*入职日期",
        "入职日期(yyyy-mm-dd)",
        "入职日期（必填）",
        " 入职 日期 ：",
        "＊入职日期",
    ):
        assert header_key(text) == expected
    assert header_key("Employee No.") == header_key("EMPLOYEE  NO.")


def test_column_letter() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 701, 702)] == ["A", "Z", "AA", "ZZ", "AAA"]


def test_generic_kinds_and_unique() -> None:
    specs = [
        FieldSpec("code", "编码", "Code", "text", required=True, unique=True),
        FieldSpec("qty", "数量", "Quantity", "int"),
        FieldSpec("load", "载荷", "Load", "float", synonyms=("额定载荷",)),
    ]
    rows = [
        (1, ["Quantity", "编码", "额定载荷(t)"]),
        (2, ["3", "X-1", "2.5"]),
        (3, ["three", "x-1", "heavy"]),
        (4, [4.0, "X-1", None]),
    ]
    preview = build_preview(rows, specs, lang="en")
    assert preview.mapping == {0: "qty", 1: "code", 2: "load"}
    assert [(e.row, e.key, e.params.get("other")) for e in preview.errors] == [
        (2, "import.duplicate", 3),
        (3, "import.bad_int", None),
        (3, "import.duplicate", 2),
        (3, "import.bad_float", None),
        (4, "import.duplicate", 2),
    ]
    assert preview.records == []
    assert preview.messages()[0].startswith("Row 2, column B")


def test_spec_mistakes_fail_early() -> None:
    with pytest.raises(ValueError):
        FieldSpec("x", "甲", "X", "choice")
    with pytest.raises(ValueError):
        FieldSpec("x", "甲", "X", "money")  # type: ignore[arg-type]
    clash = [FieldSpec("a", "甲", "A", "text"), FieldSpec("b", "乙", "B", "text", synonyms=("甲",))]
    with pytest.raises(ValueError):
        map_columns(["甲"], clash)


def test_clean_phone() -> None:
    assert clean_phone("138-0000-1111") == "13800001111"
    assert clean_phone("+8613800001111") == "13800001111"
    assert clean_phone("021-52345678") == "021-52345678"
    assert clean_phone("0571-88886666-801") == "0571-88886666-801"
    assert clean_phone("88886666") == "88886666"
    for bad in ("1380000111", "12345", "abc", "23800001111"):
        with pytest.raises(FieldError):
            clean_phone(bad)


def test_every_import_and_xlsx_message_has_both_languages() -> None:
    messages = {k: v for k, v in all_messages().items() if k.startswith(("import.", "xlsx."))}
    assert len(messages) > 20
    for key, texts in messages.items():
        assert texts.get("zh_CN") and texts.get("en"), key
