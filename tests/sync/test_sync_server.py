"""Server-side guarantees: sequence numbers under the site lock, epochs, enrolment, blobs."""

from __future__ import annotations

import hashlib
import threading

import httpx
import pytest

from core.ids import uuid7
from core.sync_protocol import PROTOCOL, PROTOCOL_HEADER
from db.repositories import tables
from server import store
from tests.sync.helpers import PC, code_for, new_site, normalised, server_snapshot


def _enrol_raw(url: str, database_url: str, site: str, device: str) -> str:
    response = httpx.post(f"{url}/v1/enrol", headers={PROTOCOL_HEADER: str(PROTOCOL)},
                          json={"code": code_for(database_url, site), "device": device})
    response.raise_for_status()
    return response.json()["token"]


def test_concurrent_pushes_while_pulling_skip_nothing(live_server, database_url):
    """Four PCs push at once while a fifth pulls in a loop: every change reaches the puller.
    With a bare serial a pull could pass a number whose transaction commits later."""
    site = new_site(database_url)
    url = live_server.url
    tokens = [_enrol_raw(url, database_url, site, f"dev-{i}") for i in range(5)]
    per_pusher, batch = 150, 5
    expected: set[str] = set()
    lock = threading.Lock()

    def pusher(i: int) -> None:
        headers = {PROTOCOL_HEADER: str(PROTOCOL), "Authorization": f"Bearer {tokens[i]}"}
        with httpx.Client(base_url=url, headers=headers, timeout=30) as client:
            for _ in range(per_pusher // batch):
                changes = []
                for _ in range(batch):
                    row_id = uuid7()
                    hlc = 1 << 20
                    changes.append({"entity": "person", "id": row_id, "deleted_hlc": None,
                                    "fields": {"name": [row_id, hlc, f"dev-{i}"]}})
                    with lock:
                        expected.add(row_id)
                client.post("/v1/push", json={"batch_id": uuid7(), "changes": changes}
                            ).raise_for_status()

    seen: set[str] = set()
    done = threading.Event()

    def puller() -> None:
        headers = {PROTOCOL_HEADER: str(PROTOCOL), "Authorization": f"Bearer {tokens[4]}"}
        cursor = 0
        with httpx.Client(base_url=url, headers=headers, timeout=30) as client:
            while True:
                finished = done.is_set()
                page = client.get("/v1/pull", params={"cursor": cursor, "limit": 37}).json()
                seen.update(c["id"] for c in page["changes"])
                cursor = page["cursor"]
                if finished and not page["more"]:
                    return

    threads = [threading.Thread(target=pusher, args=(i,)) for i in range(4)]
    reader = threading.Thread(target=puller)
    reader.start()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    done.set()
    reader.join()
    assert len(expected) == 4 * per_pusher
    assert seen == expected
    with store.connect(database_url) as conn:
        seqs = [r[0] for r in conn.execute("SELECT seq FROM records ORDER BY seq")]
    assert seqs == list(range(1, len(seqs) + 1))  # one number per change, no gaps


def test_site_comes_from_the_credential(live_server, database_url):
    one, two = new_site(database_url, "一厂"), new_site(database_url, "二厂")
    token = _enrol_raw(live_server.url, database_url, one, "dev-1")
    body = {"batch_id": uuid7(), "site_id": two, "changes": [
        {"entity": "person", "id": "p1", "fields": {"name": ["x", 1 << 20, "dev-1"]}}]}
    httpx.post(f"{live_server.url}/v1/push", json=body, headers={
        PROTOCOL_HEADER: str(PROTOCOL), "Authorization": f"Bearer {token}"}).raise_for_status()
    with store.connect(database_url) as conn:
        assert conn.execute("SELECT site_id FROM records").fetchall() == [(one,)]


def test_enrolment_code_is_one_time(live_server, database_url):
    site = new_site(database_url)
    code = code_for(database_url, site)
    headers = {PROTOCOL_HEADER: str(PROTOCOL)}
    first = httpx.post(f"{live_server.url}/v1/enrol", headers=headers,
                       json={"code": code.lower(), "device": "d1"})
    assert first.status_code == 200
    second = httpx.post(f"{live_server.url}/v1/enrol", headers=headers,
                        json={"code": code, "device": "d2"})
    assert second.status_code == 403 and second.json()["error"] == "bad_enrolment_code"
    with store.connect(database_url) as conn:
        hashes = [r[0] for r in conn.execute("SELECT token_hash FROM devices")]
    assert hashes == [hashlib.sha256(first.json()["token"].encode()).hexdigest()]


def test_restored_server_gets_everything_again(tmp_path, pg_cluster):
    """Drop and recreate the server's database (a restore from an empty backup): the PCs
    notice the new epoch, resend what they hold, and end equal to the server again."""
    from tests.sync.pgcluster import LiveServer

    name = f"sync_restore_{uuid7()[-8:]}"
    url = pg_cluster.create_db(name)
    server = LiveServer(url).start()
    try:
        site = new_site(url)
        a = PC(tmp_path, "a", server.url, code_for(url, site))
        b = PC(tmp_path, "b", server.url, code_for(url, site))
        p1 = a.add_person("E001", "张三")
        b.add_person("E002", "李四")
        assert a.sync().ok and b.sync().ok and a.sync().ok
        server.stop()
        pg_cluster.drop_db(name)
        url = pg_cluster.create_db(name)
        server = LiveServer(url, port=server.port).start()
        with store.connect(url) as conn:
            store.migrate(conn)
            conn.execute("INSERT INTO sites (id, name) VALUES (%s, '一厂')", (site,))
            # the devices table was lost too: the same tokens are restored with it in real
            # life; here the PCs are re-admitted by their token hashes
        for pc in (a, b):
            pc_token = (pc.ws.data_dir / "sync-token").read_text()
            with store.connect(url) as conn:
                conn.execute("INSERT INTO devices (id, site_id, token_hash) VALUES (%s, %s, %s)",
                             (pc.db.device_id, site, store.hash_secret(pc_token)))
        a.edit(tables.PEOPLE, p1, phone="123")
        first = a.sync()
        assert first.ok and first.resent > 0
        assert b.sync().ok and a.sync().ok
        expected = normalised(server_snapshot(url, site))
        assert normalised(a.snapshot()) == expected == normalised(b.snapshot())
        assert len(server_snapshot(url, site)["records"]) >= 2
        a.close()
        b.close()
    finally:
        server.stop()
        pg_cluster.drop_db(name)


def test_blobs_resume_and_reach_the_other_pc(tmp_path, live_server, database_url):
    site = new_site(database_url)
    a = PC(tmp_path, "a", live_server.url, code_for(database_url, site))
    b = PC(tmp_path, "b", live_server.url, code_for(database_url, site))
    try:
        photo = tmp_path / "photo.jpg"
        photo.write_bytes(bytes(range(256)) * 9000)  # 2.3 MB: three chunks
        person = a.add_person("E001", "张三")
        attachment = a.ws.attachments.attach("person", person, "photo", photo)
        sha = a.db.conn.execute("SELECT sha256 FROM attachments WHERE id = ?",
                                (attachment,)).fetchone()[0]
        # half an upload happened before (a dropped connection): the client resumes there
        data = photo.read_bytes()
        with store.connect(database_url) as conn:
            store.blob_put(conn, sha, 0, data[:1 << 20], len(data))
        first = a.sync()
        assert first.ok and first.blobs_sent == 1
        got = b.sync()
        assert got.ok and got.blobs_received == 1
        assert b.ws.attachments.path_for(sha).read_bytes() == data
        # a PC of another site cannot read it, even knowing the SHA-256
        other_site = new_site(database_url, "二厂")
        stranger = _enrol_raw(live_server.url, database_url, other_site, "stranger")
        denied = httpx.get(f"{live_server.url}/v1/blobs/{sha}", headers={
            PROTOCOL_HEADER: str(PROTOCOL), "Authorization": f"Bearer {stranger}"})
        assert denied.status_code == 404
    finally:
        a.close()
        b.close()


@pytest.mark.parametrize("header", [None, "abc"])
def test_missing_protocol_header_is_told_to_update(live_server, header):
    headers = {PROTOCOL_HEADER: header} if header else {}
    response = httpx.get(f"{live_server.url}/v1/pull", headers=headers)
    assert response.json()["error"] == "version_too_old"


def test_new_epoch_and_a_backup_without_one_both_make_pcs_resend(tmp_path, live_server,
                                                                  database_url):
    site = new_site(database_url)
    a = PC(tmp_path, "a", live_server.url, code_for(database_url, site))
    try:
        a.add_person("E001", "张三")
        assert a.sync().ok
        with store.connect(database_url) as conn:  # `server new-epoch` after a restore
            store.new_epoch(conn)
        again = a.sync()
        assert again.ok and again.resent >= 1
        # a restored backup that kept the old epoch: the PC pulled further than the server
        # has counted, and notices by itself
        with store.connect(database_url) as conn:
            conn.execute("DELETE FROM records")
            conn.execute("UPDATE sites SET next_seq = 1")
        third = a.sync()
        assert third.ok and third.resent >= 1
        assert normalised(a.snapshot()) == normalised(server_snapshot(database_url, site))
    finally:
        a.close()


def test_token_goes_to_the_keyring_when_there_is_one(tmp_path, live_server, database_url):
    import keyring
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        priority = 1
        store: dict = {}

        def set_password(self, service, username, password):
            self.store[(service, username)] = password

        def get_password(self, service, username):
            return self.store.get((service, username))

        def delete_password(self, service, username):
            self.store.pop((service, username), None)

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        site = new_site(database_url)
        a = PC(tmp_path, "a", live_server.url, code_for(database_url, site))
        assert not (a.ws.data_dir / "sync-token").exists()
        assert list(MemoryKeyring.store) == [("SafeDesk sync",
                                              f"{live_server.url}|{a.db.device_id}")]
        assert a.sync().ok
        a.close()
    finally:
        keyring.set_keyring(previous)
