"""Fixtures for the widget tests: sample deals with their summaries, and a dark palette."""

from __future__ import annotations

import copy
from collections.abc import Callable

import pytest

from tests.conftest import SAMPLES
from worksheet.domain.deal import Deal
from worksheet.domain.summary import Summary, summarize
from worksheet.io.document import load


@pytest.fixture
def sample() -> Callable[[str], Deal]:
    """Load a sample deal by file stem, as a fresh copy each time."""

    def _load(stem: str) -> Deal:
        return copy.deepcopy(load(SAMPLES / f"{stem}.deal"))

    return _load


@pytest.fixture
def summary_of() -> Callable[[Deal], Summary]:
    return summarize


@pytest.fixture
def dark_palette():
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#1e1f22"),
        (QPalette.ColorRole.WindowText, "#e8e8e8"),
        (QPalette.ColorRole.Base, "#2b2d30"),
        (QPalette.ColorRole.Text, "#e8e8e8"),
        (QPalette.ColorRole.Button, "#2b2d30"),
        (QPalette.ColorRole.ButtonText, "#e8e8e8"),
        (QPalette.ColorRole.PlaceholderText, "#8c8c8c"),
    ):
        palette.setColor(role, QColor(colour))
    return palette
