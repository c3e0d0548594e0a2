"""Saves killed with SIGKILL at random moments: the file is always the old or the new version,
and the temp file a killed save leaves is gone after the next save."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

KILLS = 120


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the driver forks its savers")
def test_killed_saves_never_corrupt_and_leave_nothing_behind(tmp_path: Path) -> None:
    seed = int.from_bytes(os.urandom(4), "big")
    result = subprocess.run(
        [sys.executable, "-m", "tests.io.kill_driver", str(tmp_path), str(KILLS), str(seed)],
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr.decode()
    findings = json.loads(result.stdout)
    assert findings["kills"] == KILLS, f"seed {seed}"
    assert findings["bad"] == [], f"seed {seed}: a killed save left a broken file"
    assert findings["stray"] == [], f"seed {seed}: temp files survived the next save"
    # The kills really landed in different places: both versions were seen on disk.
    assert findings["seen"]["old"] and findings["seen"]["new"], findings
    assert sorted(os.listdir(tmp_path)) == ["deal.deal"]
