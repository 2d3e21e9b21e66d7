"""The sync commands end to end: `serve` in its own process, admin commands, enrol, sync."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from cli.commands import main
from core import i18n
from db import records
from db.repositories import tables
from db.workspace import Workspace
from tests.sync.pgcluster import free_port

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def served(database_url):
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "serve", "--database-url", database_url,
         "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:  # readiness of a separate process: poll its port
        try:
            httpx.get(f"{url}/v1/hello", timeout=1).raise_for_status()
            break
        except httpx.HTTPError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError(proc.stdout.read().decode()) from None
            time.sleep(0.05)
    yield url
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture(autouse=True)
def _language_restored():
    """`--lang en` sets the process-wide language: later tests expect the default again."""
    before = i18n.language()
    yield
    i18n.set_language(before)


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *argv])
    out, err = capsys.readouterr()
    return code, out.strip(), err.strip()


def test_admin_enrol_and_sync_commands(served, database_url, tmp_path, capsys):
    code, site_id, _ = _run(capsys, "server", "add-site", "一厂", "--database-url", database_url)
    assert code == 0 and len(site_id) == 36
    codes = []
    for _ in range(2):
        code, enrol_code, _ = _run(capsys, "server", "enrolment-code", "一厂",
                                   "--database-url", database_url)
        assert code == 0 and len(enrol_code) == 14
        codes.append(enrol_code)
    a, b = tmp_path / "a", tmp_path / "b"
    ws = Workspace.open(a, fast_hash=True)
    records.insert_many(ws.db, tables.PEOPLE, [
        {"employee_no": f"E{i}", "name": f"员工{i}", "status": "active"} for i in range(300)])
    ws.close()
    code, out, _ = _run(capsys, "--data-dir", str(a), "enrol", served, codes[0])
    assert code == 0 and "enrolled" in out
    code, out, _ = _run(capsys, "--data-dir", str(a), "sync")
    summary = json.loads(out)
    assert code == 0 and summary["pushed"] == 300 and summary["errors"] == []
    assert _run(capsys, "--data-dir", str(b), "enrol", served, codes[1])[0] == 0
    code, out, _ = _run(capsys, "--data-dir", str(b), "sync")
    assert code == 0 and json.loads(out)["pulled"] == summary["pushed"]
    # the same code twice: refused with a clear line
    code, _, err = _run(capsys, "--data-dir", str(tmp_path / "c"), "enrol", served, codes[0])
    assert code == 1 and "enrolment code" in err
    # revoked: the next round fails (exit 1) and says why
    device = json.loads(_run(capsys, "server", "devices", "--database-url", database_url)[1]
                        .splitlines()[0])["id"]
    assert _run(capsys, "server", "revoke", device, "--database-url", database_url)[0] == 0
    code, out, _ = _run(capsys, "--data-dir", str(a), "sync")
    assert code == 1 and json.loads(out)["errors"][0]["code"] == "revoked"


def test_sync_without_enrolment_fails_clearly(tmp_path, capsys):
    Workspace.open(tmp_path, fast_hash=True).close()
    code, out, _ = _run(capsys, "--data-dir", str(tmp_path), "sync")
    assert code == 1 and json.loads(out)["errors"][0]["code"] == "not_enrolled"


def test_unreachable_database_is_one_line(capsys):
    code, _, err = _run(capsys, "server", "add-site", "x", "--database-url",
                        "postgresql://nobody@127.0.0.1:1/none")
    assert code == 1 and err.startswith("Cannot connect to the database")
    code, _, err = _run(capsys, "serve", "--database-url", "postgresql://nobody@127.0.0.1:1/x")
    assert code == 1 and err.startswith("Cannot connect to the database")
