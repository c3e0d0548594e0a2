"""The layering the presentation layer promises: `worksheet.present` needs neither Qt nor
reportlab nor openpyxl, and the PDF and workbook exporters never import each other.

Checked twice: by importing in a fresh interpreter (what really gets loaded), and by reading
every import statement of the packages (so a lazy import inside a function counts too).
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "worksheet"
HEAVY = ("PySide6", "shiboken6", "reportlab", "openpyxl")


def imports_of(folder: Path) -> dict[str, set[str]]:
    """Module file -> every module name its import statements name (at any depth)."""
    found: dict[str, set[str]] = {}
    for path in sorted(folder.rglob("*.py")):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module)
        found[str(path.relative_to(ROOT))] = names
    return found


def test_present_imports_no_heavy_library_in_a_fresh_interpreter() -> None:
    modules = [p.stem for p in (PACKAGE / "present").glob("*.py") if p.stem != "__init__"]
    code = (
        "import json, sys\n"
        + "".join(f"import worksheet.present.{m}\n" for m in modules)
        + "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        + repr(HEAVY)
        + ")))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == []
    assert {"words", "numbers", "sentences", "discreet", "chart", "summary"} <= set(modules)


def test_present_source_never_names_a_heavy_library() -> None:
    for module, names in imports_of(PACKAGE / "present").items():
        heavy = {n for n in names if n.split(".")[0] in HEAVY}
        assert not heavy, (module, heavy)
        # nor the outputs that render it
        outputs = {n for n in names if n.startswith(("worksheet.ui", "worksheet.export"))}
        assert not outputs, (module, outputs)


@pytest.mark.parametrize(("one", "other"), [("pdf", "xlsx"), ("xlsx", "pdf")])
def test_exporters_never_import_each_other(one: str, other: str) -> None:
    for module, names in imports_of(PACKAGE / "export" / one).items():
        crossing = {n for n in names if n.startswith(f"worksheet.export.{other}")}
        assert not crossing, (module, crossing)
        heavy = {"pdf": "openpyxl", "xlsx": "reportlab"}[one]
        assert not {n for n in names if n.split(".")[0] == heavy}, module
