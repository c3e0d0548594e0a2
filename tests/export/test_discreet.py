"""The one discreet policy, searched for in every byte of the PDF and the workbook.

For each sample and for a deal whose every text mentions its own walk-away: no left-out number
appears in any of the ways people write it (104000, 104,000, 104.000, 104 000, $104k …) and no
left-out text appears, in the PDF (raw bytes, every stream decompressed, and the text layer) or
in any XML part of the workbook (docProps included).
"""

from __future__ import annotations

import dataclasses
import html
import io
import re
import zipfile
import zlib
from decimal import Decimal
from pathlib import Path

import pypdf
import pytest

from tests.conftest import SAMPLES
from worksheet.domain.deal import (
    Anchors,
    Concession,
    Counterpart,
    Deal,
    Fallback,
    Interest,
    Listening,
    Meeting,
    Objection,
    Offer,
    Package,
    TheirEstimate,
    Vision,
)
from worksheet.domain.summary import summarize
from worksheet.export.pdf import render_pdf
from worksheet.export.xlsx import export_xlsx
from worksheet.io import load
from worksheet.present.discreet import LEFT_OUT, SHOWN, discreet_deal, left_out_summary

WALK_AWAY = Decimal(104000)
MENTION = "not below $104,000 (104000, 104.000, 104 000, 104\u00a0000, $104k, 104K)"


def mentioning_deal() -> Deal:
    """Every text of the deal mentions its walk-away, in every form."""
    deal = Deal(
        title="t",
        price_unit="u",
        counterpart=Counterpart(name="n", organization="o", style="s", notes="cn"),
        meeting=Meeting(date="2027-03-04", place="p", attendees="a"),
        vision=Vision(goal="g", success="su", their_win="w", relationship="r", approach="ap"),
        anchors=Anchors(opening=Decimal(131313), target=Decimal(121212), walk_away=WALK_AWAY),
        their_estimate=TheirEstimate(
            target=Decimal(99887),
            walk_away_low=Decimal(97531),
            walk_away_likely=Decimal(112233),
            walk_away_high=Decimal(125789),
            confidence="c",
            source="Luis hinted",
        ),
        concessions=[
            Concession(
                id="c1",
                what="wh",
                cost_to_us=Decimal(3457),
                value_to_them=Decimal(8642),
                ask_in_return="ask",
                notes="cno",
            )
        ],
        packages=[
            Package(id="p1", name="pn", ask=Decimal(131313), concessions=["c1"], notes="pno")
        ],
        active_package="p1",
        fallbacks=[
            Fallback(kind="batna", what="bw", value=Decimal(95173), trigger="bt"),
            Fallback(kind="mini_deal", what="mw", value=Decimal(27381), trigger="mt"),
        ],
        listening=Listening(
            interests=[Interest(party="theirs", what="iw", why="iy")],
            objections=[Objection(objection="ob", why="oy", response="or")],
            questions=["q1", "q2"],
        ),
        offers=[Offer(at="2027-03-04T10:00", by="them", amount=Decimal(101010), terms="ot")],
        notes="dn",
    )

    def mention(obj, path: str):
        if isinstance(obj, list):
            for i, item in enumerate(obj):
                if isinstance(item, str):
                    obj[i] = f"{path}[{i}] {item}: {MENTION}"
                else:
                    mention(item, f"{path}[{i}]")
            return
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            where = f"{path}.{f.name}" if path else f.name
            if f.name in ("date", "at", "kind", "role", "currency", "party", "by", "id", "status"):
                continue
            if isinstance(value, str):
                setattr(obj, f.name, f"{where} {value}: {MENTION}")
            elif dataclasses.is_dataclass(value) or isinstance(value, list):
                mention(value, where)

    mention(deal, "")
    return deal


def left_out_numbers(deal: Deal) -> list[Decimal]:
    """Worked out here, apart from the policy: every amount a discreet copy must not show."""
    s = summarize(deal)
    a, e = deal.anchors, deal.their_estimate
    values = [a.walk_away, a.target, e.target, e.walk_away_low, e.walk_away_likely]
    values += [e.walk_away_high, s.package_cost, s.package_value, s.package_walk_away, s.gap]
    values += [f.value for f in deal.fallbacks] + [o.amount for o in deal.offers]
    for c in deal.concessions:
        values += [c.cost_to_us, c.value_to_them]
    for zone in (s.worst, s.likely, s.best):
        if zone is not None:
            values += [zone.low, zone.high]
    values += [s.their_low_package, s.their_likely_package, s.their_high_package]
    # Our opening and our packages' asks are offers said out loud: the copy shows them, even
    # when one happens to equal a number it keeps back.
    said = {abs(x) for x in (a.opening, *(p.ask for p in deal.packages)) if x is not None}
    out = []
    for v in values:
        if v is None or v == 0 or abs(v) in said:
            continue
        v = abs(v)
        if v >= 100:
            out.append(v)
    return sorted(set(out))


def forms(amount: Decimal) -> list[str]:
    whole = int(amount)
    grouped = f"{whole:,}"
    out = [str(whole), grouped, grouped.replace(",", "."), grouped.replace(",", " ")]
    out.append(grouped.replace(",", "\u00a0"))
    if amount != whole:
        cents = f"{amount:.2f}"
        out += [cents, cents.replace(".", ",")]
    if whole >= 1000 and whole % 1000 == 0:
        out += [f"{whole // 1000}k", f"${whole // 1000}k"]
    return [f for f in out if len(f) >= 3]


def left_out_texts(deal: Deal) -> list[str]:
    """Every free text a discreet copy leaves out (fields outside the shown list)."""
    e, v, cp = deal.their_estimate, deal.vision, deal.counterpart
    texts = [cp.style, cp.notes, e.confidence, e.source, deal.notes]
    texts += [v.goal, v.success, v.their_win, v.relationship, v.approach]
    for c in deal.concessions:
        texts.append(c.notes)
    for f in deal.fallbacks:
        texts += [f.what, f.trigger]
    for it in deal.listening.interests:
        texts += [it.what, it.why]
    for ob in deal.listening.objections:
        texts += [ob.objection, ob.why, ob.response]
    for o in deal.offers:
        texts.append(o.terms)
    return [t.strip() for t in texts if len(t.strip()) >= 8]


def pdf_haystacks(data: bytes) -> list[str]:
    """The PDF as text: raw bytes, every stream decompressed, and the extracted text (last two:
    the text layer, as read and with whitespace collapsed)."""
    out = [data.decode("latin-1")]
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            out.append(zlib.decompress(m.group(1)).decode("latin-1"))
        except zlib.error:
            out.append(m.group(1).decode("latin-1"))
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)
    out += [text, " ".join(text.split())]
    return out


def xlsx_haystacks(path: Path, names: list[str] | None = None) -> list[str]:
    with zipfile.ZipFile(path) as z:
        if names is None:
            names = [n for n in z.namelist() if n.endswith((".xml", ".rels"))]
            assert any(n.startswith("docProps/") for n in names)
        have = set(z.namelist())
        parts = [z.read(n).decode("utf-8") if n in have else "" for n in names]
    # shared strings and inline strings, unescaped: the text people read
    strings = [html.unescape(" ".join(re.findall(r"<t[^>]*>([^<]*)</t>", p))) for p in parts]
    return parts + [html.unescape(p) for p in parts] + strings


def shown_texts(deal: Deal) -> str:
    shown = discreet_deal(deal)
    parts = [shown.title, shown.counterpart.name, shown.counterpart.organization]
    parts += [shown.meeting.place, shown.meeting.attendees, shown.price_unit]
    parts += [c.what for c in shown.concessions] + [c.ask_in_return for c in shown.concessions]
    parts += shown.listening.questions
    return "".join("".join(parts).split())


def assert_nothing_left_out_shows(
    deal: Deal,
    haystacks: list[str],
    what: str,
    *,
    text_layer: int = 0,
    baseline: list[str] | None = None,
) -> None:
    """`text_layer`: how many of the last haystacks are text people read; in the others (file
    structure: font widths, coordinates, sizes) a number of under five characters is noise."""
    for amount in left_out_numbers(deal):
        for form in forms(amount):
            pattern = re.compile(rf"(?<![\d]){re.escape(form)}(?![\d])")
            for i, hay in enumerate(haystacks):
                if len(form) < 5 and i < len(haystacks) - text_layer:
                    continue
                found = len(pattern.findall(hay))
                # the same part of an empty deal's file: boilerplate (a theme's 45000 tint)
                known = len(pattern.findall(baseline[i])) if baseline else 0
                m = pattern.search(hay)
                assert found <= known, (what, form, hay[max(0, m.start() - 60) : m.end() + 60])
    squashed = ["".join(h.split()) for h in haystacks]
    shown = shown_texts(deal)
    for text in left_out_texts(deal):
        needle = "".join(text.split())
        if needle in shown:  # the same words are also a shown field (a concession's "what")
            continue
        assert not any(needle in h for h in squashed), (what, text)


def cases() -> list[tuple[str, Deal]]:
    out = [(p.stem, load(p)) for p in sorted(SAMPLES.glob("*.deal"))]
    out.append(("mentions-its-walk-away", mentioning_deal()))
    return out


@pytest.mark.parametrize(("name", "deal"), cases(), ids=[n for n, _ in cases()])
def test_discreet_pdf_shows_nothing_left_out(name: str, deal: Deal) -> None:
    full = render_pdf(deal, paper="a4")
    discreet = render_pdf(deal, paper="a4", discreet=True)
    # the full sheet shows our walk-away, so its absence below means something
    walk_away = f"{int(deal.anchors.walk_away):,}"
    assert any(walk_away in h for h in pdf_haystacks(full))
    assert_nothing_left_out_shows(deal, pdf_haystacks(discreet), f"{name}.pdf", text_layer=2)


@pytest.mark.parametrize(("name", "deal"), cases(), ids=[n for n, _ in cases()])
def test_discreet_workbook_shows_nothing_left_out(name: str, deal: Deal, tmp_path: Path) -> None:
    out = tmp_path / f"{name}.xlsx"
    export_xlsx(deal, out, discreet=True)
    with zipfile.ZipFile(out) as z:
        names = [n for n in z.namelist() if n.endswith((".xml", ".rels"))]
    hay = xlsx_haystacks(out)
    empty = tmp_path / "empty.xlsx"
    export_xlsx(Deal(), empty, discreet=True)
    # Only the theme's fixed numbers may come from the empty deal's file; every other part is
    # searched as it is.
    base = [
        h if "theme" in n else ""
        for n, h in zip(names * 3, xlsx_haystacks(empty, names), strict=True)
    ]
    assert_nothing_left_out_shows(
        deal, hay, f"{name}.xlsx", text_layer=len(hay) // 3, baseline=base
    )


def test_the_shown_parts_stay() -> None:
    deal = mentioning_deal()
    shown = discreet_deal(deal)
    assert shown.anchors.opening == Decimal(131313)
    assert shown.anchors.walk_away is None and shown.anchors.target is None
    assert shown.title.startswith("title t: not below [left out] ([left out], [left out]")
    assert "104" not in shown.title
    assert shown.concessions[0].what.startswith("concessions[0].what wh")
    assert shown.concessions[0].cost_to_us is None and shown.concessions[0].value_to_them is None
    assert [q.split()[0] for q in shown.listening.questions] == [
        "listening.questions[0]",
        "listening.questions[1]",
    ]
    assert shown.fallbacks == [] and shown.offers == [] and shown.notes == ""
    text = render_pdf(deal, paper="a4", discreet=True)
    body = " ".join(pdf_haystacks(text)[-1:])
    for part in (
        "title t",
        "concessions[0].what wh",
        "concessions[0].ask_in_return ask",
        "listening.questions[0] q1",
        "$131,313",
    ):
        assert "".join(part.split()) in "".join(body.split()), part


def test_the_policy_says_what_it_leaves_out() -> None:
    text = left_out_summary()
    assert "walk-away" in text and "BATNA" in text and "estimate of their side" in text
    assert all(item in text for item in SHOWN + LEFT_OUT)
