"""A process killed (SIGKILL) in the middle of bulk writes leaves a sound file with every commit."""

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from core.plant import PeopleQuery
from db.check import check
from db.workspace import Workspace

WRITER = textwrap.dedent("""
    import sys
    from db import records
    from db.repositories.tables import PEOPLE
    from db.workspace import Workspace

    ws = Workspace.open(sys.argv[1], fast_hash=True)
    batch = 0
    while True:
        rows = [{"employee_no": f"B{batch:05d}-{i:04d}", "name": f"测试{i}", "status": "active"}
                for i in range(2000)]
        records.insert_many(ws.db, PEOPLE, rows)  # one transaction per batch
        batch += 1
        print(batch * 2000, flush=True)  # only printed after COMMIT returned
""")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_mid_bulk_write_keeps_every_committed_change(tmp_path):
    Workspace.open(tmp_path).close()
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path)],
                            stdout=subprocess.PIPE, text=True)
    committed = 0
    assert proc.stdout is not None
    for line in proc.stdout:
        committed = int(line)
        if committed >= 20_000:
            break
    os.kill(proc.pid, signal.SIGKILL)  # most likely in the middle of the next batch
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    ws = Workspace.open(tmp_path)
    try:
        assert check(ws.db) == []
        stored = ws.people_repo.count(PeopleQuery())
        assert stored >= committed
        assert stored % 2000 == 0  # no half batch: each batch is all or nothing
        outbox = ws.db.conn.execute("SELECT COUNT(*) FROM outbox WHERE entity='person'").fetchone()[0]
        assert outbox == stored
    finally:
        ws.close()
