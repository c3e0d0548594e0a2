"""`deal-worksheet --screenshot OUT.png [FILE]` as a user runs it: a separate process, offscreen."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage

from tests.conftest import ROOT


def run_app(*args: str, home) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DEAL_WORKSHEET_HOME=str(home))
    return subprocess.run(
        [sys.executable, "-m", "worksheet", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_screenshot_writes_a_1280_by_800_png(tmp_path, isolated_user_folders, dark):
    out = tmp_path / "shot.png"
    done = run_app(
        "--screenshot", str(out), *(["--dark"] if dark else []), home=isolated_user_folders
    )
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    # The window was really drawn: a dark palette gives a dark picture, a light one a light picture.
    corner = image.pixelColor(640, 790).lightnessF()
    assert (corner < 0.4) if dark else (corner > 0.6)
    # A screenshot run leaves no traces: no autosave, no settings that change the next start.
    assert not (isolated_user_folders / "data" / "autosave").exists() or not any(
        (isolated_user_folders / "data" / "autosave").iterdir()
    )


def test_screenshot_of_a_given_file(tmp_path, isolated_user_folders, sample_paths):
    out = tmp_path / "job.png"
    done = run_app(str(sample_paths[1]), "--screenshot", str(out), home=isolated_user_folders)
    assert done.returncode == 0, done.stderr
    assert QImage(str(out)).width() == 1280


def test_screenshot_failures_print_one_line_and_exit_non_zero(tmp_path, isolated_user_folders):
    bad = tmp_path / "bad.deal"
    bad.write_text("{not json")
    done = run_app(str(bad), "--screenshot", str(tmp_path / "x.png"), home=isolated_user_folders)
    assert done.returncode != 0
    assert len(done.stderr.strip().splitlines()) == 1 and "bad.deal" in done.stderr

    done = run_app(
        "--screenshot", str(tmp_path / "no-folder" / "x.png"), home=isolated_user_folders
    )
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "x.png" in lines[0], done.stderr


def test_screenshot_is_1280_by_800_on_a_high_dpi_screen(
    tmp_path, isolated_user_folders, monkeypatch
):
    monkeypatch.setenv("QT_SCALE_FACTOR", "2")
    out = tmp_path / "hidpi.png"
    done = run_app("--screenshot", str(out), home=isolated_user_folders)
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
