"""`python main.py hazards ...` in a real process, over hazards made through the service."""

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from core.auth import SYSTEM
from db.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
NOW = dt.datetime.now().replace(microsecond=0)
DAY1 = (NOW - dt.timedelta(days=20)).replace(hour=9, minute=0, second=0)  # four days, 20..17
KEYS = ["number", "type", "grade", "area", "line", "equipment", "source", "found", "dispatched",
        "archived", "state", "overdue"]


def run(*args, data_dir, lang="zh_CN"):
    cmd = [sys.executable, str(ROOT / "main.py"), "--lang", lang, "--data-dir", str(data_dir)]
    return subprocess.run(cmd + list(args), capture_output=True, text=True, timeout=120,
                          encoding="utf-8")


class Clock:
    def __init__(self, t: dt.datetime) -> None:
        self.t = t

    def __call__(self) -> dt.datetime:
        return self.t


@pytest.fixture(scope="module")
def plant(tmp_path_factory):
    """Five hazards found on four days, 20 to 17 days ago, in different steps."""
    folder = tmp_path_factory.mktemp("hazards")
    ws = Workspace.open(folder, fast_hash=True)
    clock = Clock(DAY1)
    ws.hazards.now = clock
    site = ws.structure.add(SYSTEM, "site", {"code": "S01", "name": "主厂区"})
    dept = ws.structure.add(SYSTEM, "department", {"code": "CY", "name": "冲压车间",
                                                   "site_id": site})
    area = ws.structure.add(SYSTEM, "area", {"code": "CY", "name": "冲压车间", "site_id": site,
                                             "department_id": dept})
    line = ws.structure.add(SYSTEM, "line", {"code": "B", "name": "B线", "area_id": area})
    kind = ws.equipment.add_type(SYSTEM, "YJ", "压力机")
    press = ws.equipment.add(SYSTEM, {"code": "YJ-CY-0012", "name": "开式压力机", "type_id": kind,
                                      "area_id": area, "line_id": line})
    ws.auth.create_user(SYSTEM, "checker", "王工", ["reviewer"], "password-1")
    checker = ws.auth.users.by_username("checker").actor()

    def at(day: int, hour: int = 0) -> dt.datetime:
        return DAY1 + dt.timedelta(days=day, hours=hour)

    def dispatch(hid: str, deadline: dt.datetime) -> None:
        ws.hazards.dispatch(SYSTEM, hid, {"department_id": dept, "rectifier_id": "system",
                                          "measures": "加装护罩", "deadline": deadline})

    numbers = {}
    # day 0: dispatched with a deadline long gone -> rectify, overdue
    numbers["late"] = ws.hazards.record(SYSTEM, {
        "description": "B线3号冲床脚踏开关无防护罩", "type": "guard", "area_id": area,
        "line_id": line, "equipment_id": press, "found_at": at(0)})
    dispatch(numbers["late"], at(0, 2))
    # day 1: dispatched with a deadline far ahead -> rectify, on time
    clock.t = at(1)
    numbers["ahead"] = ws.hazards.record(SYSTEM, {
        "description": "配电柜门未关", "type": "electrical", "grade": "major", "area_id": area,
        "found_at": at(1)})
    ws.hazards.dispatch(SYSTEM, numbers["ahead"], {
        "department_id": dept, "rectifier_id": "system", "measures": "上锁", "funds": 100,
        "reviewer_id": checker.user_id, "plan": "加锁并巡查", "deadline": NOW + dt.timedelta(days=60)})
    # day 2: the whole way to archived
    clock.t = at(2)
    numbers["done"] = ws.hazards.record(SYSTEM, {"description": "通道堆放物料",
                                                  "type": "housekeeping", "found_at": at(2)})
    dispatch(numbers["done"], at(5))
    clock.t = at(2, 3)
    ws.hazards.rectify(SYSTEM, numbers["done"], "已清理")
    ws.hazards.review(checker, numbers["done"], True)
    clock.t = at(2, 4)
    ws.hazards.archive(SYSTEM, numbers["done"])
    # day 3: a 随手拍 report still waiting, and one recorded but not dispatched
    clock.t = at(3)
    reporter = ws.people.add(SYSTEM, {"employee_no": "E4", "name": "赵工", "department_id": dept})
    numbers["report"] = ws.hazards.report(None, reporter, "赵工", {
        "description": "焊接区有人未戴面罩", "type": "ppe", "found_at": at(3)})
    clock.t = at(3, 1)
    numbers["waiting"] = ws.hazards.record(SYSTEM, {"description": "叉车超速", "type": "vehicle",
                                                     "found_at": at(3, 1)})
    ids = {key: ws.hazards_repo.get(hid).number for key, hid in numbers.items()}
    ws.close()
    return folder, ids


def lines_of(result) -> list[dict]:
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_json_lines_for_every_hazard(plant):
    folder, ids = plant
    rows = lines_of(run("hazards", "--json", data_dir=folder))
    assert [r["number"] for r in rows] == [ids[k] for k in ("late", "ahead", "done", "report",
                                                            "waiting")]  # oldest first
    assert all(list(r) == KEYS for r in rows)
    by = {r["number"]: r for r in rows}
    late = by[ids["late"]]
    assert late == {
        "number": ids["late"], "type": "guard", "grade": "general", "area": "冲压车间",
        "line": "B线", "equipment": "YJ-CY-0012", "source": "other",
        "found": DAY1.isoformat(), "dispatched": DAY1.isoformat(), "archived": None,
        "state": "rectify", "overdue": True}
    assert by[ids["ahead"]]["overdue"] is False and by[ids["ahead"]]["grade"] == "major"
    done = by[ids["done"]]
    assert done["state"] == "closed" and done["overdue"] is False
    assert dt.datetime.fromisoformat(done["archived"]) == DAY1 + dt.timedelta(days=2, hours=4)
    assert by[ids["report"]]["source"] == "snapshot" and by[ids["report"]]["state"] == "pending"
    # waiting to be dispatched for 17 days: past the 24-hour rule
    assert by[ids["waiting"]]["state"] == "discover" and by[ids["waiting"]]["overdue"] is True
    assert by[ids["waiting"]]["area"] is None and by[ids["waiting"]]["equipment"] is None


def test_state_filter(plant):
    folder, ids = plant
    rows = lines_of(run("hazards", "--state", "rectify", "--json", data_dir=folder))
    assert [r["number"] for r in rows] == [ids["late"], ids["ahead"]]
    assert {r["state"] for r in rows} == {"rectify"}
    # repeated, and by label in either language
    both = lines_of(run("hazards", "--state", "已归档", "--state", "To verify", "--json",
                        data_dir=folder))
    assert [r["number"] for r in both] == [ids["done"], ids["report"]]
    assert lines_of(run("hazards", "--state", "review", "--json", data_dir=folder)) == []


def test_date_filters_are_inclusive_days(plant):
    folder, ids = plant
    day = lambda n: (DAY1 + dt.timedelta(days=n)).date().isoformat()  # noqa: E731
    rows = lines_of(run("hazards", "--from", day(1), "--to", day(2), "--json", data_dir=folder))
    assert [r["number"] for r in rows] == [ids["ahead"], ids["done"]]
    rows = lines_of(run("hazards", "--from", day(3), "--json", data_dir=folder))
    assert [r["number"] for r in rows] == [ids["report"], ids["waiting"]]
    rows = lines_of(run("hazards", "--to", day(0), "--state", "rectify", "--json",
                        data_dir=folder))
    assert [r["number"] for r in rows] == [ids["late"]]
    assert lines_of(run("hazards", "--from", day(10), "--json", data_dir=folder)) == []


@pytest.mark.parametrize("args, words", [
    (["--from", "2026-13-01"], ["2026-13-01", "YYYY-MM-DD"]),
    (["--to", "yesterday"], ["yesterday"]),
    (["--from", "2026-03-05", "--to", "2026-03-01"], ["--from", "--to"]),
    (["--state", "fixed"], ["fixed", "rectify"]),
])
def test_bad_input_is_one_line_and_fails(plant, args, words):
    folder, _ids = plant
    result = run("hazards", *args, "--json", data_dir=folder, lang="en")
    assert result.returncode in (1, 2)
    assert result.stdout == ""
    err = result.stderr.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert all(w in err for w in words)


def test_missing_data_folder_fails_with_one_line(tmp_path):
    result = run("hazards", "--json", data_dir=tmp_path / "typo")
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1


def test_human_table(plant):
    folder, ids = plant
    zh = run("hazards", "--state", "rectify", data_dir=folder)
    assert zh.returncode == 0, zh.stderr
    out = zh.stdout.splitlines()
    assert out[0].split()[:3] == ["编号", "状态", "等级"]
    assert ids["late"] in out[1] and "整改中" in out[1] and "YJ-CY-0012" in out[1]
    assert out[1].rstrip().endswith("是") and not out[2].rstrip().endswith("是")  # overdue
    assert out[-1] == "共 2 条隐患。"
    en = run("hazards", data_dir=folder, lang="en")
    assert "Archived" in en.stdout and en.stdout.splitlines()[-1] == "5 hazards."
    none = run("hazards", "--state", "merged", data_dir=folder, lang="en")
    assert none.returncode == 0 and none.stdout.strip() == "No hazards match."
