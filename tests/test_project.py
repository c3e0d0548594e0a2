"""The project's own promises: README's commands, .ci/run, and the package metadata agree."""

from __future__ import annotations

import re

import worksheet
from tests.conftest import ROOT


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(scripts/setup[^\n]*)\n```", text)


def test_readme_has_the_two_setup_commands():
    commands = _readme_commands()
    assert len(commands) == 2, commands
    run, test = commands
    assert "deal-worksheet resources/samples/" in run
    sample = run.rsplit(" ", 1)[-1]
    assert (ROOT / sample).is_file()
    assert "pytest" in test and "scripts/setup --test" in test
    assert run.startswith("scripts/setup && ")


def test_setup_installs_what_readme_and_ci_name():
    """scripts/setup is the one place the system packages are listed for both commands."""
    import os

    script = ROOT / "scripts" / "setup"
    assert os.access(script, os.X_OK)
    text = script.read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = re.findall(r"sudo apt-get install ([^\n]*(?:\\\n[^\n]*)*)", readme)
    wanted = set(" ".join(listed).replace("\\", " ").split())
    assert "python3-venv" in wanted and "libxcb-cursor0" in wanted
    for package in [*wanted, "poppler-utils", "libreoffice-calc-nogui", "xvfb", "appstream"]:
        assert re.search(rf"(?<![\w-]){re.escape(package)}(?![\w-])", text), package
    assert "sudo" in text and "--no-install-recommends" in text


def test_ci_runs_exactly_the_readme_test_command():
    test_command = _readme_commands()[1]
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    commands = [line for line in ci_lines if line.strip() and not line.lstrip().startswith("#")]
    assert commands[-1] == test_command


def _project_table() -> str:
    """The `[project]` table of pyproject.toml as text (tomllib needs Python 3.11; we support
    3.10, so the few keys checked here are read with regular expressions)."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    return re.search(r"^\[project\]\n(.*?)(?=^\[(?!project\.)|\Z)", text, re.S | re.M).group(1)


def test_version_agrees_with_pyproject():
    table = _project_table()
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    version = re.search(r'^version\s*=\s*"([^"]+)"', table, re.M).group(1)
    assert version == worksheet.__version__
    assert re.search(r'^deal-worksheet\s*=\s*"worksheet\.app:main"', text, re.M)
    # up to the closing bracket on its own line: an extra such as reportlab[shaping] has one too
    deps = re.search(r"^dependencies\s*=\s*\[(.*?)^\]", table, re.S | re.M).group(1).lower()
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


def test_docs_link_only_inside_the_repository():
    """A person who clones the repository has every page the README and docs point to."""
    import re

    pages = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+:", target) or target.startswith("#"):
                continue  # a web address or an anchor on the same page
            path = (page.parent / target.split("#")[0]).resolve()
            assert path.is_relative_to(ROOT.resolve()), (page.name, target)
            assert path.exists(), (page.name, target)
        assert "../shared" not in text, page.name
