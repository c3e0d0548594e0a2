"""Command words and the window's start: unknown commands, several summaries, no display."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES
from tests.test_cli import one_error_line, run
from worksheet.display import display_problem, missing_x11_packages

SAMPLE_FILES = sorted(SAMPLES.glob("*.deal"))


@pytest.mark.parametrize("word", ["help", "sumary", "exprot", "open"])
def test_a_mistyped_command_word_is_an_unknown_command(word: str, tmp_path: Path) -> None:
    err = one_error_line(run(word, "x.deal" if word != "help" else "--json", cwd=tmp_path))
    assert f"unknown command '{word}'" in err
    assert "summary" in err and "export" in err


def test_an_existing_file_named_like_a_word_still_opens(tmp_path: Path) -> None:
    # Not a command: the window path is taken, which here has no display and says so.
    (tmp_path / "help").write_text("{}")
    env = {"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": ""}
    err = one_error_line(run("help", cwd=tmp_path, env=env))
    assert "unknown command" not in err and "no display" in err


def test_without_a_display_the_window_says_so_in_one_line() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("PYTHONWARNINGS", None)
    result = subprocess.run(
        [sys.executable, "-m", "worksheet", str(SAMPLE_FILES[0])],
        capture_output=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    err = one_error_line(result)
    assert "no display" in err and "xvfb-run" in err
    assert "xcb" not in err and "plugin" not in err


def test_the_display_check_reads_the_environment() -> None:
    if sys.platform in ("win32", "darwin"):
        pytest.skip("these systems always have a screen for the window")
    assert "no display" in display_problem({})
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}) is None
    x11 = display_problem({"DISPLAY": ":0"})
    assert x11 is None if not missing_x11_packages() else "apt-get install" in x11


def test_summary_of_several_files_heads_each_with_its_name() -> None:
    result = run("summary", *map(str, SAMPLE_FILES))
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode()
    for path in SAMPLE_FILES:
        assert f"==> {path} <==" in text
    assert text.count("Readiness:") == len(SAMPLE_FILES)


def test_summary_json_of_several_files_is_a_list_in_order() -> None:
    result = run("summary", "--json", *map(str, SAMPLE_FILES))
    assert result.returncode == 0, result.stderr
    many = json.loads(result.stdout)
    singles = [json.loads(run("summary", "--json", str(p)).stdout) for p in SAMPLE_FILES]
    assert many == singles


def test_summary_goes_on_past_a_bad_file_and_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.deal"
    bad.write_text("hello")
    result = run("summary", str(SAMPLE_FILES[0]), str(bad))
    assert result.returncode == 2
    err = result.stderr.decode()
    assert err.count("\n") == 1 and str(bad) in err and "not valid JSON" in err
    assert "Readiness:" in result.stdout.decode()


def test_qt_debug_plugins_speaks_without_debug(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    result = run(
        "--screenshot",
        str(out),
        env={"QT_DEBUG_PLUGINS": "1", "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert out.is_file()
    # Qt's plugin loader reports what it looked at; our log filter no longer hides it.
    assert b"qt.core.plugin" in result.stderr or b"QFactoryLoader" in result.stderr


def test_a_screenshot_needs_no_display(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("PYTHONWARNINGS", None)
    out = tmp_path / "shot.png"
    result = subprocess.run(
        [sys.executable, "-m", "worksheet", "--screenshot", str(out)],
        capture_output=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
