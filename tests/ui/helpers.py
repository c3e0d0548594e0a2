"""Shared helpers for the window tests."""

from __future__ import annotations

#: Messages the offscreen platform prints because it has no window manager; not our warnings.
OFFSCREEN_LIMITS = (
    "propagateSizeHints",
    r"does not support raise\(\)",
    "does not support grabbing the keyboard",
)
