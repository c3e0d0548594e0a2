"""The meeting view (View › At the Table): a calm, large screen for use during the talk."""

from __future__ import annotations

from worksheet.ui.meeting.view import MeetingView

__all__ = ["MeetingView"]
