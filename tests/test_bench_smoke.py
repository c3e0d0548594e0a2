"""The benchmark code itself works: one repeat of the in-process parts, and one measured child.

It checks that the harness produces rows with positive figures, never that a goal is met:
goals depend on the machine and belong to `python -m tests.bench`, not to CI.
"""

from __future__ import annotations

import json

import pytest

from tests.bench.__main__ import parse_args, run
from tests.bench.harness import (
    BYTES,
    ChildFailed,
    Measure,
    Row,
    child_env,
    max_goal,
    ratio_goal,
    render_json,
    render_markdown,
    render_text,
    run_child,
)


def _quiet(*_args, **_kwargs) -> None:
    pass


@pytest.fixture(scope="module")
def core_rows() -> list[Row]:
    return run(["core"], quick=True, repeats=1, log=_quiet)


def test_core_rows_have_positive_figures(core_rows):
    assert [r.name for r in core_rows] == ["summary-2000", "load-2000", "save-2000"]
    for row in core_rows:
        assert row.value is not None and row.baseline is not None, row.note
        assert len(row.value.samples) == 1
        assert row.value.median > 0 and row.baseline.median > 0
        assert row.ratio is not None and row.ratio > 0
        assert row.met in (True, False)


def test_tables_list_every_row(core_rows):
    text = render_text(core_rows)
    markdown = render_markdown(core_rows)
    for row in core_rows:
        assert row.title in text
        assert row.title in markdown
    assert markdown.splitlines()[0].startswith("| Benchmark |")
    data = json.loads(render_json(core_rows, {"cpus": 2}, {"quick": True}))
    assert [r["name"] for r in data["rows"]] == [r.name for r in core_rows]
    assert all(r["value"]["median"] > 0 for r in data["rows"])


def test_goals_are_judged_against_the_figures():
    slow = Measure([0.3, 0.2, 0.4])
    fast = Measure([0.1, 0.1, 0.2])
    assert slow.median == 0.3 and slow.minimum == 0.2 and slow.maximum == 0.4
    assert Row("r", "ratio", ratio_goal(1.5), value=slow, baseline=fast).met is False
    assert Row("r", "ratio", ratio_goal(3.5), value=slow, baseline=fast).ratio == pytest.approx(3)
    assert Row("r", "ratio", ratio_goal(3.5), value=slow, baseline=fast).met is True
    assert Row("a", "absolute", max_goal(0.25), value=slow).met is False
    assert Row("a", "absolute", max_goal(0.35), value=slow).met is True
    missing = Row("m", "missing", ratio_goal(1.5), note="not measured: no window yet")
    assert missing.met is None
    text = render_text([missing])
    assert "n/a" in text and "[1] not measured: no window yet" in text


def test_a_measured_child_reports_time_and_its_own_peak_memory(tmp_path):
    out = tmp_path / "bare.pdf"
    child = run_child(["-m", "tests.bench.bare_pdf", str(out)], child_env(tmp_path))
    assert out.read_bytes().startswith(b"%PDF-")
    assert child.wall > 0
    # reportlab and Python together need several MiB; a zero or tiny value means wait4 misread.
    assert child.peak_rss > 5 * 1024 * 1024
    assert Measure([float(child.peak_rss)], BYTES).median == child.peak_rss


def test_a_failing_child_is_reported_with_its_exit_code(tmp_path):
    with pytest.raises(ChildFailed, match="exited with 3"):
        run_child(["-c", "import sys; sys.exit(3)"], child_env(tmp_path))


def test_a_broken_benchmark_becomes_a_row_and_the_others_still_run(monkeypatch):
    import tests.bench.__main__ as bench_main

    def broken(_repeats, _workdir):
        raise KeyError("walk_away")

    real = bench_main._benches()
    monkeypatch.setattr(bench_main, "_benches", lambda: {**real, "edit": ("edits", broken, 1, 1)})
    rows = bench_main.run(["edit", "core"], quick=True, repeats=1, log=_quiet)
    assert rows[0].met is None and "KeyError" in rows[0].note
    assert [r.name for r in rows[1:]] == ["summary-2000", "load-2000", "save-2000"]
    assert "n/a" in render_text(rows)


def test_command_line_options():
    args = parse_args(["--quick", "--only", "core", "--only", "pdf", "--markdown"])
    assert args.names == ["pdf", "core"] and args.quick and args.markdown
    with pytest.raises(SystemExit):
        parse_args(["--only", "nonsense"])


def test_the_harness_itself_never_imports_qt(tmp_path):
    # Qt belongs to the measured children; a harness holding Qt would skew the in-process rows.
    code = "import sys, tests.bench.__main__ as m; m._benches(); sys.exit('PySide6' in sys.modules)"
    run_child(["-c", code], child_env(tmp_path))
