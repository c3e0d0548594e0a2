"""Reusable widgets of the window: money field, ZOPA chart, readiness list, summary panel."""
