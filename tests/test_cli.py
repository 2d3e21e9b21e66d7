"""The headless commands, run as a user would: `python main.py ...` in a real process."""

import datetime as dt
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args, data_dir=None, lang="zh_CN"):
    cmd = [sys.executable, str(ROOT / "main.py"), "--lang", lang]
    if data_dir is not None:
        cmd += ["--data-dir", str(data_dir)]
    return subprocess.run(cmd + list(args), capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    result = run("demo", data_dir=folder)
    assert result.returncode == 0, result.stderr
    assert "312" in result.stdout
    return folder


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("SafeDesk ")


def test_demo_refuses_non_empty_folder_then_force_backs_up(tmp_path):
    assert run("demo", data_dir=tmp_path).returncode == 0
    again = run("demo", data_dir=tmp_path)
    assert again.returncode == 1
    assert "--force" in again.stderr
    forced = run("demo", "--force", "--seed", "2", data_dir=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert list((tmp_path / "replaced").glob("*/safedesk.db"))


def test_check_passes_on_demo_and_fails_on_damage(demo_dir, tmp_path):
    ok = run("check", data_dir=demo_dir, lang="en")
    assert ok.returncode == 0, ok.stdout
    assert "sound" in ok.stdout
    # damage a copy: a person row pointing at a department that does not exist
    import shutil
    import sqlite3

    copy = tmp_path / "copy"
    copy.mkdir()
    src = sqlite3.connect(demo_dir / "safedesk.db")
    dst = sqlite3.connect(copy / "safedesk.db")
    src.backup(dst)
    src.close()
    dst.execute("UPDATE people SET department_id = 'nowhere' WHERE employee_no = 'HJ0001'")
    dst.commit()
    dst.close()
    bad = run("check", data_dir=copy)
    assert bad.returncode == 1
    assert "外键" in bad.stdout
    shutil.rmtree(copy)


def _roster(path: Path, rows: list[list], title: bool = True) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    if title:
        ws.append(["2025年员工花名册"])
        ws.merge_cells("A1:G1")
        ws.append([])
    ws.append(["序号", "员工编号", "姓名", "所属部门", "入职时间", "手机号", "在职状态"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_import_people_reports_row_errors_and_writes_nothing(demo_dir, tmp_path):
    path = _roster(tmp_path / "bad.xlsx", [
        [1, "ＨＪ９００１", "新员工甲 ", "冲压车间", "2024年3月5日", "13800001111", "在职"],
        [2, "HJ9002", "", "焊接车间", "2024/2/30", "13800001112", "在职"],
        [3, "HJ9001", "新员工丙", "不存在的部门", 45356, "13800001113", "离职"],
    ])
    result = run("import", "people", str(path), data_dir=demo_dir)
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert any("第 5 行" in ln and "姓名" in ln for ln in lines)  # empty required name
    assert any("第 5 行" in ln and "2024/2/30" in ln for ln in lines)  # impossible date
    assert any("第 6 行" in ln and "不存在的部门" in ln for ln in lines)  # unknown department
    assert sum("HJ9001" in ln for ln in lines) >= 2  # duplicate number, both rows named
    check = run("check", data_dir=demo_dir)
    assert check.returncode == 0
    dry = run("import", "people", str(path), "--dry-run", data_dir=demo_dir, lang="en")
    assert dry.returncode == 1 and "row 5" in dry.stdout.lower()


def test_import_people_commits_clean_file_with_mapping(demo_dir, tmp_path):
    path = _roster(tmp_path / "ok.xlsx", [
        [1, "ＨＪ９１０１ ", "新员工甲", "冲压车间", "2024年3月5日", "13800001111", "在职"],
        [2, "HJ9102", "新员工乙", "焊接车间", dt.datetime(2023, 7, 1), "13800001112", "休假"],
    ])
    wb = openpyxl.load_workbook(path)
    wb.active["H3"] = "岗位名"  # a column nobody recognises
    wb.save(path)
    result = run("import", "people", str(path), "--map", "岗位名=post", data_dir=demo_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "新增 2 人" in result.stdout
    import sqlite3

    conn = sqlite3.connect(demo_dir / "safedesk.db")
    row = conn.execute("SELECT name, hire_date, status FROM people WHERE employee_no='HJ9101'").fetchone()
    conn.close()
    assert row == ("新员工甲", "2024-03-05", "active")
    assert run("check", data_dir=demo_dir).returncode == 0


def test_reimport_without_status_column_keeps_people_who_left(tmp_path):
    folder = tmp_path / "plant"
    assert run("demo", data_dir=folder).returncode == 0
    import sqlite3

    conn = sqlite3.connect(folder / "safedesk.db")
    emp, name, dept = conn.execute(
        "SELECT p.employee_no, p.name, d.name FROM people p JOIN departments d "
        "ON d.id = p.department_id WHERE p.status = 'left' LIMIT 1").fetchone()
    conn.close()
    wb = openpyxl.Workbook()
    wb.active.append(["工号", "姓名", "部门", "电话"])
    wb.active.append([emp, name, dept, "13900000000"])
    wb.save(tmp_path / "r.xlsx")
    result = run("import", "people", str(tmp_path / "r.xlsx"), data_dir=folder)
    assert result.returncode == 0, result.stdout + result.stderr
    conn = sqlite3.connect(folder / "safedesk.db")
    assert conn.execute("SELECT status, phone FROM people WHERE employee_no=?", (emp,)).fetchone() == (
        "left", "13900000000")
    conn.close()


def _sheet(path: Path, header: list, rows: list[list]) -> Path:
    wb = openpyxl.Workbook()
    wb.active.append(header)
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def _person(folder: Path, employee_no: str):
    import sqlite3

    conn = sqlite3.connect(folder / "safedesk.db")
    try:
        return conn.execute(
            "SELECT p.name, p.status, p.phone, p.hire_date, d.name, po.name FROM people p "
            "LEFT JOIN departments d ON d.id = p.department_id "
            "LEFT JOIN posts po ON po.id = p.post_id WHERE p.employee_no = ? "
            "AND p.deleted_hlc IS NULL", (employee_no,)).fetchall()
    finally:
        conn.close()


def test_roster_mistakes_found_in_review_are_refused_or_harmless(tmp_path):
    folder = tmp_path / "plant"
    assert run("demo", data_dir=folder).returncode == 0
    left = _person(folder, "HJ0022")[0]  # a person who left, with a phone on file
    assert left[1] == "left"

    # a post of another department is an error, not a silent move
    bad = _sheet(tmp_path / "post.xlsx", ["工号", "姓名", "部门", "岗位"],
                 [["HJ9201", "钱七", "冲压车间", "电焊工"]])
    result = run("import", "people", str(bad), data_dir=folder)
    assert result.returncode == 1 and "不属于部门“冲压车间”" in result.stdout

    # a hire date in the future is an error
    future = _sheet(tmp_path / "future.xlsx", ["工号", "姓名", "部门", "入职日期"],
                    [["HJ9202", "孙八", "冲压车间", "2099-01-01"]])
    result = run("import", "people", str(future), data_dir=folder)
    assert result.returncode == 1 and "2099-01-01" in result.stdout

    # blank status and phone cells, lower-case number: the stored person is kept, not erased
    roster = _sheet(tmp_path / "blank.xlsx", ["工号", "姓名", "部门", "电话", "状态"],
                    [["hj0022", left[0], left[4], None, None]])
    result = run("import", "people", str(roster), data_dir=folder)
    assert result.returncode == 0, result.stdout + result.stderr
    assert _person(folder, "HJ0022") == [left]
    assert _person(folder, "hj0022") == []


def test_commands_refuse_a_folder_without_data(tmp_path):
    typo = tmp_path / "typo"
    result = run("check", data_dir=typo)
    assert result.returncode == 1 and "没有安全台数据" in result.stderr
    assert not typo.exists()  # nothing was created by the mistake
    assert run("demo", data_dir=typo).returncode == 0


def test_check_on_a_damaged_file_prints_lines_not_a_traceback(demo_dir, tmp_path):
    import shutil

    folder = tmp_path / "damaged"
    folder.mkdir()
    shutil.copy(demo_dir / "safedesk.db", folder / "safedesk.db")
    with open(folder / "safedesk.db", "r+b") as f:
        f.seek(4096 * 20 + 8)
        f.write(b"\xff" * 600)
    result = run("check", data_dir=folder)
    assert result.returncode in (1, 2)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.strip() or result.stderr.strip()


def test_report_output_paths_get_one_clear_message_for_every_report(demo_dir, tmp_path):
    missing = tmp_path / "nonexistent" / "sub" / "x.pdf"
    for name in ("hazard-ledger", "four-colour-map"):
        r = run("report", name, "--period", "2026", "-o", str(missing), data_dir=demo_dir)
        assert r.returncode != 0
        assert f"文件夹不存在：{missing.parent}" in r.stderr, r.stderr
        assert "No such file" not in r.stderr and "Traceback" not in r.stderr
        r = run("report", name, "-o", str(tmp_path), data_dir=demo_dir)
        assert r.returncode != 0 and "是一个文件夹，请给出文件名" in r.stderr, r.stderr
        assert "Is a directory" not in r.stderr
        r = run("report", name, "-o", str(tmp_path / "noext"), data_dir=demo_dir)
        assert r.returncode != 0 and "请给出文件名及扩展名" in r.stderr, r.stderr
        assert "不能输出为 .；" not in r.stderr
    r = run("report", "hazard-ledger", "-o", str(tmp_path / "x.pdf"), data_dir=demo_dir,
            lang="en")
    assert r.returncode == 0
    r = run("report", "hazard-ledger", "-o", str(tmp_path / "x.pdf" / "y.pdf"),
            data_dir=demo_dir, lang="en")
    assert r.returncode != 0 and "The folder does not exist" in r.stderr
    assert not list(tmp_path.glob("nonexistent"))


def test_report_options_are_not_ignored_silently(demo_dir, tmp_path):
    out = tmp_path / "mh.pdf"
    r = run("report", "major-hazard-ledger", "--period", "2026", "-o", str(out),
            data_dir=demo_dir)
    assert r.returncode == 0, r.stderr
    assert "已忽略 --period/--from/--to" in r.stderr and out.exists()
    r = run("report", "hazard-ledger", "--period", "2026", "--from", "2026-01-01", "-o",
            str(tmp_path / "x.pdf"), data_dir=demo_dir)
    assert r.returncode != 0 and "--period 与 --from/--to 只能二选一" in r.stderr
    assert not (tmp_path / "x.pdf").exists()
    r = run("report", "hazard-ledger", "--period", "2026", "-o", str(tmp_path / "ok.pdf"),
            data_dir=demo_dir)
    assert r.returncode == 0 and "已忽略" not in r.stderr


def test_report_codes_are_case_insensitive(demo_dir, tmp_path):
    r = run("report", "inspection-ledger", "--equipment", "yj-cy-0001", "-o",
            str(tmp_path / "i.pdf"), data_dir=demo_dir)
    assert r.returncode == 0, r.stderr
