"""Dataclasses for every part of a deal, with Decimal money (spec §1)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

Money = Decimal | None

KINDS: tuple[str, ...] = ("sale", "purchase", "job_offer", "renewal", "partnership", "other")
ROLES: tuple[str, ...] = ("seller", "buyer")
FALLBACK_KINDS: tuple[str, ...] = (
    "batna",
    "alternative_offer",
    "mini_deal",
    "walk_away_condition",
    "keep_door_open",
)
PARTIES: tuple[str, ...] = ("ours", "theirs")
OFFER_BY: tuple[str, ...] = ("us", "them")
CONCESSION_STATUSES: tuple[str, ...] = ("planned", "offered", "given", "traded", "dropped")
DECISIONS: tuple[str, ...] = ("", "approved", "changes_requested", "rejected")
OUTCOME_STATUSES: tuple[str, ...] = ("open", "agreed", "walked_away", "postponed")
ID_LIMIT = 64

#: Limits from the spec: an amount's absolute value stays below this, texts and lists stay short.
MONEY_LIMIT = Decimal(10) ** 12
MONEY_PLACES = 4
TEXT_LIMIT = 20_000
LIST_LIMIT = 10_000


def money_text(amount: Decimal | None) -> str | None:
    """An amount as the spec writes it: a plain decimal, no exponent, no trailing zeros."""
    if amount is None:
        return None
    text = format(amount, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


@dataclass
class Counterpart:
    """Who we negotiate with."""

    name: str = ""
    organization: str = ""
    style: str = ""
    notes: str = ""


@dataclass
class Meeting:
    """The meeting this sheet prepares."""

    date: str = ""  # "YYYY-MM-DD" or ""
    place: str = ""
    attendees: str = ""


@dataclass
class Vision:
    """What we want, how we will know it is in hand, and what the other side wins."""

    goal: str = ""
    success: str = ""
    their_win: str = ""
    relationship: str = ""
    approach: str = ""


@dataclass
class Anchors:
    """Our numbers: what we aim for, what we say first, the worst price we accept."""

    target: Money = None
    opening: Money = None
    walk_away: Money = None


@dataclass
class TheirEstimate:
    """Our estimate of the other side: their target and their walk-away as a range."""

    target: Money = None
    walk_away_low: Money = None
    walk_away_likely: Money = None
    walk_away_high: Money = None
    confidence: str = ""
    source: str = ""


@dataclass
class Concession:
    """Something we can give besides price, what it costs us and what we ask back."""

    what: str = ""
    cost_to_us: Money = None
    value_to_them: Money = None
    ask_in_return: str = ""
    order: int | None = None
    notes: str = ""
    id: str = ""
    status: str = "planned"  # one of CONCESSION_STATUSES


@dataclass
class Package:
    """One offer we can make: a price together with a set of concessions (spec §1.1)."""

    id: str = ""
    name: str = ""
    ask: Money = None
    concessions: list[str] = field(default_factory=list)  # concession ids
    notes: str = ""


@dataclass
class Limits:
    """What the manager allows: the worst walk-away and the most the package may cost us."""

    walk_away: Money = None
    package_cost: Money = None


@dataclass
class SignOff:
    """The manager's review (spec §1.2)."""

    by: str = ""
    role: str = ""
    decision: str = ""  # one of DECISIONS
    date: str = ""  # "YYYY-MM-DD" or ""
    comment: str = ""
    limits: Limits = field(default_factory=Limits)


@dataclass
class ReviewItem:
    """One after-action question and whether we kept to it."""

    check: str = ""
    kept: bool = False


@dataclass
class Outcome:
    """How the negotiation ended, and what we learned (spec §1.3)."""

    status: str = "open"  # one of OUTCOME_STATUSES
    date: str = ""
    price: Money = None
    package: str | None = None  # package id
    terms: str = ""
    their_walk_away_at_least: Money = None
    their_walk_away_at_most: Money = None
    went_well: str = ""
    do_differently: str = ""
    review: list[ReviewItem] = field(default_factory=list)


@dataclass
class Fallback:
    """What we do without this deal, or with a smaller one."""

    kind: str = "batna"
    what: str = ""
    value: Money = None  # may be negative
    trigger: str = ""


@dataclass
class Interest:
    """What one side wants, and the why behind it."""

    party: str = "theirs"
    what: str = ""
    why: str = ""


@dataclass
class Objection:
    """An objection we expect, why they raise it, and our answer."""

    objection: str = ""
    why: str = ""
    response: str = ""


@dataclass
class Listening:
    """Active-listening prep: interests, objections, follow-up questions."""

    interests: list[Interest] = field(default_factory=list)
    objections: list[Objection] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)


@dataclass
class Offer:
    """An offer or counter-offer made during the negotiation."""

    at: str = ""  # ISO 8601 date-time text
    by: str = "us"
    amount: Money = None
    terms: str = ""
    package: str | None = None  # id of the package an offer of ours put forward


@dataclass
class Deal:
    """A whole negotiation worksheet, as stored in a `.deal` file."""

    title: str = ""
    kind: str = "sale"
    role: str = "seller"
    currency: str = "USD"
    price_unit: str = ""
    counterpart: Counterpart = field(default_factory=Counterpart)
    meeting: Meeting = field(default_factory=Meeting)
    vision: Vision = field(default_factory=Vision)
    anchors: Anchors = field(default_factory=Anchors)
    their_estimate: TheirEstimate = field(default_factory=TheirEstimate)
    concessions: list[Concession] = field(default_factory=list)
    packages: list[Package] = field(default_factory=list)
    active_package: str | None = None  # package id
    fallbacks: list[Fallback] = field(default_factory=list)
    listening: Listening = field(default_factory=Listening)
    offers: list[Offer] = field(default_factory=list)
    sign_off: SignOff = field(default_factory=SignOff)
    outcome: Outcome = field(default_factory=Outcome)
    notes: str = ""
    #: Unknown top-level keys from the file, kept so that saving loses nothing (spec §1).
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def is_seller(self) -> bool:
        return self.role != "buyer"

    def concessions_in_order(self) -> list[Concession]:
        """Concessions in plan order: those with an `order` first by it; then the rest as listed."""
        indexed = list(enumerate(self.concessions))
        indexed.sort(
            key=lambda p: (p[1].order is None, p[1].order if p[1].order is not None else 0, p[0])
        )
        return [c for _, c in indexed]

    def package_by_id(self, package_id: str | None) -> Package | None:
        """The package with this id, or None."""
        if package_id is None:
            return None
        return next((p for p in self.packages if p.id == package_id), None)

    def active(self) -> Package | None:
        """The package the live zone is computed for (spec §2.1 step 4), or None."""
        return self.package_by_id(self.active_package)

    def in_active(self, concession: Concession) -> bool:
        """Whether a concession is in the active package."""
        package = self.active()
        return package is not None and concession.id in package.concessions

    def new_concession_id(self) -> str:
        """The first of `c1, c2…` no concession uses yet (spec §1)."""
        return _free_id("c", {c.id for c in self.concessions})

    def new_package_id(self) -> str:
        """The first of `p1, p2…` no package uses yet."""
        return _free_id("p", {p.id for p in self.packages})

    def package_concessions(self, package: Package | None) -> list[Concession]:
        """The concessions a package holds, each once, in the deal's list order."""
        if package is None:
            return []
        wanted = set(package.concessions)
        return [c for c in self.concessions if c.id in wanted]


def _free_id(prefix: str, used: set[str]) -> str:
    n = 1
    while f"{prefix}{n}" in used:
        n += 1
    return f"{prefix}{n}"
