"""The deal library window (File › Deal Library): every deal in a folder, with calibration."""

from __future__ import annotations

from worksheet.ui.library.window import LibraryWindow

__all__ = ["LibraryWindow"]
