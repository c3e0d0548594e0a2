"""A folder of generated deals for the library tests and benchmarks: most ordinary, some
version 1, some huge, some broken in different ways."""

from __future__ import annotations

import json
import random
from decimal import Decimal
from pathlib import Path

from worksheet.domain.deal import (
    Anchors,
    Counterpart,
    Deal,
    Meeting,
    Offer,
    Outcome,
    TheirEstimate,
    Vision,
)
from worksheet.io import dumps

KINDS = ("sale", "purchase", "job_offer", "renewal", "partnership", "other")
NAMES = ("Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Tyrell", "Cyberdyne")


def generated_deal(i: int, rng: random.Random) -> Deal:
    likely = Decimal(rng.randrange(50, 500) * 1000)
    low = likely - Decimal(rng.randrange(1, 30) * 1000)
    high = likely + Decimal(rng.randrange(1, 30) * 1000)
    seller = rng.random() < 0.7
    deal = Deal(
        title=f"{NAMES[i % len(NAMES)]} deal {i:04d}",
        kind=KINDS[i % len(KINDS)],
        role="seller" if seller else "buyer",
        counterpart=Counterpart(name=f"Person {i}", organization=NAMES[(i * 7) % len(NAMES)]),
        meeting=Meeting(date=f"20{20 + i % 7}-{1 + i % 12:02d}-{1 + i % 28:02d}"),
        vision=Vision(goal="Close it" if i % 3 else ""),
        anchors=Anchors(target=likely, walk_away=low),
        their_estimate=TheirEstimate(
            walk_away_low=low, walk_away_likely=likely, walk_away_high=high
        ),
        offers=[Offer(at="2027-01-01T10:00:00+00:00", by="them", amount=likely)],
    )
    if i % 4 == 0:
        price = likely + Decimal(rng.randrange(-40, 40) * 1000)
        deal.outcome = Outcome(status="agreed", date=deal.meeting.date, price=price)
    elif i % 4 == 1:
        deal.outcome = Outcome(status="walked_away")
    return deal


def version_1_text(i: int) -> str:
    return json.dumps(
        {
            "format": "deal-worksheet",
            "version": 1,
            "title": f"Old deal {i:04d}",
            "kind": "renewal",
            "counterpart": {"name": "Old friend"},
            "concessions": [{"what": "Discount", "cost_to_us": "100", "in_package": True}],
        }
    )


BROKEN = (
    b"{ this is not json",
    b'{"format": "deal-worksheet", "version": 1, "anchors": {"target": "NaN"}}',
    b'{"format": "something else", "version": 1}',
    b"",
    b'{"format": "deal-worksheet", "version": 99}',
)


def make_folder(folder: Path, count: int = 1000, seed: int = 7) -> dict[str, object]:
    """Write `count` files; return what was written, by kind, for the tests to check against."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    deals: dict[str, Deal] = {}
    broken: list[str] = []
    old: list[str] = []
    huge: list[str] = []
    for i in range(count):
        sub = folder / f"year-{i % 3}" if i % 5 == 0 else folder
        sub.mkdir(exist_ok=True)
        path = sub / f"deal-{i:04d}.deal"
        if i % 50 == 7:
            path.write_bytes(BROKEN[(i // 50) % len(BROKEN)])
            broken.append(str(path))
            continue
        if i % 10 == 3:
            path.write_text(version_1_text(i), encoding="utf-8")
            old.append(str(path))
            continue
        deal = generated_deal(i, rng)
        if i % 100 == 11:
            # About 1.4 MB: many questions, each under the text limit.
            deal.listening.questions = [f"Question {n}: " + "why " * 35 for n in range(9000)]
            huge.append(str(path))
        path.write_text(dumps(deal), encoding="utf-8")
        deals[str(path)] = deal
    return {"deals": deals, "broken": broken, "old": old, "huge": huge}
