"""Starting the service with uvicorn."""

from __future__ import annotations

import uvicorn

from server.app import create_app


def serve(database_url: str, host: str = "127.0.0.1", port: int = 8765) -> None:
    # One process: the work is in PostgreSQL and the sync handlers run on uvicorn's thread
    # pool; put several behind the reverse proxy if one is not enough.
    uvicorn.run(create_app(database_url), host=host, port=port, proxy_headers=True,
                log_level="info")
