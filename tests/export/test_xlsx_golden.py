"""The workbook of the software-renewal sample, part by part, against a golden file.

Any change to the workbook shows up here. After a deliberate change, regenerate it with

    python3 -m worksheet export resources/samples/software-renewal.deal \\
        --xlsx tests/export/golden/software-renewal.xlsx

and look at it recalculated (soffice --headless --convert-to pdf) before committing it.
Only the creation and modification times in docProps/core.xml may differ between runs.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from tests.conftest import SAMPLES
from worksheet.export.xlsx import export_xlsx
from worksheet.io import load

GOLDEN = Path(__file__).parent / "golden" / "software-renewal.xlsx"
_TIMES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: _TIMES.sub(rb"\1\2", z.read(n)) for n in z.namelist()}


def test_workbook_matches_the_golden_file(tmp_path: Path) -> None:
    out = tmp_path / "renewal.xlsx"
    export_xlsx(load(SAMPLES / "software-renewal.deal"), out)
    got, want = parts(out), parts(GOLDEN)
    assert sorted(got) == sorted(want)
    changed = [name for name in want if got[name] != want[name]]
    assert not changed, (
        f"the workbook changed in {changed}; if on purpose, regenerate the golden file"
    )
