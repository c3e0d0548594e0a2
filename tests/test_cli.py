"""The command line as a user runs it: `python -m worksheet` in a subprocess (spec §2.4)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES
from worksheet import __version__
from worksheet.domain.summary import summarize, summary_to_dict
from worksheet.io import load

SAMPLE_FILES = sorted(SAMPLES.glob("*.deal"))


def run(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None):
    full_env = {**os.environ, **(env or {})}
    full_env.pop("PYTHONWARNINGS", None)
    return subprocess.run(
        [sys.executable, "-m", "worksheet", *args],
        capture_output=True,
        env=full_env,
        cwd=cwd or ROOT,
        timeout=60,
    )


def one_error_line(result) -> str:
    """The run failed the way the spec says: exit 2, one line on stderr, nothing on stdout."""
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 2, err
    assert "Traceback" not in err
    assert err.endswith("\n") and err.count("\n") == 1, repr(err)
    assert result.stdout == b""
    assert err.startswith("deal-worksheet: error: ")
    return err


# A seller deal with the numbers of the spec's worked example shape, to check by hand:
# W = 104000; package: (900, 3500), (4000, 9000), (6000, 7500); outside it (0, unset).
# C = 900 + 4000 + 6000 = 10900, V = 3500 + 9000 + 7500 = 20000, s = 104000 + 10900 = 114900.
# L, M, H = 88000, 100000, 112000 → lo, mid, hi = 108000, 120000, 132000.
# worst: 114900 ≤ 108000? no → null. likely [114900, 120000], best [114900, 132000].
# F(114900) = (114900 − 108000)² / ((132000 − 108000)(120000 − 108000))
#           = 6900² / (24000 · 12000) = 47,610,000 / 288,000,000 = 0.1653125
# p = 1 − 0.1653125 = 0.8346875 → 0.8347.
HAND_DEAL = {
    "format": "deal-worksheet",
    "version": 1,
    "title": "Northwind — renewal «2027» 🚚",
    "role": "seller",
    "currency": "USD",
    "anchors": {"target": "118000", "opening": "126000", "walk_away": "104000"},
    "their_estimate": {
        "walk_away_low": "88000",
        "walk_away_likely": "100000",
        "walk_away_high": "112000",
    },
    "concessions": [
        {"cost_to_us": "900", "value_to_them": "3500", "in_package": True, "ask_in_return": "x"},
        {"cost_to_us": "4000", "value_to_them": "9000", "in_package": True},
        {"cost_to_us": "6000", "value_to_them": "7500", "in_package": True},
        {"cost_to_us": "0", "value_to_them": None, "in_package": False},
    ],
}


@pytest.fixture
def hand_file(tmp_path: Path) -> Path:
    path = tmp_path / "hand.deal"
    path.write_text(json.dumps(HAND_DEAL, ensure_ascii=False), encoding="utf-8")
    return path


def test_summary_json_by_hand(hand_file: Path) -> None:
    result = run("summary", str(hand_file), "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    out = json.loads(result.stdout.decode("utf-8"))
    assert out == {
        "title": "Northwind — renewal «2027» 🚚",
        "role": "seller",
        "currency": "USD",
        "zopa": {
            "status": "possible",
            "worst": None,
            "likely": {"low": "114900", "high": "120000"},
            "best": {"low": "114900", "high": "132000"},
            "probability": 0.8347,
            "gap": None,
        },
        "package": {"cost_to_us": "10900", "value_to_them": "20000"},
        # The version 1 ticks became package p1 (no ask). Its best ask, s = 114900 on the
        # falling side: (hi + 2s) / 3 = (132000 + 229800) / 3 = 120600 ≥ mid = 120000.
        "packages": [
            {
                "id": "p1",
                "name": "Package 1",
                "ask": None,
                "cost_to_us": "10900",
                "value_to_them": "20000",
                "net": None,
                "acceptance": None,
                "expected_value": None,
                "best_ask": "120600",
            }
        ],
        "meso": False,
        "warnings": [],
        # done: target, walk_away, their_estimate, trades; missing: goal, batna, questions
        "readiness": {"done": 4, "total": 7, "missing": ["goal", "batna", "questions"]},
    }
    assert "—".encode() in result.stdout  # non-ASCII written as UTF-8, not \u escapes


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name)
def test_summary_json_of_each_sample(sample: Path) -> None:
    result = run("summary", str(sample), "--json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout.decode("utf-8"))
    deal = load(sample)
    assert out == json.loads(json.dumps(summary_to_dict(deal, summarize(deal))))
    assert out["title"] == deal.title
    for zone in ("worst", "likely", "best"):
        if out["zopa"][zone] is not None:
            low, high = out["zopa"][zone]["low"], out["zopa"][zone]["high"]
            assert isinstance(low, str) and isinstance(high, str)
            assert float(low) <= float(high)


def test_summary_for_people(hand_file: Path) -> None:
    result = run("summary", str(hand_file))
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode("utf-8")
    assert text.splitlines()[0] == "Northwind — renewal «2027» 🚚"
    assert "We are the seller; amounts in USD." in text
    assert "likely  $114,900\u00a0– $120,000" in text
    assert "best    $114,900\u00a0– $132,000" in text
    assert "chance  83%" in text
    assert "Readiness: 4 of 7" in text
    assert "Package: costs us $10,900, worth $20,000 to them." in text


def test_summary_with_hostile_text_never_crashes(tmp_path: Path) -> None:
    # A lone surrogate (legal in JSON), a bidi override, a NUL and an escape sequence.
    path = tmp_path / "hostile.deal"
    title = "A\ud800B\u202eC\x00D\x1b[2J"
    path.write_text(
        json.dumps({"format": "deal-worksheet", "version": 1, "title": title}), encoding="ascii"
    )
    as_json = run("summary", str(path), "--json")
    assert as_json.returncode == 0, as_json.stderr
    assert json.loads(as_json.stdout.decode("utf-8"))["title"] == title
    as_text = run("summary", str(path))
    assert as_text.returncode == 0, as_text.stderr


def test_summary_on_an_ascii_console(hand_file: Path) -> None:
    # A console that cannot show "—" or emoji gets escapes, not a UnicodeEncodeError.
    result = run("summary", str(hand_file), env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    assert b"Northwind \\u2014 renewal" in result.stdout


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.decode().strip() == f"deal-worksheet {__version__}"


def test_help_mentions_the_commands() -> None:
    result = run("--help")
    assert result.returncode == 0
    text = result.stdout.decode()
    assert "summary FILE" in text and "export FILE" in text
    for sub in ("summary", "export"):
        sub_help = run(sub, "--help")
        assert sub_help.returncode == 0
        assert f"deal-worksheet {sub}" in sub_help.stdout.decode()


@pytest.mark.parametrize(
    "args",
    [
        ["summary"],
        ["summary", "--bogus", "a.deal"],
        ["export"],
        ["export", "a.deal", "--pdf"],
        ["export", "a.deal", "--pdf", "o.pdf", "--paper", "a5"],
        ["--bogus"],
    ],
    ids=lambda a: " ".join(a) or "nothing",
)
def test_usage_errors(args: list[str], tmp_path: Path) -> None:
    err = one_error_line(run(*args, cwd=tmp_path))
    assert "--help" in err
    assert list(tmp_path.iterdir()) == []


def test_export_without_outputs(hand_file: Path) -> None:
    err = one_error_line(run("export", str(hand_file)))
    assert "--pdf" in err and "--xlsx" in err
    assert sorted(p.name for p in hand_file.parent.iterdir()) == ["hand.deal"]


BAD_FILES = [
    ("missing", None, "no such file"),
    ("folder", "FOLDER", "folder"),
    ("not-json", b"hello", "not valid JSON"),
    ("utf-16", json.dumps({"format": "deal-worksheet", "version": 1}).encode("utf-16"), "UTF-16"),
    ("newer", b'{"format": "deal-worksheet", "version": 7}', "newer version"),
    (
        "bad-amount",
        b'{"format": "deal-worksheet", "version": 1, "concessions": [{}, {"cost_to_us": "1,5"}]}',
        "concessions[1].cost_to_us",
    ),
]


@pytest.mark.parametrize("command", ["summary", "export"])
@pytest.mark.parametrize(
    ("raw", "phrase"), [b[1:] for b in BAD_FILES], ids=[b[0] for b in BAD_FILES]
)
def test_bad_files_exit_2(tmp_path: Path, command: str, raw, phrase: str) -> None:
    path = tmp_path / "bad.deal"
    if raw == "FOLDER":
        path.mkdir()
    elif raw is not None:
        path.write_bytes(raw)
    extra = ["--pdf", str(tmp_path / "out.pdf")] if command == "export" else ["--json"]
    before = sorted(p.name for p in tmp_path.iterdir())
    err = one_error_line(run(command, str(path), *extra))
    assert phrase in err
    assert str(path) in err
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no output file started


def test_a_file_name_with_a_line_break_stays_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "two\nlines.deal"
    path.write_bytes(b"{}")
    err = one_error_line(run("summary", str(path)))
    assert "two\\nlines.deal" in err


def test_a_reader_that_stops_early_gets_no_traceback(hand_file: Path) -> None:
    # `deal-worksheet summary FILE | head -1`: the pipe closes before the summary is written.
    proc = subprocess.Popen(
        [sys.executable, "-m", "worksheet", "summary", str(hand_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    proc.stdout.close()  # the child is still starting; its first write meets a closed pipe
    _, err = proc.communicate(timeout=60)
    assert err == b""
    assert proc.returncode == 0
