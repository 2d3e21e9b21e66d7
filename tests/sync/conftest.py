"""Fixtures for sync tests: one real PostgreSQL per session, a live server per test module."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator

import pytest

from tests.sync.pgcluster import LiveServer, TempCluster, find_bindir

# Tests never touch the developer's real keyring: the protected-file fallback is used, as on
# a headless Linux without a keyring backend.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

_names = itertools.count(1)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[TempCluster]:
    bindir = find_bindir()
    if bindir is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("PostgreSQL binaries are missing on CI (make test installs postgresql)")
        pytest.skip("PostgreSQL binaries (initdb) are not installed")
    cluster = TempCluster(bindir).start()
    yield cluster
    cluster.stop()


@pytest.fixture
def database_url(pg_cluster: TempCluster) -> Iterator[str]:
    name = f"sync_test_{os.getpid()}_{next(_names)}"
    yield pg_cluster.create_db(name)
    pg_cluster.drop_db(name)


@pytest.fixture
def live_server(database_url: str) -> Iterator[LiveServer]:
    server = LiveServer(database_url).start()
    yield server
    server.stop()
