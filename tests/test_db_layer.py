"""The SQLite layer on real files: migrations, sync bookkeeping, transactions, check."""

import json
import sqlite3

import pytest

from core.auth import SYSTEM
from core.i18n import DomainError
from db import records
from db.check import check
from db.database import DB_FILENAME, Database
from db.migrate import latest_version
from db.repositories.tables import PEOPLE
from db.workspace import Workspace


@pytest.fixture
def ws(tmp_path):
    w = Workspace.open(tmp_path, fast_hash=True)
    yield w
    w.close()


def test_new_file_is_wal_with_foreign_keys_and_latest_schema(ws):
    conn = ws.db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
    applied = conn.execute("SELECT version, name FROM schema_migrations").fetchall()
    assert applied[0] == (1, "foundation")
    assert len(ws.db.device_id) == 36


def test_device_id_survives_reopen(tmp_path):
    first = Workspace.open(tmp_path, fast_hash=True)
    device = first.db.device_id
    first.close()
    again = Workspace.open(tmp_path, fast_hash=True)
    assert again.db.device_id == device
    again.close()


def test_newer_file_is_refused_with_a_clear_message(tmp_path):
    Workspace.open(tmp_path).close()
    conn = sqlite3.connect(tmp_path / DB_FILENAME)
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    conn.close()
    with pytest.raises(DomainError) as err:
        Database.open(tmp_path)
    assert err.value.key == "db.newer_version"
    assert "升级" in err.value.message("zh_CN")
    assert "newer SafeDesk" in err.value.message("en")


def test_older_file_is_backed_up_before_migrating(tmp_path, monkeypatch):
    # Build a file at today's version, then pretend the next migration ships.
    Workspace.open(tmp_path).close()
    from db import migrate

    real = migrate.load_migrations()
    n = len(real)
    extra = migrate.Migration(n + 1, "extra", "CREATE TABLE extra_thing (id TEXT PRIMARY KEY);")
    monkeypatch.setattr(migrate, "load_migrations", lambda: [*real, extra])
    db = Database.open(tmp_path)
    assert db.conn.execute("PRAGMA user_version").fetchone()[0] == n + 1
    backups = list(tmp_path.glob(f"safedesk.v{n}.*.bak"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == n
    old.close()
    db.close()


def test_failed_migration_leaves_file_unchanged(tmp_path, monkeypatch):
    Workspace.open(tmp_path).close()
    from db import migrate

    real = migrate.load_migrations()
    n = len(real)
    bad = migrate.Migration(n + 1, "bad", "CREATE TABLE half (id TEXT);\nINSERT INTO nowhere VALUES (1);")
    monkeypatch.setattr(migrate, "load_migrations", lambda: [*real, bad])
    with pytest.raises(DomainError) as err:
        Database.open(tmp_path)
    assert err.value.key == "db.migration_failed"
    conn = sqlite3.connect(tmp_path / DB_FILENAME)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == n
    assert conn.execute("SELECT name FROM sqlite_master WHERE name='half'").fetchone() is None
    conn.close()


def _dept(ws):
    site = ws.structure.add(SYSTEM, "site", {"code": "S1", "name": "一厂"})
    return ws.structure.add(SYSTEM, "department", {"code": "D1", "name": "冲压车间", "site_id": site})


def test_every_write_is_stamped_and_logged_in_the_outbox(ws):
    dept = _dept(ws)
    pid = ws.people.add(SYSTEM, {"employee_no": "E001", "name": "王芳", "department_id": dept})
    stamps = records.field_stamps(PEOPLE, records.fetch_row(ws.db, PEOPLE, pid))
    assert {s.device for s in stamps.values()} == {ws.db.device_id}
    assert len({s.hlc for s in stamps.values()}) == 1  # one creation stamp for every field
    changed = ws.people.update(SYSTEM, pid, {"phone": "13912345678", "name": "王芳"})
    assert changed == {"phone": "13912345678"}  # unchanged name is not re-stamped
    stamps2 = records.field_stamps(PEOPLE, records.fetch_row(ws.db, PEOPLE, pid))
    assert stamps2["name"] == stamps["name"]
    assert stamps2["phone"] > stamps["name"]
    assert json.loads(ws.db.conn.execute("SELECT clocks FROM people WHERE id=?", (pid,)).fetchone()[0]) == {
        "phone": list(stamps2["phone"].encode())}
    ops = ws.db.conn.execute(
        "SELECT op, payload FROM outbox WHERE row_id=? ORDER BY seq", (pid,)).fetchall()
    assert ops == [("upsert", '["*"]'), ("upsert", '["phone"]')]
    assert check(ws.db) == []


def test_tombstone_hides_but_keeps_history(ws):
    dept = _dept(ws)
    pid = ws.people.add(SYSTEM, {"employee_no": "E002", "name": "李强", "department_id": dept})
    assert ws.people.remove(SYSTEM, pid)
    assert ws.people.get(SYSTEM, pid) is None
    assert ws.db.conn.execute("SELECT name, deleted_hlc IS NOT NULL FROM people WHERE id=?",
                              (pid,)).fetchone() == ("李强", 1)
    assert ws.db.conn.execute("SELECT op FROM outbox WHERE row_id=? ORDER BY seq DESC",
                              (pid,)).fetchone()[0] == "delete"
    # the employee number is free again for a new record
    ws.people.add(SYSTEM, {"employee_no": "E002", "name": "李强", "department_id": dept})


def test_failed_multi_row_change_writes_nothing(ws):
    dept = _dept(ws)
    before = ws.db.conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0]
    rows = [{"employee_no": "A1", "name": "甲", "department_id": dept, "status": "active"},
            {"employee_no": "A2", "name": "乙", "department_id": "no-such-dept", "status": "active"}]
    with pytest.raises(sqlite3.IntegrityError):
        records.insert_many(ws.db, PEOPLE, rows)
    assert ws.db.conn.execute("SELECT COUNT(*) FROM people").fetchone()[0] == 0
    assert ws.db.conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0] == before


def test_apply_remote_merges_field_by_field(ws):
    dept = _dept(ws)
    pid = ws.people.add(SYSTEM, {"employee_no": "E3", "name": "赵敏", "department_id": dept})
    ws.people.update(SYSTEM, pid, {"phone": "13800000001"})
    local_phone_hlc = records.field_stamps(PEOPLE, records.fetch_row(ws.db, PEOPLE, pid))["phone"].hlc
    # another PC renamed her later, and changed the phone earlier than we did
    changed = records.apply_remote(
        ws.db, PEOPLE, pid, {"name": "赵敏敏", "phone": "13800000002"},
        {"name": [local_phone_hlc + 10, "pc-other"], "phone": [local_phone_hlc - 1, "pc-other"]},
    )
    assert changed == {"name": "赵敏敏"}
    person = ws.people.get(SYSTEM, pid)
    assert (person.name, person.phone) == ("赵敏敏", "13800000001")
    assert ws.db.clock.last > local_phone_hlc + 10  # the clock moved past the remote stamp
    assert check(ws.db) == []


def test_clock_resumes_above_stored_stamps_after_reopen(tmp_path):
    w = Workspace.open(tmp_path, fast_hash=True)
    _dept(w)
    high = w.db.conn.execute("SELECT MAX(hlc) FROM outbox").fetchone()[0]
    w.close()
    again = Database.open(tmp_path)
    assert again.clock.now() > high
    again.close()


def test_check_reports_a_change_missing_from_the_outbox(ws):
    dept = _dept(ws)
    pid = ws.people.add(SYSTEM, {"employee_no": "E4", "name": "孙丽", "department_id": dept})
    ws.db.conn.execute("UPDATE people SET updated_hlc = updated_hlc + 1 WHERE id=?", (pid,))
    problems = check(ws.db)
    assert any("没有写入同步队列" in p for p in problems)


def test_check_reports_broken_foreign_keys(ws):
    dept = _dept(ws)
    ws.people.add(SYSTEM, {"employee_no": "E5", "name": "周杰", "department_id": dept})
    ws.db.conn.execute("PRAGMA foreign_keys=OFF")
    ws.db.conn.execute("UPDATE people SET department_id='gone'")
    assert any(p.startswith("外键") for p in check(ws.db))


def test_nested_transaction_rolls_back_only_inner_part(ws):
    db = ws.db
    with db.transaction():
        db.set_meta("outer", "1")
        with pytest.raises(RuntimeError), db.transaction():
            db.set_meta("inner", "1")
            raise RuntimeError("boom")
    assert db.meta("outer") == "1"
    assert db.meta("inner") is None


def test_refusing_a_newer_file_leaves_it_byte_for_byte_unchanged(tmp_path):
    import hashlib

    path = tmp_path / DB_FILENAME
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA journal_mode=delete")
    conn.execute(f"PRAGMA user_version = {latest_version() + 5}")
    conn.close()
    before = hashlib.md5(path.read_bytes()).hexdigest()
    with pytest.raises(DomainError):
        Database.open(tmp_path)
    assert hashlib.md5(path.read_bytes()).hexdigest() == before
    assert not (tmp_path / (DB_FILENAME + "-wal")).exists()


def test_remote_stamps_raise_the_clock_across_restarts(tmp_path):
    w = Workspace.open(tmp_path, fast_hash=True)
    dept = _dept(w)
    pid = w.people.add(SYSTEM, {"employee_no": "E9", "name": "钱", "department_id": dept})
    far = w.db.clock.last + (10 << 16) * 1000  # another PC's clock, 10 s ahead
    records.apply_remote(w.db, PEOPLE, pid, {"name": "钱多"}, {"name": [far, "pc-ahead"]})
    w.close()
    again = Workspace.open(tmp_path, fast_hash=True)
    try:
        assert again.db.clock.now() > far
        again.people.update(SYSTEM, pid, {"name": "钱少"})
        stamps = records.field_stamps(PEOPLE, records.fetch_row(again.db, PEOPLE, pid))
        assert stamps["name"].hlc > far  # the local edit wins over what it replaced
    finally:
        again.close()


def test_remote_tombstone_moves_updated_stamp(ws):
    dept = _dept(ws)
    pid = ws.people.add(SYSTEM, {"employee_no": "E8", "name": "孙", "department_id": dept})
    later = ws.db.clock.last + 1000
    records.apply_remote(ws.db, PEOPLE, pid, {}, {}, deleted_hlc=later)
    row = ws.db.conn.execute("SELECT deleted_hlc, updated_hlc FROM people WHERE id=?", (pid,)).fetchone()
    assert row == (later, later)
    assert ws.db.clock.last > later


def test_disk_full_inside_a_transaction_becomes_a_known_error(ws):
    with pytest.raises(DomainError) as err, ws.db.transaction():
        ws.db.set_meta("x", "1")
        raise sqlite3.OperationalError("database or disk is full")
    assert err.value.key == "db.disk_full"
    assert ws.db.meta("x") is None
