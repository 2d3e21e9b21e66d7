"""Enrolment guards: a second plant never pours into a site that has one, a copied data folder
gets its own device id, devices are told apart, admin messages in the user's language."""

from __future__ import annotations

import json
import shutil

import pytest

from cli.commands import main
from core import i18n
from core.i18n import DomainError, t
from db import records
from db.repositories import tables
from db.sync.client import SyncClient
from db.workspace import Workspace
from server import store
from tests.sync.helpers import PC, code_for, new_site


@pytest.fixture(autouse=True)
def _language_restored():
    before = i18n.language()
    yield
    i18n.set_language(before)


def _plant(root, name: str, people: int = 3) -> Workspace:
    """A data folder holding a plant of its own (as "create a new plant" or the demo makes)."""
    ws = Workspace.open(root / name, fast_hash=True)
    records.insert_many(ws.db, tables.PEOPLE, [
        {"employee_no": f"{name}-{i}", "name": f"员工{i}", "status": "active"}
        for i in range(people)])
    return ws


def _server_counts(database_url: str, site: str) -> tuple[int, int]:
    with store.connect(database_url) as conn:
        return (conn.execute("SELECT COUNT(*) FROM records WHERE site_id = %s", (site,)
                             ).fetchone()[0],
                conn.execute("SELECT COUNT(*) FROM devices WHERE site_id = %s", (site,)
                             ).fetchone()[0])


def test_a_second_plant_is_refused_and_an_empty_folder_downloads_it(tmp_path, live_server,
                                                                     database_url):
    site = new_site(database_url)
    first = _plant(tmp_path, "first")
    second = _plant(tmp_path, "second")
    a, b = SyncClient(first), SyncClient(second)
    try:
        a.enrol(live_server.url, code_for(database_url, site))  # empty site: the first PC
        assert a.sync().ok
        before = _server_counts(database_url, site)
        code = code_for(database_url, site)
        with pytest.raises(DomainError) as refused:
            b.enrol(live_server.url, code)
        assert t("sync.site_not_empty") in refused.value.message()
        assert not b.enrolled and b.url is None  # nothing changed on this PC
        assert _server_counts(database_url, site) == before  # nor on the server
        # The same code still works from an empty data folder, which gets everything.
        empty = PC(tmp_path, "empty", live_server.url, code)
        try:
            assert empty.sync().ok
            assert empty.db.conn.execute("SELECT COUNT(*) FROM people").fetchone()[0] == 3
        finally:
            empty.close()
        # A PC enrolling again into the site it synced with is not "another plant".
        a.enrol(live_server.url, code_for(database_url, site))
        assert a.sync().ok
        assert _server_counts(database_url, site)[0] == before[0]
    finally:
        for client, ws in ((a, first), (b, second)):
            client.close()
            ws.close()


def test_two_first_pcs_enrolled_before_either_synced_do_not_merge(tmp_path, live_server,
                                                                   database_url):
    site = new_site(database_url)
    first, second = _plant(tmp_path, "first"), _plant(tmp_path, "second", people=5)
    a, b = SyncClient(first), SyncClient(second)
    try:
        a.enrol(live_server.url, code_for(database_url, site))  # both while the site is empty
        b.enrol(live_server.url, code_for(database_url, site))
        assert a.sync().ok
        refused = b.sync()
        assert [e["code"] for e in refused.errors] == ["site_not_empty"]
        assert refused.errors[0]["message"] == t("sync.site_not_empty")
        assert _server_counts(database_url, site)[0] == 3  # only the first plant
        assert b.status()["pending"] >= 5  # kept on that PC, nothing lost
        records.insert(first.db, tables.PEOPLE, {"employee_no": "N1", "name": "新",
                                                 "status": "active"})
        assert a.sync().ok  # the first PC goes on syncing
    finally:
        for client, ws in ((a, first), (b, second)):
            client.close()
            ws.close()


def test_cli_enrol_of_a_plant_into_a_used_site_says_why_in_chinese(tmp_path, live_server,
                                                                  database_url, capsys):
    site = new_site(database_url)
    first = PC(tmp_path, "first", live_server.url, code_for(database_url, site))
    try:
        first.add_person("E1", "张三")
        assert first.sync().ok
    finally:
        first.close()
    _plant(tmp_path, "demo").close()
    code = main(["--lang", "zh_CN", "--data-dir", str(tmp_path / "demo"), "enrol",
                 live_server.url, code_for(database_url, site)])
    err = capsys.readouterr().err
    assert code == 1 and "空的数据文件夹" in err and "登记失败" in err


def test_a_copied_data_folder_gets_its_own_device_id(tmp_path, live_server, database_url):
    site = new_site(database_url)
    original = PC(tmp_path, "office", live_server.url, code_for(database_url, site))
    copy = None
    try:
        original.add_person("E1", "张三")
        assert original.sync().ok
        shutil.copytree(tmp_path / "office", tmp_path / "copy")
        copy = PC(tmp_path, "copy", live_server.url, None)
        assert copy.db.device_id == original.db.device_id  # the copy, before enrolment
        copy.client.enrol(live_server.url, code_for(database_url, site))
        assert copy.db.device_id != original.db.device_id
        reopened = Workspace.open(tmp_path / "copy", fast_hash=True)
        assert reopened.db.device_id == copy.db.device_id  # kept in the file
        reopened.close()
        copy.add_person("E2", "李四")
        assert copy.sync().ok
        original.add_person("E3", "王五")
        assert original.sync().ok  # the original still syncs: nothing was taken over
        assert copy.sync().ok
        assert copy.db.conn.execute("SELECT COUNT(*) FROM people").fetchone()[0] == 3
        with store.connect(database_url) as conn:
            devices = store.devices(conn)
        assert len({d["id"] for d in devices}) == len(devices) == 2
    finally:
        original.close()
        if copy is not None:
            copy.close()


def test_default_device_names_tell_data_folders_apart(tmp_path, live_server, database_url):
    site = new_site(database_url)
    clients = []
    for name in ("safety-office", "workshop"):
        ws = Workspace.open(tmp_path / name, fast_hash=True)
        client = SyncClient(ws)
        client.enrol(live_server.url, code_for(database_url, site))
        clients.append((client, ws))
    for client, ws in clients:
        client.close()
        ws.close()
    with store.connect(database_url) as conn:
        names = sorted(d["name"] for d in store.devices(conn))
    assert len(set(names)) == 2
    assert names[0].endswith("· safety-office") and names[1].endswith("· workshop")


def _admin(capsys, lang: str, *argv: str) -> tuple[int, str, str]:
    code = main(["--lang", lang, "server", *argv])
    out, err = capsys.readouterr()
    return code, out.strip(), err.strip()


def test_admin_messages_in_the_users_language(database_url, capsys):
    url = ["--database-url", database_url]
    assert _admin(capsys, "zh_CN", "add-site", "一厂", *url)[0] == 0
    code, _, err = _admin(capsys, "zh_CN", "enrolment-code", "二厂", *url)
    assert code == 1 and err == "没有名为或编号为“二厂”的厂区。"
    code, _, err = _admin(capsys, "en", "enrolment-code", "二厂", *url)
    assert code == 1 and err == "There is no site named or numbered “二厂”."
    code, _, err = _admin(capsys, "zh_CN", "add-site", "一厂", *url)
    assert code == 1 and err == "已有名为“一厂”的厂区。"
    code, _, err = _admin(capsys, "zh_CN", "revoke", "nobody", *url)
    assert code == 1 and "没有名为或编号为“nobody”的设备" in err
    with store.connect(database_url) as conn:
        store.enrol(conn, store.enrolment_code(conn, "一厂"), "dev-1", "PC1 · SafeDesk")
    code, out, _ = _admin(capsys, "zh_CN", "revoke", "dev-1", *url)
    assert code == 0 and out == "已撤销设备 dev-1（PC1 · SafeDesk，厂区：一厂），它今后的同步将被拒绝。"
    code, out, _ = _admin(capsys, "en", "devices", *url)
    assert json.loads(out)["revoked"] is True


def test_enrolment_failure_reads_as_sentences(tmp_path, live_server, database_url):
    new_site(database_url)
    ws = Workspace.open(tmp_path / "pc", fast_hash=True)
    client = SyncClient(ws)
    try:
        i18n.set_language("en")
        with pytest.raises(DomainError) as failed:
            client.enrol(live_server.url, "WRONG-CODE-XXXX")
        assert failed.value.message() == ("Enrolment failed. The enrolment code is wrong, "
                                          "used or expired.")
    finally:
        client.close()
        ws.close()
