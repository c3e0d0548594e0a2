"""`python -m worksheet`."""

import sys

from worksheet.app import main

sys.exit(main())
