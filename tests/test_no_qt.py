"""The core, the command line and `summary` run without Qt, reportlab or openpyxl loaded."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, SAMPLES
from worksheet.io import load

HEAVY = ("PySide6", "shiboken6", "reportlab", "openpyxl")
SAMPLE = str(SAMPLES / "software-renewal.deal")
MARK = "@@modules@@"


def _python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        timeout=60,
    )


def _loaded(stdout: str) -> dict:
    line = next(x for x in stdout.splitlines() if x.startswith(MARK))
    return json.loads(line[len(MARK) :])


REPORT = f"""
heavy = sorted(m for m in sys.modules if m.split(".")[0] in {HEAVY!r})
print({MARK!r} + json.dumps({{"rc": rc, "heavy": heavy, "count": len(sys.modules)}}))
"""


def test_importing_the_core_and_running_summary_loads_no_heavy_library() -> None:
    code = f"""
import json, sys
import worksheet, worksheet.domain, worksheet.io, worksheet.cli, worksheet.export, worksheet.app
import worksheet.domain.summary, worksheet.present.sentences, worksheet.io.document
import worksheet.paths
from worksheet.cli import main
rc = main(["summary", {SAMPLE!r}, "--json"])
rc = rc or main(["summary", {SAMPLE!r}])
{REPORT}
"""
    result = _python(code)
    assert result.returncode == 0, result.stderr
    report = _loaded(result.stdout)
    assert report["rc"] == 0
    assert report["heavy"] == []


def test_the_entry_point_through_runpy_loads_no_heavy_library() -> None:
    # What `deal-worksheet summary FILE` and `python -m worksheet summary FILE` run.
    code = f"""
import json, runpy, sys
sys.argv = ["deal-worksheet", "summary", {SAMPLE!r}, "--json"]
try:
    runpy.run_module("worksheet", run_name="__main__")
    rc = None
except SystemExit as exc:
    rc = exc.code
{REPORT}
"""
    result = _python(code)
    assert result.returncode == 0, result.stderr
    report = _loaded(result.stdout)
    assert report["rc"] == 0
    assert report["heavy"] == []
    # the summary itself was printed before the report
    assert '"zopa"' in result.stdout


def _script() -> str:
    beside = Path(sys.executable).with_name("deal-worksheet")
    found = str(beside) if beside.exists() else shutil.which("deal-worksheet")
    assert found, "the deal-worksheet script is not installed (pip install -e .)"
    return found


def test_installed_script_imports_no_heavy_library() -> None:
    # -X importtime lists every module the real console script imports, on stderr.
    result = subprocess.run(
        [sys.executable, "-X", "importtime", _script(), "summary", SAMPLE],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    imported = [
        line.rsplit("|", 1)[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    ]
    assert "worksheet.cli" in imported and "worksheet.domain.summary" in imported
    assert [m for m in imported if m.split(".")[0] in HEAVY] == []
    assert result.stdout.startswith(load(SAMPLE).title + "\n")


def test_the_table_modules_and_calibration_load_no_heavy_library(tmp_path) -> None:
    shutil.copy(SAMPLE, tmp_path / "one.deal")
    code = f"""
import json, sys
import worksheet.domain.meeting, worksheet.domain.calibration, worksheet.library
import worksheet.present.meeting, worksheet.present.library
from worksheet.cli import main
rc = main(["calibration", {str(tmp_path)!r}, "--json"])
rc = rc or main(["calibration", {str(tmp_path)!r}])
{REPORT}
"""
    result = _python(code)
    assert result.returncode == 0, result.stderr
    report = _loaded(result.stdout)
    assert report["rc"] == 0
    assert report["heavy"] == []
