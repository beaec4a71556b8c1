"""Entry script of the frozen app: the same start-up as ``python -m desktop``."""

import sys

from desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
