"""Benchmark plumbing: samples and statistics, goals, child processes, the result table."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]

SECONDS = "s"
BYTES = "B"


# --------------------------------------------------------------------------- statistics


@dataclass
class Measure:
    """Repeated samples of one quantity (seconds or bytes); the figure reported is the median."""

    samples: list[float]
    unit: str = SECONDS

    def __post_init__(self) -> None:
        if not self.samples:
            raise ValueError("a measure needs at least one sample")

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def minimum(self) -> float:
        return min(self.samples)

    @property
    def maximum(self) -> float:
        return max(self.samples)

    @property
    def iqr(self) -> tuple[float, float]:
        """First and third quartiles; with fewer than 4 samples, the min and max."""
        if len(self.samples) < 4:
            return self.minimum, self.maximum
        q1, _, q3 = statistics.quantiles(self.samples, n=4, method="inclusive")
        return q1, q3

    def to_dict(self) -> dict[str, Any]:
        q1, q3 = self.iqr
        return {
            "unit": self.unit,
            "median": self.median,
            "min": self.minimum,
            "max": self.maximum,
            "q1": q1,
            "q3": q3,
            "samples": list(self.samples),
        }


@dataclass(frozen=True)
class Goal:
    """Either a ratio to the baseline measured in the same run, or an absolute ceiling."""

    kind: str  # "ratio" | "max" | "none" (a row that could not be measured at all)
    limit: float
    unit: str = SECONDS

    def text(self) -> str:
        if self.kind == "none":
            return "—"
        if self.kind == "ratio":
            return f"≤ {self.limit:g}×"
        if self.unit == SECONDS and self.limit < 1:
            return f"≤ {self.limit * 1000:g} ms"
        return f"≤ {format_value(self.limit, self.unit)}"


def ratio_goal(limit: float) -> Goal:
    return Goal("ratio", limit)


def max_goal(limit: float, unit: str = SECONDS) -> Goal:
    return Goal("max", limit, unit)


@dataclass
class Row:
    """One line of the table: a figure, its baseline from the same run, and the goal."""

    name: str
    title: str
    goal: Goal
    value: Measure | None = None
    baseline: Measure | None = None
    baseline_title: str = ""
    #: Why there is no figure (the part is not built yet, the child failed…), or a remark.
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.value is None or self.baseline is None or self.baseline.median <= 0:
            return None
        return self.value.median / self.baseline.median

    @property
    def met(self) -> bool | None:
        """True/False when the goal can be judged, None when a figure is missing."""
        if self.value is None or self.goal.kind == "none":
            return None
        if self.goal.kind == "ratio":
            ratio = self.ratio
            return None if ratio is None else ratio <= self.goal.limit
        return self.value.median <= self.goal.limit

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "value": None if self.value is None else self.value.to_dict(),
            "baseline": None if self.baseline is None else self.baseline.to_dict(),
            "baseline_title": self.baseline_title,
            "ratio": self.ratio,
            "goal": {"kind": self.goal.kind, "limit": self.goal.limit, "unit": self.goal.unit},
            "goal_text": self.goal.text(),
            "met": self.met,
            "note": self.note,
            "extra": self.extra,
        }


# --------------------------------------------------------------------------- formatting


def format_value(value: float, unit: str) -> str:
    if unit == BYTES:
        return f"{value / 1024 / 1024:.0f} MiB"
    if value < 0.001:
        return f"{value * 1e6:.0f} µs"
    if value < 1:
        return f"{value * 1000:.1f} ms" if value < 0.1 else f"{value * 1000:.0f} ms"
    return f"{value:.2f} s"


def _figure(measure: Measure | None) -> str:
    return "—" if measure is None else format_value(measure.median, measure.unit)


def _spread(measure: Measure | None) -> str:
    if measure is None:
        return ""
    lo = format_value(measure.minimum, measure.unit)
    hi = format_value(measure.maximum, measure.unit)
    return f"{lo} – {hi}"


def _verdict(row: Row) -> str:
    met = row.met
    return "n/a" if met is None else ("✓" if met else "✗")


HEADERS = ("Benchmark", "Median", "Min – max", "Baseline (median)", "Ratio", "Goal", "Met")


def table_cells(rows: Sequence[Row]) -> tuple[list[tuple[str, ...]], list[str]]:
    """The table's cells, and the notes its rows point to as [1], [2]… (kept out of the cells
    so that one long reason does not stretch the whole table)."""
    cells = []
    notes: list[str] = []
    for row in rows:
        base = "—"
        if row.baseline is not None:
            base = f"{_figure(row.baseline)} {row.baseline_title}".strip()
        ratio = row.ratio
        title = row.title
        if row.note:
            if row.note not in notes:
                notes.append(row.note)
            title = f"{title} [{notes.index(row.note) + 1}]"
        cells.append(
            (
                title,
                _figure(row.value),
                _spread(row.value),
                base,
                "—" if ratio is None else f"{ratio:.2f}×",
                row.goal.text(),
                _verdict(row),
            )
        )
    lines = [f"[{n}] {note}" for n, note in enumerate(notes, 1)]
    cpu = [
        f"{row.name} {row.extra['cpu_ratio']:.2f}×"
        for row in rows
        if row.extra.get("cpu_ratio") is not None
    ]
    if cpu:
        lines.append(
            "CPU-time ratios (user + system; steadier than wall time on a busy "
            "machine): " + ", ".join(cpu)
        )
    return cells, lines


def render_text(rows: Sequence[Row]) -> str:
    body, notes = table_cells(rows)
    cells = [HEADERS, *body]
    widths = [max(len(line[i]) for line in cells) for i in range(len(HEADERS))]
    lines = []
    for n, line in enumerate(cells):
        lines.append("  ".join(text.ljust(widths[i]) for i, text in enumerate(line)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    if notes:
        lines.append("")
        lines.extend(notes)
    return "\n".join(lines)


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|")


def render_markdown(rows: Sequence[Row]) -> str:
    lines = [
        "| " + " | ".join(HEADERS) + " |",
        "|" + "|".join(["---"] + ["---:"] * 4 + [":---:", ":---:"]) + "|",
    ]
    body, notes = table_cells(rows)
    for line in body:
        lines.append("| " + " | ".join(_md_escape(c) for c in line) + " |")
    if notes:
        lines.append("")
        lines.extend(f"{_md_escape(note)}  " for note in notes)
    return "\n".join(lines)


def render_json(rows: Sequence[Row], machine: dict[str, Any], settings: dict[str, Any]) -> str:
    return json.dumps(
        {"machine": machine, "settings": settings, "rows": [r.to_dict() for r in rows]},
        ensure_ascii=False,
        indent=2,
    )


# --------------------------------------------------------------------------- in-process timing


def time_calls(call: Callable[[], object], repeats: int, *, warmup: int = 1) -> Measure:
    """Wall time of `repeats` calls, after `warmup` unmeasured ones (caches, lazy imports)."""
    for _ in range(warmup):
        call()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        samples.append(time.perf_counter() - start)
    return Measure(samples)


# --------------------------------------------------------------------------- child processes


class ChildFailed(RuntimeError):
    """A measured child process exited with an error or did not finish in time."""


@dataclass(frozen=True)
class ChildRun:
    wall: float  # seconds, from fork to reaped
    peak_rss: int  # bytes, the child's own high-water mark (not its parent's, not its siblings')
    cpu: float  # seconds of CPU (user + system): barely moved by other work on a shared machine
    stdout: str
    stderr: str


def child_env(home: Path) -> dict[str, str]:
    """The environment every measured child gets: no display, and user folders in a temp place.

    App and baseline share it exactly, so neither pays for something the other skips.
    """
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.setdefault("QT_QPA_FONTDIR", "/usr/share/fonts/truetype/dejavu")
    env["DEAL_WORKSHEET_HOME"] = str(home / "app")
    # QSettings and other XDG users must not read or write the real user's files.
    env["XDG_CONFIG_HOME"] = str(home / "config")
    env["XDG_DATA_HOME"] = str(home / "data")
    env["XDG_STATE_HOME"] = str(home / "state")
    env["PYTHONUNBUFFERED"] = "1"
    # A bench run under `pytest -W error` must not turn the children's warnings into crashes.
    env.pop("PYTHONWARNINGS", None)
    return env


def command_text(args: Sequence[str]) -> str:
    """The command for a person to read: temp paths shortened to their file names."""
    words = [Path(a).name if os.path.isabs(a) else a for a in args]
    return " ".join(["python", *words])


def run_child(args: Sequence[str], env: dict[str, str], timeout: float = 60.0) -> ChildRun:
    """Run `python args…` once; measure wall time and the child's peak RSS via wait4()."""
    cmd = [sys.executable, *args]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env, cwd=ROOT
        )
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            with contextlib.suppress(ProcessLookupError):
                os.kill(proc.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            # wait4 (not Popen.wait) because it hands back this one child's resource usage.
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    if timed_out.is_set():
        raise ChildFailed(f"`{command_text(args)}` did not finish within {timeout:g} s")
    if proc.returncode != 0:
        tail = stderr.strip().splitlines()[-1:] or ["(no message)"]
        raise ChildFailed(f"`{command_text(args)}` exited with {proc.returncode}: {tail[0]}")
    # Linux reports ru_maxrss in KiB.
    return ChildRun(wall, usage.ru_maxrss * 1024, usage.ru_utime + usage.ru_stime, stdout, stderr)


def paired_runs(
    app: Sequence[str],
    baseline: Sequence[str],
    env: dict[str, str],
    repeats: int,
    *,
    check_app: Callable[[], None] | None = None,
    check_baseline: Callable[[], None] | None = None,
) -> tuple[list[ChildRun], list[ChildRun]]:
    """Alternate app and baseline runs, after one unmeasured warm-up of each.

    Alternating spreads the noise of a busy machine over both sides evenly; the warm-up
    fills the page cache and writes .pyc files so the figures are those of a second start.
    The checks look at what each run wrote, so a run that did nothing cannot look fast.
    """
    app_runs: list[ChildRun] = []
    base_runs: list[ChildRun] = []
    for n in range(repeats + 1):
        app_run = run_child(app, env)
        if check_app is not None:
            check_app()
        base_run = run_child(baseline, env)
        if check_baseline is not None:
            check_baseline()
        if n:  # run 0 is the warm-up
            app_runs.append(app_run)
            base_runs.append(base_run)
    return app_runs, base_runs
