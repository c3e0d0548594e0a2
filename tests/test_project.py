"""The project's own promises: README's commands, .ci/run, and the package metadata agree."""

from __future__ import annotations

import re

import tomllib

import worksheet
from tests.conftest import ROOT


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(python3 -m venv[^\n]*)\n```", text)


def test_readme_has_the_two_setup_commands():
    commands = _readme_commands()
    assert len(commands) == 2, commands
    run, test = commands
    assert "deal-worksheet resources/samples/" in run
    sample = run.rsplit(" ", 1)[-1]
    assert (ROOT / sample).is_file()
    assert "pytest" in test and ".[test]" in test


def test_ci_runs_exactly_the_readme_test_command():
    test_command = _readme_commands()[1]
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    commands = [line for line in ci_lines if line.strip() and not line.lstrip().startswith("#")]
    assert commands[-1] == test_command


def test_version_agrees_with_pyproject():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert meta["project"]["version"] == worksheet.__version__
    assert meta["project"]["scripts"]["deal-worksheet"] == "worksheet.app:main"
    deps = " ".join(meta["project"]["dependencies"]).lower()
    for name in ("pyside6-essentials", "openpyxl", "reportlab", "platformdirs"):
        assert name in deps
    assert "appdirs" not in deps.replace("platformdirs", "")


def test_code_passes_the_linter():
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "worksheet", "tests", "packaging"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout[-3000:]
