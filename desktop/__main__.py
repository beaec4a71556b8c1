"""``python -m desktop``: the desktop app."""

import sys


def main() -> int:
    from desktop.ui.app import run

    return run(sys.argv)


if __name__ == "__main__":
    sys.exit(main())
