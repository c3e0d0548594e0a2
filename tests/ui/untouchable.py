"""A list that fails the test if anything walks it: proves a widget never reads the list."""

from __future__ import annotations


class Untouchable(list):
    """Holds the concessions while a widget paints; any iteration, length or item access fails."""

    def _refuse(self, *args, **kwargs):
        raise AssertionError("the widget walked the concessions; it must only read the summary")

    __iter__ = __len__ = __getitem__ = __contains__ = __reversed__ = _refuse
