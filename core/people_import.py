"""The people roster columns for the generic importer (``core.importing``).

HR rosters name the same column many ways (工号, 员工编号, 职工号 ...); the synonyms below are the
spellings seen in plant rosters, so most files map without the clerk's help.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any

from core.i18n import register
from core.importing import (
    FieldError,
    FieldSpec,
    ImportPreview,
    ImportRecord,
    Row,
    RowError,
    build_preview,
)

register(
    {
        "import.people.bad_hire_date": {
            "zh_CN": "入职日期 {value} 不合理：不能晚于今天，也不能早于 1950 年",
            "en": "The hire date {value} is not plausible: not after today, not before 1950",
        },
        "import.people.post_other_department": {
            "zh_CN": "岗位“{value}”不属于部门“{department}”",
            "en": "The post “{value}” does not belong to the department “{department}”",
        },
        "import.people.bad_phone": {
            "zh_CN": "“{value}”不像电话号码：请填 11 位手机号（如 13800001111）"
            "或座机号（如 0571-88886666）",
            "en": "“{value}” does not look like a phone number: use an 11-digit mobile number "
            "(13800001111) or a landline (0571-88886666)",
        },
    }
)

GENDER_CHOICES: dict[str, str] = {
    "男": "M",
    "女": "F",
    "M": "M",
    "F": "F",
    "male": "M",
    "female": "F",
}

STATUS_CHOICES: dict[str, str] = {
    "在职": "active",
    "休假": "on_leave",
    "离职": "left",
    "active": "active",
    "on_leave": "on_leave",
    "left": "left",
}

_MOBILE = re.compile(r"1[3-9]\d{9}")
# Area code (0 + 2-3 digits), 7-8 digit number, optional extension: 0571-88886666-801.
_LANDLINE = re.compile(r"(?:0\d{2,3}-?)?[2-9]\d{6,7}(?:-\d{1,6})?")
_COUNTRY_PREFIX = re.compile(r"^(?:\+?86)[- ]?(?=1\d{10}$)")


def _plausible_hire_date(value: dt.date) -> dt.date:
    if value > dt.date.today() or value.year < 1950:
        raise FieldError("import.people.bad_hire_date", value=value.isoformat())
    return value


def _code(value: str) -> str:
    # Employee numbers are codes: "hj0002" and "HJ0002" are one person.
    return value.upper()


def clean_phone(value: Any) -> str:
    """A mobile number as 11 bare digits, a landline as written; anything else is an error.

    Clerks write mobiles as "138 0000 1111", "138-0000-1111" or "+86 13800001111"; all of these
    are stored as "13800001111" so searching by number finds them.
    """
    text = str(value).strip()
    compact = re.sub(r"[\s-]", "", text)
    compact = _COUNTRY_PREFIX.sub("", compact)
    if _MOBILE.fullmatch(compact):
        return compact
    landline = re.sub(r"\s+", "-", text)
    if _LANDLINE.fullmatch(landline):
        return landline
    raise FieldError("import.people.bad_phone", value=text)


PEOPLE_FIELDS: list[FieldSpec] = [
    FieldSpec(
        "employee_no",
        "工号",
        "Employee No.",
        "text",
        required=True,
        unique=True,
        synonyms=(
            "员工编号",
            "职工号",
            "员工号",
            "工号/编号",
            "人员编号",
            "Employee ID",
            "Staff No.",
        ),
        max_len=32,
        check=_code,
        example="A0001",
        note_zh="每人唯一，不能重复",
        note_en="unique for each person",
    ),
    FieldSpec(
        "name",
        "姓名",
        "Name",
        "text",
        required=True,
        synonyms=("名字", "员工姓名", "Full name"),
        max_len=50,
        example="张三",
    ),
    FieldSpec(
        "gender",
        "性别",
        "Gender",
        "choice",
        synonyms=("Sex",),
        choices=GENDER_CHOICES,
        example="男",
    ),
    FieldSpec(
        "department",
        "部门",
        "Department",
        "text",
        required=True,
        synonyms=("所属部门", "部门名称", "车间/部门", "Dept"),
        max_len=100,
        lookup=True,
        example="生产一车间",
        note_zh="须与系统中已有的部门名称一致",
        note_en="must match a department name already in the system",
    ),
    FieldSpec(
        "post",
        "岗位",
        "Post",
        "text",
        synonyms=("职位", "工种", "岗位名称", "Job", "Position"),
        max_len=100,
        lookup=True,
        example="操作工",
        note_zh="可不填；填写时须与系统中已有的岗位名称一致",
        note_en="optional; if given, must match a post name already in the system",
    ),
    FieldSpec(
        "hire_date",
        "入职日期",
        "Hire date",
        "date",
        synonyms=("入职时间", "参加工作时间", "入厂日期", "Date hired"),
        check=lambda d: _plausible_hire_date(d),
        example="2024-03-05",
    ),
    FieldSpec(
        "phone",
        "电话",
        "Phone",
        "text",
        synonyms=("手机", "手机号", "联系电话", "手机号码", "Mobile"),
        max_len=30,
        check=clean_phone,
        example="13800001111",
        note_zh="11 位手机号或座机号（如 0571-88886666）",
        note_en="11-digit mobile or landline (e.g. 0571-88886666)",
    ),
    FieldSpec(
        "status",
        "状态",
        "Status",
        "choice",
        synonyms=("在职状态", "人员状态"),
        choices=STATUS_CHOICES,
        example="在职",
        note_zh="新员工不填视为在职；已有员工不填则保持原状态",
        note_en="empty: active for new people, unchanged for existing ones",
    ),
]


def preview_people(
    rows: Iterable[Row],
    departments: Mapping[str, Any],
    posts: Mapping[str, Any],
    manual_map: Mapping[str, str] | None = None,
    lang: str | None = None,
) -> ImportPreview:
    """``build_preview`` for people, with department and post names resolved to ids.

    ``posts`` comes from ``post_lookup``; a post named in a row must belong to that row's
    department (a 电焊工 row in 冲压车间 is an error, not a silent move to 焊接车间).
    """
    preview = build_preview(
        rows,
        PEOPLE_FIELDS,
        manual_map=manual_map,
        lookups={"department": departments, "post": posts},
        lang=lang,
    )
    _check_post_departments(preview, departments, posts)
    return preview


def _check_post_departments(preview: ImportPreview, departments: Mapping[str, Any],
                            posts: Mapping[str, Any]) -> None:
    post_col = next((c for c, f in preview.mapping.items() if f == "post"), None)
    if post_col is None:
        return
    if not all(isinstance(c, tuple) and all(isinstance(x, tuple) for x in c)
               for c in posts.values()):
        return  # plain name -> id posts (no departments known): nothing to check
    post_names = {pid: name for name, cands in posts.items() for pid, _dept in cands}
    dept_names = {dept_id: name for name, dept_id in departments.items()}
    kept = []
    for record in preview.records:
        candidates = record.values.get("post") or ()
        department_id = record.values.get("department")
        if candidates and isinstance(candidates, tuple) and department_id and all(d != department_id for _p, d in candidates):
            preview.errors.append(RowError(
                record.row, preview.headers[post_col], post_names.get(candidates[0][0], ""),
                "import.people.post_other_department",
                {"department": dept_names.get(department_id, "")}, post_col))
        else:
            kept.append(record)
    if len(kept) != len(preview.records):
        preview.records[:] = kept
        preview.errors.sort(key=lambda e: (e.row, e.col))


def post_lookup(posts: Iterable[Mapping[str, Any]]) -> dict[str, tuple[tuple[str, str], ...]]:
    """Post name → every (post id, department id) with that name.

    Post names repeat across departments (every workshop has a 班组长), so the name alone
    cannot pick the post; the row's department settles it when the records are built.
    """
    found: dict[str, list[tuple[str, str]]] = {}
    for post in posts:
        found.setdefault(post["name"], []).append((post["id"], post.get("department_id") or ""))
    return {name: tuple(candidates) for name, candidates in found.items()}


def people_rows(records: Iterable[ImportRecord],
                columns: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Preview records as people-table fields.

    ``columns`` names the fields the file really has (``preview.mapping.values()``): fields the
    roster does not carry are left out, so updating an existing person never overwrites them
    with a default (a roster without a status column must not make people who left "active";
    new people still get the defaults from the service).
    """
    keep = set(columns) if columns is not None else None
    rows = []
    for record in records:
        values = dict(record.values)
        if keep is not None:
            values = {k: v for k, v in values.items() if k in keep or k == "employee_no"}
        row = {k: v for k, v in values.items() if k not in ("department", "post")}
        department_id = values.get("department")
        if "department" in values:
            row["department_id"] = department_id
        if "post" in values:
            candidates = values["post"] or ()
            same_department = [pid for pid, dept in candidates if dept == department_id]
            # Without a department column the name decides; with one, the preview has
            # already refused posts of other departments.
            row["post_id"] = (same_department or [pid for pid, _ in candidates] or [None])[0]
        rows.append(row)
    return rows


def commit_rows(preview: ImportPreview) -> list[dict[str, Any]]:
    """The rows to hand to ``PeopleService.import_records`` for a previewed file."""
    return people_rows(preview.records, preview.mapping.values())
