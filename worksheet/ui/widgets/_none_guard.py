"""Work-around: PySide6 6.12.0 on Python < 3.12 drops a reference to None on every void Qt call.

pyproject.toml excludes that release on those Pythons (6.11.3 is fine), so this guard only acts
when someone runs the app on an environment that already has the buggy pair installed.

Measured here: each `QPainter.setPen`, `QLabel.setText`, `QWidget.update`… lowers
`sys.getrefcount(None)` by one and never gives it back. Once the count has sunk far enough the
interpreter aborts with "Fatal Python error: none_dealloc" (exit 134), typically at exit and
after a few dozen chart repaints. Python 3.12 made None immortal, so there the stray decrements
do no harm. On 3.11 we give None so many references that no session can use them up — the same
idea 3.12 adopted. Best called once at start-up, before Qt is used (the composition root).
"""

from __future__ import annotations

import sys

_BALLAST = 1 << 40
_applied = False


def protect_none() -> bool:
    """Raise None's reference count far out of reach on CPython < 3.12; True if it did."""
    global _applied
    if _applied or sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    import PySide6

    if not PySide6.__version__.startswith("6.12.0"):
        return False
    import ctypes  # only on the affected pair: ctypes costs start-up time everywhere else

    # ob_refcnt is the first field of every CPython object; id() is the object's address.
    ctypes.c_ssize_t.from_address(id(None)).value += _BALLAST
    _applied = True
    return True
