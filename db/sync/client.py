"""One PC talking to the sync server: enrol, then rounds of push, pull and blob transfer.

A round pushes every outbox batch (each kept until the server acknowledges it, so a lost
acknowledgement means the same batch id is sent again and the server ignores it), then pulls
everything after the cursor, page by page, each page applied with its cursor in one SQLite
transaction. Photos and documents move afterwards, on their own queue with a time budget:
they never hold back the data. Refusals (clock skew, revoked, outdated version) leave the
outbox as it was.
"""

from __future__ import annotations

import json
import logging
import platform
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported when a round runs: httpx costs ~90 ms at app start-up
    import httpx

from core import i18n
from core.hlc import COUNTER_MASK, pack, unpack, wall_ms
from core.i18n import DomainError, t
from core.ids import uuid7
from core.sync_protocol import (
    CLIENT_MS_HEADER,
    CLOCK_SKEW,
    EPOCH_CHANGED,
    MAX_SKEW_MS,
    PROTOCOL,
    PROTOCOL_HEADER,
    PULL_LIMIT,
    SyncError,
)
from core.workflow import fold
from db.sync import credentials, local
from db.workspace import Workspace

log = logging.getLogger("safedesk.sync")
BATCH_ROWS = 2000
BLOB_CHUNK = 1 << 20

i18n.register({
    "sync.not_enrolled": {
        "zh_CN": "本机尚未登记到同步服务器：请先用服务器地址和登记码登记。",
        "en": "This PC is not enrolled with a sync server: enrol it with the server address "
        "and an enrolment code first.",
    },
    "sync.unreachable": {
        "zh_CN": "无法连接同步服务器 {url}（{reason}）。修改已保存在本机，稍后会自动同步。",
        "en": "Cannot reach the sync server {url} ({reason}). Your changes are kept on this PC "
        "and will sync later.",
    },
    "sync.clock_skew": {
        "zh_CN": "本机时钟与服务器相差超过 5 分钟（{seconds} 秒），已拒绝同步。请校准时间后再同步，"
        "修改仍保存在本机。",
        "en": "This PC's clock is more than 5 minutes off the server's ({seconds} s): sync was "
        "refused. Correct the clock and sync again; your changes are kept.",
    },
    "sync.revoked": {
        "zh_CN": "本机的同步权限已被管理员撤销。请联系 IT。",
        "en": "This PC's sync access was revoked by the administrator. Contact IT.",
    },
    "sync.unauthorized": {
        "zh_CN": "同步服务器不认识本机的凭据，请重新登记。",
        "en": "The sync server does not know this PC's credential: enrol it again.",
    },
    "sync.version_too_old": {
        "zh_CN": "本机的安全台版本过旧，同步服务器不再支持：请更新安全台。",
        "en": "This SafeDesk is too old for the sync server: please update it.",
    },
    "sync.version_too_new": {
        "zh_CN": "同步服务器版本比本机旧：请 IT 更新服务器。",
        "en": "The sync server is older than this SafeDesk: ask IT to update the server.",
    },
    "sync.bad_code": {
        "zh_CN": "登记码错误、已使用或已过期。",
        "en": "The enrolment code is wrong, used or expired.",
    },
    "sync.server_error": {
        "zh_CN": "同步服务器出错：{reason}",
        "en": "The sync server failed: {reason}",
    },
    "sync.enrol_failed": {"zh_CN": "登记失败：{reason}", "en": "Enrolment failed. {reason}"},
    "sync.site_not_empty": {
        "zh_CN": "本数据文件夹已有工厂数据，而该厂区在服务器上已有其他电脑的数据，合并会使全部数据重复。"
        "请在一个空的数据文件夹中登记（例如新建一个文件夹，首次启动时选择“加入已有工厂”），"
        "登记后会从服务器下载全部数据。",
        "en": "This data folder already holds a plant, and the site already holds data from "
        "other PCs: merging them would duplicate everything. Enrol from an empty data folder "
        "(for example a new folder, choosing “Join an existing plant” at first start); it "
        "then downloads everything from the server.",
    },
    "sync.future_stamps": {
        "zh_CN": "有修改的时间戳比服务器时间超前 {seconds} 秒（修改时本机时钟不准），已拒绝同步。"
        "请校准时间后再同步，修改仍保存在本机。",
        "en": "Some changes are stamped {seconds} s ahead of the server's clock (this PC's "
        "clock was wrong when they were made): sync was refused. Correct the clock and sync "
        "again; your changes are kept.",
    },
    "sync.restamped": {
        "zh_CN": "有 {n} 条修改是在本机时钟超前时做的，已按现在的时间重新记时后同步。",
        "en": "{n} changes were made while this PC's clock was ahead; they were given the "
        "current time and synced.",
    },
    "sync.bad_url": {
        "zh_CN": "服务器地址无效：{url}（应以 http:// 或 https:// 开头）",
        "en": "Invalid server address: {url} (it must start with http:// or https://)",
    },
})

_ERROR_KEYS = {
    CLOCK_SKEW: "sync.clock_skew", "revoked": "sync.revoked", "unauthorized": "sync.unauthorized",
    "version_too_old": "sync.version_too_old", "version_too_new": "sync.version_too_new",
    "bad_enrolment_code": "sync.bad_code", "site_not_empty": "sync.site_not_empty",
}


@dataclass
class Summary:
    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    errors: list[dict[str, str]] = field(default_factory=list)
    blobs_sent: int = 0
    blobs_received: int = 0
    blobs_waiting: int = 0
    resent: int = 0  # changes queued again after the server's epoch changed
    restamped: int = 0  # local changes made while the clock ran ahead, stamped anew
    notices: list[str] = field(default_factory=list)  # things the user should know
    touched: set[str] = field(default_factory=set)  # entities pulled (pages refresh these)

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_json(self) -> dict[str, Any]:
        return {"pushed": self.pushed, "pulled": self.pulled, "conflicts": self.conflicts,
                "errors": self.errors, "blobs": {"sent": self.blobs_sent,
                                                 "received": self.blobs_received,
                                                 "waiting": self.blobs_waiting},
                "resent": self.resent, "restamped": self.restamped, "notices": self.notices}


class Refused(Exception):
    """The round stops: a refusal or an unreachable server (code + message for people)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class SyncClient:
    def __init__(self, ws: Workspace, transport: httpx.BaseTransport | None = None,
                 wall: Callable[[], int] = wall_ms, timeout: float = 30.0,
                 protocol: int = PROTOCOL) -> None:
        self.ws = ws
        self.db = ws.db
        self.state = local.SyncState(ws.db)
        self.transport = transport
        self.wall = wall
        self.timeout = timeout
        self.protocol = protocol
        self._http: httpx.Client | None = None
        self._progress: Callable[[int, int], None] | None = None

    # -- plumbing ----------------------------------------------------------------------------
    @property
    def url(self) -> str | None:
        return self.state.get("server_url")

    @property
    def enrolled(self) -> bool:
        return bool(self.url and self.state.get("credential"))

    def _client(self) -> httpx.Client:
        if self._http is None:
            import httpx

            self._http = httpx.Client(base_url=self.url or "", timeout=self.timeout,
                                      transport=self.transport)
        return self._http

    def close(self) -> None:
        if self._http is not None:
            self._http.close()
            self._http = None

    def _headers(self) -> dict[str, str]:
        headers = {PROTOCOL_HEADER: str(self.protocol), CLIENT_MS_HEADER: str(self.wall())}
        token = credentials.load_token(self.ws.data_dir, self.state.get("credential"))
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return headers

    def _request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        import httpx

        url = self.url or ""
        try:
            response = self._client().request(method, path, headers={
                **self._headers(), **kwargs.pop("headers", {})}, **kwargs)
        except httpx.HTTPError as exc:
            self.close()  # a dropped connection: start the next request afresh
            raise Refused("unreachable", t("sync.unreachable", url=url,
                                           reason=type(exc).__name__)) from exc
        if response.status_code >= 400 and response.status_code not in (404, 409) \
                or (response.status_code == 409 and path.startswith("/v1/p")):
            raise self._refusal(response)
        return response

    def _refusal(self, response: httpx.Response) -> Exception:
        try:
            body = response.json()
        except ValueError:
            body = {}
        code = body.get("error") or f"http_{response.status_code}"
        if code == EPOCH_CHANGED:
            return SyncError(EPOCH_CHANGED, body.get("message", ""), epoch=body.get("epoch"))
        key = _ERROR_KEYS.get(code)
        if key == "sync.clock_skew":
            message = t(key, seconds=abs(int(body.get("skew_ms") or 0)) // 1000)
        elif code == "future_stamps":
            message = t("sync.future_stamps", seconds=int(body.get("ahead_ms") or 0) // 1000)
        elif key:
            message = t(key)
        else:
            message = t("sync.server_error", reason=body.get("message") or response.reason_phrase)
        return Refused(code, message)

    # -- enrolment ---------------------------------------------------------------------------
    def enrol(self, url: str, code: str, name: str | None = None) -> dict[str, Any]:
        """Register this data folder with a server, under a NEW device id: a copied folder
        must never sign changes, or authenticate, as the PC it was copied from."""
        url = url.strip().rstrip("/")
        if not url.startswith(("http://", "https://")):
            raise DomainError("sync.bad_url", url=url)
        self.close()
        previous = self.url
        device = uuid7()
        self.state.update(server_url=url)
        try:
            response = self._request("POST", "/v1/enrol", json={
                "code": code, "device": device, "name": (name or "").strip()
                or default_device_name(self.ws.data_dir),
                # The server refuses a plant of its own into a site that has one (see
                # server.store.enrol); the site synced with before is not "another" plant.
                "holds_data": local.holds_plant_data(self.db),
                "previous_site": self.state.get("site_id") if local.ever_synced(self.db)
                else None})
            if response.status_code >= 400:
                raise self._refusal(response)
        except (Refused, SyncError) as exc:
            self.close()
            self.state.update(server_url=previous)  # a failed attempt changes nothing
            raise DomainError("sync.enrol_failed", reason=str(exc)) from exc
        result = response.json()
        local.set_device_id(self.db, result["device"])
        old = self.state.get("credential")
        if old:
            credentials.forget_token(self.ws.data_dir, old)
        reference = credentials.save_token(self.ws.data_dir, f"{url}|{self.db.device_id}",
                                           result["token"])
        if local.ever_synced(self.db):
            # Enrolled again (maybe with another server): everything is sent to it, since
            # what this PC pulled elsewhere has no outbox rows of its own.
            local.requeue_all(self.db, result["epoch"])
        else:
            # Never synced: the outbox already holds every change this PC made.
            self.state.update(epoch=result["epoch"], cursor="0")
        self.state.update(credential=reference, site=result["site"], site_id=result["site_id"],
                          last_error=None)
        return {"device": result["device"], "site": result["site"],
                "site_id": result["site_id"]}

    # -- a round -----------------------------------------------------------------------------
    def sync(self, blob_budget_s: float = 5.0,
             progress: Callable[[int, int], None] | None = None) -> Summary:
        """One round. ``progress(done, total)`` follows the pull (a first sync's download)."""
        summary = Summary()
        self._progress = progress
        if not self.enrolled:
            summary.errors.append({"code": "not_enrolled", "message": t("sync.not_enrolled")})
            return summary
        try:
            self._restamp(summary)
            for _attempt in range(3):
                try:
                    self._push(summary)
                    self._pull(summary)
                    break
                except SyncError as exc:  # the server's epoch changed: resend everything
                    summary.resent += local.requeue_all(self.db, exc.details.get("epoch"))
            else:
                raise Refused("epoch_changed", t("sync.server_error",
                                                 reason="the server keeps changing its epoch"))
            self._blobs(summary, blob_budget_s)
        except Refused as exc:
            summary.errors.append({"code": exc.code, "message": str(exc)})
        self.state.update(
            last_attempt=_iso_now(),
            last_error=json.dumps(summary.errors[0], ensure_ascii=False)
            if summary.errors else None,
            **({"last_sync": _iso_now()} if summary.ok else {}))
        return summary

    def _restamp(self, summary: Summary) -> None:
        """Changes made while this PC's clock ran ahead get the current time before they are
        sent (the server refuses stamps more than MAX_SKEW_MS ahead of its clock). Cheap
        when nothing is ahead: the clock's last stamp tells without reading the outbox."""
        wall = self.wall()
        if unpack(self.db.clock.last)[0] <= wall or unpack(
                local.newest_pending_hlc(self.db))[0] <= wall:
            return
        server = int(self._request("GET", "/v1/hello").json()["server_ms"])
        if abs(wall - server) > MAX_SKEW_MS:
            return  # still wrong now: the push is refused with the clock message
        count, events = local.restamp_future(self.db, pack(server + MAX_SKEW_MS, COUNTER_MASK))
        if events:
            self.ws.hazards_repo.rebuild_states(self.ws.hazards.rules())
        if count:
            summary.restamped += count
            summary.notices.append(t("sync.restamped", n=count))

    def _push(self, summary: Summary) -> None:
        while True:
            batch = local.next_batch(self.db, BATCH_ROWS)
            if batch is None:
                return
            batch_id, body = batch
            body = {**body, "epoch": self.state.epoch, "cursor": self.state.cursor}
            response = self._request("POST", "/v1/push", content=json.dumps(
                body, ensure_ascii=False, separators=(",", ":")).encode(),
                headers={"Content-Type": "application/json"})
            ack = response.json()
            if ack.get("batch_id") != batch_id:
                raise Refused("bad_ack", t("sync.server_error", reason="wrong acknowledgement"))
            shas = local.blobs_of_changes(body["changes"])
            local.mark_acked(self.db, batch_id)
            if shas:
                local.queue_blobs(self.db, shas, "up")
            summary.pushed += len(body["changes"])
            if self.state.epoch is None:
                self.state.update(epoch=ack.get("epoch"))

    def _pull(self, summary: Summary) -> None:
        applied = local.Applied()
        local.retry_parked(self.db, applied)
        while True:
            cursor = self.state.cursor
            page = self._request("GET", "/v1/pull",
                                 params={"cursor": cursor, "limit": PULL_LIMIT}).json()
            known = self.state.epoch
            if (known is not None and page["epoch"] != known) or cursor > page["high"]:
                raise SyncError(EPOCH_CHANGED, "epoch changed", epoch=page["epoch"])
            local.apply_page(self.db, page["changes"], page["cursor"], page["epoch"], applied)
            if self._progress is not None:
                self._progress(page["cursor"], page["high"])
            if not page["more"]:
                break
        summary.pulled += applied.count
        summary.touched |= applied.entities
        summary.conflicts += self._after_pull(applied)

    def _after_pull(self, applied: local.Applied) -> int:
        """Refold workflow states, then look for workflow conflicts and duplicate codes (and
        close the recorded ones that a later event or edit, here or elsewhere, settled)."""
        new = 0
        hazards = set(applied.event_owners.get("hazard_event", ()))
        if "hazard_event" in applied.entities or "hazard" in applied.entities:
            self.ws.hazards_repo.rebuild_states(self.ws.hazards.rules())
        hazards |= local.open_conflict_refs(self.db, "workflow")
        if hazards:
            found = {}
            for hazard_id in hazards:
                state = fold(self.ws.hazards_repo.events(hazard_id))
                found[hazard_id] = [{"event_id": c.event_id, "kind": c.kind, "step": c.step,
                                     "actor": c.actor_name} for c in state.conflicts]
            new += local.record_workflow_conflicts(self.db, found)
        for entity in local.open_conflict_refs(self.db, "duplicate_code", column="entity"):
            applied.coded.setdefault(entity, set())
        for entity, ids in applied.coded.items():
            new += local.record_duplicate_codes(self.db, entity, ids)
        if applied.blobs:
            missing = [s for s in applied.blobs if not self.ws.attachments.path_for(s).exists()]
            local.queue_blobs(self.db, missing, "down")
        return new

    def refresh_conflicts(self) -> int:
        """Re-check the open conflicts (after a supervisor settled one here): no network."""
        return self._after_pull(local.Applied())

    # -- photos and documents ----------------------------------------------------------------
    def _blobs(self, summary: Summary, budget_s: float) -> None:
        deadline = time.monotonic() + budget_s
        for sha, direction, _tries in local.queued_blobs(self.db):
            if time.monotonic() > deadline:
                break
            try:
                if direction == "up":
                    done = self._upload(sha)
                    summary.blobs_sent += done
                else:
                    done = self._download(sha)
                    summary.blobs_received += done
                if done:
                    local.blob_done(self.db, sha, direction)
            except Refused as exc:
                local.blob_failed(self.db, sha, direction, str(exc))
                if exc.code == "unreachable":
                    break
            except OSError as exc:
                local.blob_failed(self.db, sha, direction, str(exc))
        summary.blobs_waiting = len(local.queued_blobs(self.db, 10_000))

    def _upload(self, sha: str) -> bool:
        path = self.ws.attachments.path_for(sha)
        if not path.exists():
            return True  # nothing to send from here (another PC has it)
        head = self._request("HEAD", f"/v1/blobs/{sha}")
        if head.status_code == 200:
            return True
        offset = int(head.headers.get("Upload-Offset") or 0)
        total = path.stat().st_size
        with path.open("rb") as src:
            while True:
                src.seek(offset)
                chunk = src.read(BLOB_CHUNK)
                end = offset + len(chunk) - 1 if chunk else offset
                response = self._request(
                    "PUT", f"/v1/blobs/{sha}", content=chunk,
                    headers={"Content-Range": f"bytes {offset}-{end}/{total}"})
                if response.status_code == 404:
                    return False  # the server does not know the record yet: next round
                result = response.json()
                if result.get("complete"):
                    return True
                if result["received"] == offset and not chunk:
                    return False
                offset = int(result["received"])

    def _download(self, sha: str) -> bool:
        target = self.ws.attachments.path_for(sha)
        if target.exists():
            return True
        partial = target.with_name(target.name + ".partial")
        target.parent.mkdir(parents=True, exist_ok=True)
        start = partial.stat().st_size if partial.exists() else 0
        headers = {"Range": f"bytes={start}-"} if start else {}
        response = self._request("GET", f"/v1/blobs/{sha}", headers=headers)
        if response.status_code == 404:
            return False  # not uploaded yet by the PC that has it
        with partial.open("ab" if start and response.status_code == 206 else "wb") as out:
            out.write(response.content)
        if _sha256(partial) != sha:
            partial.unlink()
            return False
        partial.replace(target)
        return True

    # -- status for the app --------------------------------------------------------------------
    def status(self) -> dict[str, Any]:
        if not self.enrolled:
            return {"enrolled": False}
        error = self.state.get("last_error")
        return {"enrolled": self.enrolled, "server": self.url, "site": self.state.get("site"),
                "last_sync": self.state.get("last_sync"),
                "pending": local.pending_count(self.db),
                "problem": json.loads(error)["message"] if error else None,
                "conflicts": len(local.open_conflicts(self.db))}


def default_device_name(data_dir: Path) -> str:
    """The host name and the data folder's name: two data folders on one PC (or a copied
    folder on another) stay apart in `server devices`."""
    return f"{platform.node() or 'PC'} · {Path(data_dir).resolve().name}"


def _sha256(path: Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    with path.open("rb") as src:
        while chunk := src.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _iso_now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S")
