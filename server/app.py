"""The sync service's HTTP face (FastAPI): enrolment, push, pull and blobs.

Bodies are read and written as raw JSON (no per-field model validation): batches of a few
thousand changes are the normal case and FastAPI's encoders would cost more than the database.
The shapes are checked by core.sync_protocol.validate_change instead. Database work runs on
the thread pool, each request on a pooled connection.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import psycopg
from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse, StreamingResponse
from psycopg_pool import ConnectionPool
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from core.sync_protocol import (
    BAD_REQUEST,
    CLIENT_MS_HEADER,
    ERROR_STATUS,
    MIN_PROTOCOL,
    PROTOCOL,
    PROTOCOL_HEADER,
    SyncError,
    check_future,
    check_skew,
    check_version,
    newest_stamp_ms,
)
from server import store

log = logging.getLogger("safedesk.server")
_SHA = re.compile(r"^[0-9a-f]{64}$")
_RANGE = re.compile(r"^bytes (\d+)-(\d+)/(\d+|\*)$")


def _json(value: Any, status: int = 200) -> Response:
    return Response(store.dumps(value), status_code=status, media_type="application/json")


def create_app(database_url: str, pool_size: int = 8) -> FastAPI:
    pool: dict[str, ConnectionPool] = {}

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        with store.connect(database_url) as conn:
            store.migrate(conn)
        pool["db"] = ConnectionPool(database_url, min_size=1, max_size=pool_size,
                                    kwargs={"autocommit": True}, open=True)
        try:
            yield
        finally:
            pool.pop("db").close()

    app = FastAPI(title="SafeDesk sync", lifespan=lifespan, docs_url=None, redoc_url=None)

    # Changes applied since the last ANALYZE, and the size then (see store.analyze).
    growth = {"since": 0, "total": 0}
    growth_lock = threading.Lock()

    def grown(applied: int) -> bool:
        with growth_lock:
            growth["since"] += applied
            if growth["since"] < max(2000, growth["total"] // 2):
                return False
            growth["total"] += growth["since"]
            growth["since"] = 0
            return True

    def run(fn: Callable[[psycopg.Connection], Any]) -> Any:
        with pool["db"].connection() as conn:
            return fn(conn)

    @app.exception_handler(SyncError)
    async def refused(_request: Request, exc: SyncError) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=ERROR_STATUS.get(exc.code, 400))

    @app.exception_handler(psycopg.OperationalError)
    async def database_down(_request: Request, exc: psycopg.OperationalError) -> JSONResponse:
        log.error("database unavailable: %s", exc)
        return JSONResponse({"error": "unavailable", "message": "The sync database is not "
                             "reachable."}, status_code=503)

    def version_of(request: Request) -> int:
        raw = request.headers.get(PROTOCOL_HEADER)
        version = int(raw) if raw and raw.isdigit() else None
        check_version(version)
        return version  # type: ignore[return-value]

    def client_ms(request: Request) -> int | None:
        raw = request.headers.get(CLIENT_MS_HEADER)
        return int(raw) if raw and raw.lstrip("-").isdigit() else None

    async def body_of(request: Request) -> dict[str, Any]:
        try:
            body = json.loads(await read(request))
        except ValueError as exc:
            raise SyncError(BAD_REQUEST, "the body is not JSON") from exc
        if not isinstance(body, dict):
            raise SyncError(BAD_REQUEST, "the body must be a JSON object")
        return body

    async def read(request: Request) -> bytes:
        try:
            return await request.body()
        except ClientDisconnect as exc:  # the PC went away mid-batch: nothing was applied
            raise SyncError(BAD_REQUEST, "the request was cut off") from exc

    def token_of(request: Request) -> str | None:
        auth = request.headers.get("Authorization", "")
        return auth[7:].strip() if auth.lower().startswith("bearer ") else None

    @app.get("/v1/hello")
    async def hello() -> Response:
        current = await run_in_threadpool(run, store.epoch)
        return _json({"protocol": PROTOCOL, "min_protocol": MIN_PROTOCOL, "epoch": current,
                      "server_ms": store.server_ms()})

    @app.post("/v1/enrol")
    async def enrol(request: Request) -> Response:
        version_of(request)
        body = await body_of(request)
        result = await run_in_threadpool(run, lambda c: store.enrol(
            c, str(body.get("code") or ""), str(body.get("device") or ""),
            str(body.get("name") or ""), holds_data=bool(body.get("holds_data")),
            previous_site=body.get("previous_site") or None))
        return _json(result)

    @app.post("/v1/push")
    async def push(request: Request) -> Response:
        version = version_of(request)
        body = await body_of(request)
        token = token_of(request)
        stamp_ms = client_ms(request) if version >= 2 else newest_stamp_ms(
            body.get("changes") or [])
        now = store.server_ms()
        check_skew(stamp_ms, now)
        changes = body.get("changes")
        if isinstance(changes, list):
            check_future(changes, now)

        def work(conn: psycopg.Connection) -> dict[str, Any]:
            device, site = store.authenticate(conn, token)
            ack = store.push(conn, site, device, body)
            if grown(ack["applied"]):
                store.analyze(conn)
            return ack

        return _json(await run_in_threadpool(run, work))

    @app.get("/v1/pull")
    async def pull(request: Request, cursor: int = 0, limit: int = 5000) -> Response:
        version = version_of(request)
        token = token_of(request)
        if version >= 2:
            check_skew(client_ms(request), store.server_ms())

        def work(conn: psycopg.Connection) -> dict[str, Any]:
            _device, site = store.authenticate(conn, token)
            return store.pull(conn, site, cursor, limit)

        return _json(await run_in_threadpool(run, work))

    def blob_auth(request: Request, sha256: str) -> str | None:
        version_of(request)
        if not _SHA.match(sha256):
            raise SyncError(BAD_REQUEST, "blobs are named by their lowercase SHA-256")
        return token_of(request)

    @app.head("/v1/blobs/{sha256}")
    async def blob_head(request: Request, sha256: str) -> Response:
        token = blob_auth(request, sha256)

        def work(conn: psycopg.Connection) -> tuple[int, bool]:
            _device, site = store.authenticate(conn, token)
            store.blob_allowed(conn, site, sha256)
            return store.blob_status(conn, sha256)

        received, complete = await run_in_threadpool(run, work)
        return Response(status_code=200 if complete else 404 if received == 0 else 206,
                        headers={"Upload-Offset": str(received),
                                 "Upload-Complete": "1" if complete else "0"})

    @app.put("/v1/blobs/{sha256}")
    async def blob_put(request: Request, sha256: str) -> Response:
        """Chunked, resumable upload: ``Content-Range: bytes START-END/TOTAL``; a chunk that
        does not start where the server stands is answered with the offset to resume from."""
        token = blob_auth(request, sha256)
        match = _RANGE.match(request.headers.get("Content-Range", ""))
        data = await read(request)
        if match is None:
            offset, total = 0, len(data)
        else:
            offset = int(match[1])
            total = None if match[3] == "*" else int(match[3])

        def work(conn: psycopg.Connection) -> tuple[int, bool]:
            _device, site = store.authenticate(conn, token)
            store.blob_allowed(conn, site, sha256)
            return store.blob_put(conn, sha256, offset, data, total)

        received, complete = await run_in_threadpool(run, work)
        return _json({"received": received, "complete": complete},
                     status=200 if complete or received == offset + len(data) else 409)

    @app.get("/v1/blobs/{sha256}")
    async def blob_get(request: Request, sha256: str) -> Response:
        token = blob_auth(request, sha256)
        start = 0
        match = re.match(r"^bytes=(\d+)-$", request.headers.get("Range", ""))
        if match:
            start = int(match[1])

        def work(conn: psycopg.Connection) -> list[bytes]:
            _device, site = store.authenticate(conn, token)
            store.blob_allowed(conn, site, sha256)
            received, complete = store.blob_status(conn, sha256)
            if not complete:
                return []
            return list(store.blob_read(conn, sha256, start))

        chunks = await run_in_threadpool(run, work)
        if not chunks and start == 0:
            return _json({"error": "not_found", "message": "no such blob"}, status=404)
        return StreamingResponse(iter(chunks), status_code=206 if start else 200,
                                 media_type="application/octet-stream")

    return app
