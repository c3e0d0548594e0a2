"""Hypothesis strategies for arbitrary valid deals, hostile text included (spec §1 limits)."""

from __future__ import annotations

import itertools
from datetime import timezone
from decimal import Decimal

from hypothesis import strategies as st

from worksheet.domain.deal import (
    CONCESSION_STATUSES,
    DECISIONS,
    FALLBACK_KINDS,
    KINDS,
    OFFER_BY,
    OUTCOME_STATUSES,
    PARTIES,
    ROLES,
    Anchors,
    Concession,
    Counterpart,
    Deal,
    Fallback,
    Interest,
    Limits,
    Listening,
    Meeting,
    Objection,
    Offer,
    Outcome,
    Package,
    ReviewItem,
    SignOff,
    TheirEstimate,
    Vision,
)
from worksheet.io.document import KNOWN_KEYS

LARGEST = Decimal("999999999999.9999")

#: Pieces that have broken text handling somewhere: controls JSON must escape, bidi overrides,
#: a BOM, lone surrogates (JSON can hold them as \ud800), joined emoji, RTL and CJK scripts,
#: quotes and backslashes, formula-looking text.
AWKWARD = [
    "\x00",
    "\x1b[31m",
    "\t",
    "\r\n",
    "\x7f",
    "\u0085",
    "\u2028",
    "\u202e",
    "\ufeff",
    "\ud800",
    "\udfff",
    "😀",
    "👩‍👩‍👧",
    "🇺🇦",
    "مرحبا بالعالم",
    "שלום",
    "漢字かな한국어",
    "e\u0301",
    '"',
    "\\",
    "=SUM(A1)",
    "</script>",
]


def _no_surrogate_pair(text: str) -> bool:
    # A high surrogate followed by a low one would come back from JSON as one character.
    return not any(
        "\ud800" <= a <= "\udbff" and "\udc00" <= b <= "\udfff" for a, b in itertools.pairwise(text)
    )


texts = (
    st.lists(
        st.one_of(
            st.characters(exclude_categories=()),  # any code point, surrogates included
            st.sampled_from(AWKWARD),
        ),
        max_size=8,
    )
    .map("".join)
    .filter(_no_surrogate_pair)
)


def amounts(*, negative: bool = False) -> st.SearchStrategy[Decimal | None]:
    """Money as the spec allows it: at most 4 decimals, below 10^12, null for "not set"."""
    low = -LARGEST if negative else Decimal(0)
    return st.none() | st.decimals(
        min_value=low, max_value=LARGEST, places=4, allow_nan=False, allow_infinity=False
    )


dates = st.just("") | st.dates().map(lambda d: d.isoformat())
date_times = (
    st.just("")
    | st.datetimes(timezones=st.none() | st.just(timezone.utc)).map(lambda d: d.isoformat())
    | st.datetimes().map(lambda d: d.isoformat(timespec="minutes") + "Z")
)

counterparts = st.builds(Counterpart, name=texts, organization=texts, style=texts, notes=texts)
meetings = st.builds(Meeting, date=dates, place=texts, attendees=texts)
visions = st.builds(
    Vision, goal=texts, success=texts, their_win=texts, relationship=texts, approach=texts
)
anchors = st.builds(Anchors, target=amounts(), opening=amounts(), walk_away=amounts())
estimates = st.builds(
    TheirEstimate,
    target=amounts(),
    walk_away_low=amounts(),
    walk_away_likely=amounts(),
    walk_away_high=amounts(),
    confidence=texts,
    source=texts,
)
#: Ids: 1–64 characters of any text (the spec allows any), short and long.
ids = st.text(min_size=1, max_size=6) | st.text(min_size=60, max_size=64)
concessions = st.builds(
    Concession,
    id=ids,
    what=texts,
    cost_to_us=amounts(),
    value_to_them=amounts(),
    ask_in_return=texts,
    order=st.none() | st.integers(min_value=-(10**11), max_value=10**11),
    status=st.sampled_from(CONCESSION_STATUSES),
    notes=texts,
)
fallbacks = st.builds(
    Fallback,
    kind=st.sampled_from(FALLBACK_KINDS),
    what=texts,
    value=amounts(negative=True),
    trigger=texts,
)
listenings = st.builds(
    Listening,
    interests=st.lists(
        st.builds(Interest, party=st.sampled_from(PARTIES), what=texts, why=texts), max_size=3
    ),
    objections=st.lists(
        st.builds(Objection, objection=texts, why=texts, response=texts), max_size=3
    ),
    questions=st.lists(texts, max_size=4),
)
sign_offs = st.builds(
    SignOff,
    by=texts,
    role=texts,
    decision=st.sampled_from(DECISIONS),
    date=dates,
    comment=texts,
    limits=st.builds(Limits, walk_away=amounts(), package_cost=amounts()),
)

# Unknown keys hold any JSON. Numbers come back from a file as exact Decimals, which compare
# equal to the ints and Decimals generated here (floats would not: 0.1 is not Decimal("0.1")).
json_values = st.recursive(
    st.none()
    | st.booleans()
    | texts
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.decimals(allow_nan=False, allow_infinity=False),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=8,
)
extras = st.dictionaries(texts.filter(lambda k: k not in KNOWN_KEYS), json_values, max_size=3)


@st.composite
def _v2_deals(draw: st.DrawFn) -> Deal:
    """A valid version 2 deal: unique ids, and packages, offers and outcome naming real ids."""
    deal = draw(_deal_parts)
    unique = {}
    for c in draw(st.lists(concessions, max_size=4)):
        unique.setdefault(c.id, c)
    deal.concessions = list(unique.values())
    concession_ids = [c.id for c in deal.concessions]
    members = (
        st.lists(st.sampled_from(concession_ids), max_size=5) if concession_ids else st.just([])
    )
    packages = {}
    for _ in range(draw(st.integers(0, 3))):
        p = Package(
            id=draw(ids),
            name=draw(texts),
            ask=draw(amounts()),
            concessions=draw(members),
            notes=draw(texts),
        )
        packages.setdefault(p.id, p)
    deal.packages = list(packages.values())
    package_ids = st.none() | (
        st.sampled_from([p.id for p in deal.packages]) if deal.packages else st.nothing()
    )
    deal.active_package = draw(package_ids)
    deal.offers = draw(
        st.lists(
            st.builds(
                Offer,
                at=date_times,
                by=st.sampled_from(OFFER_BY),
                amount=amounts(),
                terms=texts,
                package=package_ids,
            ),
            max_size=3,
        )
    )
    deal.outcome = draw(
        st.builds(
            Outcome,
            status=st.sampled_from(OUTCOME_STATUSES),
            date=dates,
            price=amounts(),
            package=package_ids,
            terms=texts,
            their_walk_away_at_least=amounts(),
            their_walk_away_at_most=amounts(),
            went_well=texts,
            do_differently=texts,
            review=st.lists(st.builds(ReviewItem, check=texts, kept=st.booleans()), max_size=2),
        )
    )
    return deal


_deal_parts = st.builds(
    Deal,
    title=texts,
    kind=st.sampled_from(KINDS),
    role=st.sampled_from(ROLES),
    currency=st.from_regex(r"[A-Z]{3}", fullmatch=True),
    price_unit=texts,
    counterpart=counterparts,
    meeting=meetings,
    vision=visions,
    anchors=anchors,
    their_estimate=estimates,
    fallbacks=st.lists(fallbacks, max_size=4),
    listening=listenings,
    sign_off=sign_offs,
    notes=texts,
    extra=extras,
)

deals = _v2_deals()
