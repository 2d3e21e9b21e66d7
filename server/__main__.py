"""`python -m server --database-url URL [--host H] [--port P]`: the sync service on its own
(the same as `python main.py serve ...`, without the desktop's dependencies)."""

import argparse

from server.run import serve


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m server")
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    serve(args.database_url, args.host, args.port)


if __name__ == "__main__":
    main()
