"""The command line never destroys a file, never hangs on an odd path, never shows a traceback."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES
from tests.test_cli import one_error_line, run

SAMPLE = SAMPLES / "software-renewal.deal"


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "s.deal"
    path.write_bytes(SAMPLE.read_bytes())
    return path


def _device(folder: Path) -> Path:
    """A private character device like /dev/null (1, 3), made in the test's own folder."""
    node = folder / "null-like"
    try:
        os.mknod(node, stat.S_IFCHR | 0o600, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs CAP_MKNOD")
    return node


def test_export_onto_its_own_source_is_refused(source: Path) -> None:
    before = source.read_bytes()
    for flag in ("--pdf", "--xlsx"):
        err = one_error_line(run("export", str(source), flag, str(source)))
        assert "the file being read" in err
        assert source.read_bytes() == before
    # Also through another spelling of the same file, and through a link to it.
    link = source.parent / "link.pdf"
    link.symlink_to(source)
    one_error_line(run("export", str(source), "--pdf", str(link)))
    one_error_line(run("export", str(source), "--pdf", str(source.parent / "." / source.name)))
    assert source.read_bytes() == before


def test_export_onto_a_fifo_is_refused_and_leaves_it(source: Path) -> None:
    fifo = source.parent / "pipe.pdf"
    os.mkfifo(fifo)
    err = one_error_line(run("export", str(source), "--pdf", str(fifo)))
    assert "pipe" in err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_export_onto_a_device_is_refused_and_leaves_it(source: Path) -> None:
    node = _device(source.parent)
    err = one_error_line(run("export", str(source), "--xlsx", str(node)))
    assert "device" in err
    assert stat.S_ISCHR(node.lstat().st_mode)
    assert sorted(p.name for p in source.parent.iterdir()) == ["null-like", "s.deal"]


def test_both_outputs_to_one_path_are_refused(source: Path) -> None:
    out = source.parent / "both"
    err = one_error_line(run("export", str(source), "--pdf", str(out), "--xlsx", str(out)))
    assert "two outputs" in err
    assert not out.exists()


@pytest.mark.parametrize("kind", ["fifo", "loop", "device", "folder"])
def test_strange_inputs_return_at_once_with_one_line(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "in.deal"
    if kind == "fifo":
        os.mkfifo(path)  # nobody writes: a plain open would wait for ever
    elif kind == "loop":
        path.symlink_to(tmp_path / "other.deal")
        (tmp_path / "other.deal").symlink_to(path)
    elif kind == "device":
        path = _device(tmp_path)
    else:
        path.mkdir()
    for args in (["summary", str(path)], ["export", str(path), "--pdf", str(tmp_path / "o.pdf")]):
        result = run(*args)  # a hang would end in run()'s timeout and fail
        err = one_error_line(result)
        word = {"fifo": "pipe", "loop": "loop", "device": "device", "folder": "folder"}[kind]
        assert word in err
    assert not (tmp_path / "o.pdf").exists()


@pytest.mark.parametrize("kind", ["fifo", "loop"])
def test_the_loader_refuses_strange_inputs_within_a_second(tmp_path: Path, kind: str) -> None:
    # The same as above, timed without the start-up of a new Python.
    from worksheet.io import DealFileError, load

    path = tmp_path / "in.deal"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to(path)
    started = time.monotonic()
    with pytest.raises(DealFileError) as info:
        load(path)
    assert time.monotonic() - started < 1.0
    assert "\n" not in str(info.value)


def test_summary_to_a_full_disk_ends_with_one_line() -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "worksheet", "summary", str(SAMPLE)],
            stdout=full,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            timeout=60,
        )
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert "Traceback" not in err and err.count("\n") == 1
    assert "No space left" in err
    # --json as well.
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "worksheet", "summary", str(SAMPLE), "--json"],
            stdout=full,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            timeout=60,
        )
    assert result.returncode == 2 and result.stderr.decode().count("\n") == 1


def test_summary_for_people_drops_terminal_escapes_but_json_keeps_them(tmp_path: Path) -> None:
    import json

    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["title"] = "Evil \x1b]0;owned\x07\x1b[31mred\x1b[0m \x9b2J end"
    path = tmp_path / "evil.deal"
    path.write_text(json.dumps(data), encoding="utf-8")
    people = run("summary", str(path))
    assert people.returncode == 0
    out = people.stdout.decode()
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    assert out.splitlines()[0] == "Evil red 2J end"
    machine = run("summary", str(path), "--json")
    assert json.loads(machine.stdout)["title"] == data["title"]


def test_duplicate_keys_are_refused_with_their_path(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "dup.deal"
    path.write_text(text.replace('"walk_away":', '"walk_away": "1", "walk_away":', 1))
    err = one_error_line(run("summary", str(path)))
    assert "anchors.walk_away" in err and "twice" in err


def test_an_error_about_a_name_with_a_line_break_stays_on_one_line(tmp_path: Path) -> None:
    odd = tmp_path / "two\nlines.deal"
    os.mkfifo(odd)
    err = one_error_line(run("summary", str(odd)))
    assert "two\\nlines.deal" in err
    err = one_error_line(run("--screenshot", str(tmp_path / "o.png"), str(odd)))
    assert "two\\nlines.deal" in err
