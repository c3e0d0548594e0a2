"""Reusable widgets of the window: money field, ZOPA chart, readiness list, summary panel."""

from worksheet.ui.widgets._none_guard import protect_none

# Any window that uses these widgets paints with Qt, so guard the interpreter here too
# (see _none_guard: PySide6 6.12 + Python 3.11 leak None references on void calls).
protect_none()
