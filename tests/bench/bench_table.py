"""At the table and after: an offer logged in the meeting view with 500 offers, and the deal
library of 1,000 files (cold, from the index, a search keystroke), each in a child process."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from tests.bench.deals import sample_deal, write_deal
from tests.bench.harness import ChildFailed, Measure, Row, child_env, max_goal, run_child
from worksheet.domain.deal import Offer

FRAME = max_goal(0.016)
OFFERS = 500
LIBRARY = 1000


def _result(args: list[str], workdir: Path) -> dict:
    run = run_child(["-m", "tests.bench.table_child", *args], child_env(workdir), timeout=300)
    return json.loads(run.stdout.strip().splitlines()[-1])


def bench_table(repeats: int, workdir: Path) -> list[Row]:
    from tests.library_deals import make_folder

    deal = sample_deal()
    deal.offers = [
        Offer(
            at="2027-03-14T14:00:00+00:00", by=("them", "us")[i % 2], amount=Decimal(90000 + 40 * i)
        )
        for i in range(OFFERS)
    ]
    meeting_deal = write_deal(deal, workdir / "meeting.deal")
    folder = workdir / "library"
    if not folder.exists():
        make_folder(folder, LIBRARY)

    label = "(QLabel setText, painted)"
    meeting = Row(
        "meeting-500",
        f"Offer typed → scored and repainted, {OFFERS} offers",
        FRAME,
        baseline_title=label,
    )
    cold = Row(
        "library-cold",
        f"Library of {LIBRARY:,} deals: first listing, no index",
        max_goal(2.0),
        baseline_title="(read and json.loads every file)",
    )
    cached = Row(
        "library-cached",
        f"Library of {LIBRARY:,} deals: listing from the index",
        max_goal(0.2),
        baseline_title="(json.loads the index)",
    )
    search = Row(
        "library-search",
        "Library search keystroke → filtered and repainted",
        FRAME,
        baseline_title=label,
    )
    rows = [meeting, cold, cached, search]
    try:
        m = _result(["meeting", str(meeting_deal), str(repeats)], workdir)
        if "error" in m:
            meeting.note = f"not measured: {m['error']}"
        else:
            meeting.value, meeting.baseline = Measure(m["meeting"]), Measure(m["baseline"])
            meeting.extra = {
                "offers": m["offers"],
                "forced_repaints": m["forced_repaints"],
                "cpu_median_ms": m["cpu_median_ms"],
            }
    except (ChildFailed, ValueError, IndexError) as exc:
        meeting.note = f"not measured: {exc}"
    try:
        lib = _result(["library", str(folder), str(repeats)], workdir)
    except (ChildFailed, ValueError, IndexError) as exc:
        lib = {"error": str(exc)}
    if "error" in lib:
        for row in (cold, cached, search):
            row.note = f"not measured: {lib['error']}"
        return rows
    cold.value, cold.baseline = Measure(lib["cold"]), Measure(lib["parse_baseline"])
    cached.value, cached.baseline = Measure(lib["cached"]), Measure(lib["index_baseline"])
    search.value, search.baseline = Measure(lib["search"]), Measure(lib["baseline"])
    search.extra = {
        "forced_repaints": lib["forced_repaints"],
        "files": lib["files"],
        "cpu_median_ms": lib["search_cpu_median_ms"],
    }
    return rows
