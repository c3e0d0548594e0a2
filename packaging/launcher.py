"""Entry point of the frozen app: Deal Worksheet's own `worksheet.app:main`, nothing more."""

from __future__ import annotations

import sys

from worksheet.app import main

if __name__ == "__main__":
    sys.exit(main())
