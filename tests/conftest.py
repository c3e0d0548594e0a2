"""Shared test set-up: Qt offscreen, and every user folder pointed at a temp folder per test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests check behaviour, never speed: no per-example deadline (a busy machine must not
# turn a slow example into a failure). Under CI the examples are derandomized, so a run on main
# is reproducible; local runs keep exploring new examples every time.
settings.register_profile("dev", deadline=None, print_blob=True)
settings.register_profile("ci", deadline=None, print_blob=True, derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QPA_FONTDIR", "/usr/share/fonts/truetype/dejavu")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path_factory, monkeypatch):
    """Data, config and autosave folders live in a fresh temp folder for each test."""
    from worksheet import paths

    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("DEAL_WORKSHEET_HOME", str(home))
    paths.set_base(home)
    yield home
    paths.set_base(None)


@pytest.fixture
def sample_paths() -> list[Path]:
    found = sorted(SAMPLES.glob("*.deal"))
    assert len(found) >= 3
    return found
