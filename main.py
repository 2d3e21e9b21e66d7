"""SafeDesk 安全台: no command opens the window; commands do headless work (see --help)."""

import sys


def main() -> int:
    from cli.commands import main as run

    return run(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
