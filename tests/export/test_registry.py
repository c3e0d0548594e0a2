"""The exporter registry: one list of outputs that the command line and the window share."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from worksheet.export.registry import EXPORTERS, exporter
from worksheet.io import load


def test_every_exporter_loads_and_writes(tmp_path: Path) -> None:
    deal = load(SAMPLES / "job-offer.deal")
    for key, chosen in EXPORTERS.items():
        out = tmp_path / f"x{chosen.suffix}"
        chosen.run(deal, out, discreet=False, paper="a4", unknown_option=1)
        assert out.stat().st_size > 1000, key


def test_unknown_exporter_is_named() -> None:
    with pytest.raises(KeyError, match="pdf, xlsx"):
        exporter("docx")


def test_the_command_line_and_the_window_use_the_registry() -> None:
    root = Path(__file__).resolve().parents[2] / "worksheet"
    for module in ("cli.py", "ui/export_flow.py"):
        text = (root / module).read_text()
        assert "worksheet.export.registry" in text, module
        assert "import export_pdf" not in text and "import export_xlsx" not in text, module
