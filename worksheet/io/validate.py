"""Check a parsed `.deal` JSON value against spec §1 and build the Deal, naming the JSON path of
anything wrong."""

from __future__ import annotations

import re
from dataclasses import fields
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from worksheet.domain.deal import (
    CONCESSION_STATUSES,
    DECISIONS,
    FALLBACK_KINDS,
    ID_LIMIT,
    KINDS,
    LIST_LIMIT,
    MONEY_LIMIT,
    OFFER_BY,
    OUTCOME_STATUSES,
    PARTIES,
    ROLES,
    TEXT_LIMIT,
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
from worksheet.io.errors import DealFileError
from worksheet.io.migrations import CURRENT_VERSION, migrate

FORMAT_NAME = "deal-worksheet"
SUFFIX = ".deal"
MAX_FILE_BYTES = 10 * 1024 * 1024
#: Unknown keys may hold any JSON, but not nested deeper than this: deeper values would make the
#: recursive reader and writer hit Python's recursion limit instead of giving a clear message.
MAX_EXTRA_DEPTH = 200

_MONEY_RE = re.compile(r"-?[0-9]+(\.[0-9]{1,4})?")
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_CURRENCY_RE = re.compile(r"[A-Z]{3}")
_EXPONENT_RE = re.compile(r"-?[0-9]+(\.[0-9]*)?[eE][-+]?[0-9]+")

KNOWN_KEYS = (
    "format",
    "version",
    "title",
    "kind",
    "role",
    "currency",
    "price_unit",
    "counterpart",
    "meeting",
    "vision",
    "anchors",
    "their_estimate",
    "concessions",
    "packages",
    "active_package",
    "fallbacks",
    "listening",
    "offers",
    "sign_off",
    "outcome",
    "notes",
)


class _Number(str):
    """A JSON number kept as its source text so that money is never read through a float."""


class _Constant:
    """`NaN`, `Infinity` or `-Infinity` in the file: not JSON, refused wherever it appears."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __str__(self) -> str:
        return self.name


def deal_from_dict(data: Any) -> Deal:
    """Validate a parsed JSON value (numbers as `_Number` or int/float/Decimal) and build a Deal."""
    if not isinstance(data, dict):
        raise DealFileError(f"a deal file holds one JSON object, not {_json_type(data)}")
    fmt = data.get("format")
    if fmt != FORMAT_NAME:
        if fmt is None:
            raise DealFileError('not a deal file: "format" is missing', "format")
        raise DealFileError(f'not a deal file: "format" must be "{FORMAT_NAME}"', "format")
    version = data.get("version")
    if version is None:
        raise DealFileError('"version" is missing', "version")
    # An absurdly large version is still "newer": say so rather than "the number is too large".
    huge = isinstance(version, _Number) and re.fullmatch(r"[0-9]{13,}", str(version)) is not None
    number = CURRENT_VERSION + 1 if huge else _integer(version, "version")
    if number > CURRENT_VERSION:
        raise DealFileError(
            "this file was made by a newer version of Deal Worksheet "
            f"(format version {_clip(str(version))}); "
            f"this app reads up to version {CURRENT_VERSION}. Please update the app.",
            "version",
        )
    version = number
    if version < 1:
        raise DealFileError(f"unknown format version {version}; versions start at 1", "version")
    if version < CURRENT_VERSION:
        try:
            data = migrate(dict(data), version)
            if not isinstance(data, dict):
                raise TypeError(f"a migration step returned {type(data).__name__}, not a dict")
        except DealFileError:
            raise
        except (LookupError, TypeError, ValueError, AttributeError) as exc:
            # A migration step met data it does not understand: refuse the file, do not crash.
            raise DealFileError(
                f"this version-{version} file could not be brought up to version "
                f"{CURRENT_VERSION} ({exc})",
                "version",
            ) from None

    r = _Reader()
    deal = Deal(
        title=r.text(data, "title"),
        kind=r.choice(data, "kind", KINDS, "sale"),
        role=r.choice(data, "role", ROLES, "seller"),
        currency=r.currency(data, "currency"),
        price_unit=r.text(data, "price_unit"),
        counterpart=r.texts_object(data, "counterpart", Counterpart),
        meeting=r.meeting(data),
        vision=r.texts_object(data, "vision", Vision),
        anchors=r.anchors(data),
        their_estimate=r.their_estimate(data),
        concessions=r.concessions(data),
        packages=r.packages(data),
        fallbacks=r.items(data, "fallbacks", "", r.fallback),
        listening=r.listening(data),
        offers=r.items(data, "offers", "", r.offer),
        sign_off=r.sign_off(data),
        outcome=r.outcome(data),
        notes=r.text(data, "notes"),
        extra={k: _plain_json(v, k) for k, v in data.items() if k not in KNOWN_KEYS},
    )
    deal.active_package = r.package_ref(data, "active_package", "")
    _check_references(deal, data)
    return deal


def _check_references(deal: Deal, data: dict) -> None:
    """Every id a package, an offer or the outcome names must exist (spec §1, §1.1–1.3)."""
    known = {c.id for c in deal.concessions}
    for i, package in enumerate(deal.packages):
        for j, ident in enumerate(package.concessions):
            if ident not in known:
                raise DealFileError(
                    f"names no concession: there is no concession with id {_clip(ident)!r}",
                    f"packages[{i}].concessions[{j}]",
                )
    ids = {p.id for p in deal.packages}

    def check(ident: str | None, where: str) -> None:
        if ident is not None and ident not in ids:
            raise DealFileError(
                f"names no package: there is no package with id {_clip(ident)!r}", where
            )

    check(deal.active_package, "active_package")
    for i, offer in enumerate(deal.offers):
        check(offer.package, f"offers[{i}].package")
    check(deal.outcome.package, "outcome.package")


def next_id(prefix: str, used: set[str], start: int = 1) -> tuple[str, int]:
    """The first `prefix + n` (n ≥ start) not in `used`, and n + 1 to continue from."""
    n = start
    while f"{prefix}{n}" in used:
        n += 1
    return f"{prefix}{n}", n + 1


def _json_type(value: Any) -> str:
    if isinstance(value, _Constant):
        return str(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (_Number, int, float, Decimal)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _join(base: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{base}[{key}]"
    return f"{base}.{key}" if base else key


def _integer(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (_Number, int)):
        raise DealFileError(f"must be a whole number, not {_json_type(value)}", where)
    text = str(value)
    if not re.fullmatch(r"-?[0-9]+", text):
        raise DealFileError(f"must be a whole number, not {text}", where)
    if len(text.lstrip("-")) > 12:
        raise DealFileError(f"the number {_clip(text)} is too large", where)
    return int(text)


def parse_money(value: Any, where: str = "", *, allow_negative: bool = False) -> Decimal | None:
    """Spec §1 amounts: a plain decimal string (or an exact JSON number); None for null."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise DealFileError(
            'an amount must be a decimal text such as "92000", not true/false', where
        )
    if isinstance(value, _Constant):
        raise DealFileError(f"{value} is not allowed in a deal file", where)
    if isinstance(value, (_Number, int)):
        text = str(value)
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise DealFileError("NaN and Infinity are not amounts", where)
        text = format(value, "f")
    elif isinstance(value, str):
        text = value
    else:
        raise DealFileError(
            f'an amount must be a decimal text such as "92000", not {_json_type(value)}', where
        )
    if _EXPONENT_RE.fullmatch(text):
        raise DealFileError(
            f"exponents are not allowed in amounts ({_clip(text)}); write all the digits", where
        )
    if not _MONEY_RE.fullmatch(text):
        if re.fullmatch(r"-?[0-9]+\.[0-9]{5,}", text):
            raise DealFileError(f"at most 4 decimal places are allowed ({_clip(text)})", where)
        raise DealFileError(f"not a plain decimal amount: {_clip(text)!r}", where)
    try:
        amount = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern rules this out
        raise DealFileError(f"not a decimal amount: {_clip(text)!r}", where) from None
    if amount < 0 and not allow_negative:
        raise DealFileError(f"must not be negative ({text})", where)
    if abs(amount) >= MONEY_LIMIT:
        raise DealFileError(f"out of range: amounts must stay below 10^12 ({_clip(text)})", where)
    return amount


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


class _Reader:
    """Typed access to the parsed JSON with the JSON path in every error."""

    def get_object(self, data: dict, key: str, where: str = "") -> dict:
        value = data.get(key)
        path = _join(where, key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise DealFileError(f"must be an object, not {_json_type(value)}", path)
        return value

    def text(self, data: dict, key: str, where: str = "") -> str:
        return self.text_value(data.get(key), _join(where, key))

    def text_value(self, value: Any, path: str) -> str:
        if value is None:
            return ""
        if not isinstance(value, str) or isinstance(value, _Number):
            raise DealFileError(f"must be text, not {_json_type(value)}", path)
        if len(value) > TEXT_LIMIT:
            raise DealFileError(
                f"the text has {len(value):,} characters; at most {TEXT_LIMIT:,} are allowed", path
            )
        return value

    def choice(
        self, data: dict, key: str, allowed: tuple[str, ...], default: str, where: str = ""
    ) -> str:
        value = data.get(key)
        path = _join(where, key)
        if value is None:
            return default
        if not isinstance(value, str) or isinstance(value, _Number):
            raise DealFileError(f"must be text, not {_json_type(value)}", path)
        if value not in allowed:
            options = ", ".join(f'"{a}"' for a in allowed)
            raise DealFileError(f"unknown value {_clip(value)!r}; expected one of {options}", path)
        return value

    def currency(self, data: dict, key: str) -> str:
        value = data.get(key)
        if value is None:
            return "USD"
        if isinstance(value, _Number) or not isinstance(value, str):
            raise DealFileError(f"must be text, not {_json_type(value)}", key)
        if not _CURRENCY_RE.fullmatch(value):
            raise DealFileError(
                f'not a currency code: {_clip(value)!r}; use three capital letters such as "USD"',
                key,
            )
        return value

    def money(self, data: dict, key: str, where: str, *, allow_negative: bool = False):
        return parse_money(data.get(key), _join(where, key), allow_negative=allow_negative)

    def boolean(self, data: dict, key: str, where: str) -> bool:
        value = data.get(key)
        if value is None:
            return False
        if not isinstance(value, bool):
            path = _join(where, key)
            raise DealFileError(f"must be true or false, not {_json_type(value)}", path)
        return value

    def texts_object(self, data: dict, key: str, cls: type) -> Any:
        obj = self.get_object(data, key)
        return cls(**{f.name: self.text(obj, f.name, key) for f in fields(cls)})

    def meeting(self, data: dict) -> Meeting:
        m = self.texts_object(data, "meeting", Meeting)
        if m.date:
            valid = _DATE_RE.fullmatch(m.date) is not None
            if valid:
                try:
                    date.fromisoformat(m.date)
                except ValueError:
                    valid = False
            if not valid:
                raise DealFileError(
                    f'not a date: {_clip(m.date)!r}; write it as "YYYY-MM-DD" or leave it empty',
                    "meeting.date",
                )
        return m

    def anchors(self, data: dict) -> Anchors:
        obj = self.get_object(data, "anchors")
        return Anchors(**{f.name: self.money(obj, f.name, "anchors") for f in fields(Anchors)})

    def their_estimate(self, data: dict) -> TheirEstimate:
        obj = self.get_object(data, "their_estimate")
        w = "their_estimate"
        return TheirEstimate(
            target=self.money(obj, "target", w),
            walk_away_low=self.money(obj, "walk_away_low", w),
            walk_away_likely=self.money(obj, "walk_away_likely", w),
            walk_away_high=self.money(obj, "walk_away_high", w),
            confidence=self.text(obj, "confidence", w),
            source=self.text(obj, "source", w),
        )

    def items(self, data: dict, key: str, where: str, build) -> list:
        value = data.get(key)
        path = _join(where, key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise DealFileError(f"must be a list, not {_json_type(value)}", path)
        if len(value) > LIST_LIMIT:
            raise DealFileError(
                f"the list has {len(value):,} items; at most {LIST_LIMIT:,} are allowed", path
            )
        return [build(item, _join(path, i)) for i, item in enumerate(value)]

    def _item_object(self, item: Any, path: str) -> dict:
        if not isinstance(item, dict):
            raise DealFileError(f"must be an object, not {_json_type(item)}", path)
        return item

    def concession(self, item: Any, path: str) -> Concession:
        obj = self._item_object(item, path)
        order = obj.get("order")
        return Concession(
            id=self.identifier(obj, "id", path),
            what=self.text(obj, "what", path),
            cost_to_us=self.money(obj, "cost_to_us", path),
            value_to_them=self.money(obj, "value_to_them", path),
            ask_in_return=self.text(obj, "ask_in_return", path),
            order=None if order is None else _integer(order, _join(path, "order")),
            status=self.choice(obj, "status", CONCESSION_STATUSES, "planned", path),
            notes=self.text(obj, "notes", path),
        )

    def identifier(self, data: dict, key: str, where: str) -> str:
        """An id: text of 1–64 characters; "" when missing or empty (the caller assigns one, so a
        concession made without an id, say by a script, still opens)."""
        value = data.get(key)
        return "" if value is None or value == "" else self._id_text(value, _join(where, key))

    def _unique_ids(self, items: list, key: str, prefix: str) -> None:
        """Refuse a repeated id; give every item without one the next free `prefix + n`."""
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            if not item.id:
                continue
            if item.id in seen:
                raise DealFileError(
                    f"duplicate id {_clip(item.id)!r}: {key}[{seen[item.id]}] has it already",
                    f"{key}[{i}].id",
                )
            seen[item.id] = i
        n = 1
        used = set(seen)
        for item in items:
            if not item.id:
                item.id, n = next_id(prefix, used, n)
                used.add(item.id)

    def concessions(self, data: dict) -> list[Concession]:
        items = self.items(data, "concessions", "", self.concession)
        self._unique_ids(items, "concessions", "c")
        return items

    def packages(self, data: dict) -> list[Package]:
        items = self.items(data, "packages", "", self.package)
        self._unique_ids(items, "packages", "p")
        return items

    def package(self, item: Any, path: str) -> Package:
        obj = self._item_object(item, path)
        return Package(
            id=self.identifier(obj, "id", path),
            name=self.text(obj, "name", path),
            ask=self.money(obj, "ask", path),
            concessions=self.items(obj, "concessions", path, self._id_value),
            notes=self.text(obj, "notes", path),
        )

    def _id_value(self, value: Any, path: str) -> str:
        if value is None:
            raise DealFileError("must be a concession id, not null", path)
        return self._id_text(value, path)

    def _id_text(self, value: Any, path: str) -> str:
        if not isinstance(value, str) or isinstance(value, _Number):
            raise DealFileError(f"an id must be text, not {_json_type(value)}", path)
        if not value:
            raise DealFileError("an id must not be empty", path)
        if len(value) > ID_LIMIT:
            raise DealFileError(
                f"the id has {len(value):,} characters; at most {ID_LIMIT} are allowed", path
            )
        return value

    def package_ref(self, data: dict, key: str, where: str) -> str | None:
        """A package id or null; whether it names a package is checked once all are read."""
        value = data.get(key)
        if value is None:
            return None
        return self._id_text(value, _join(where, key))

    def date_text(self, data: dict, key: str, where: str) -> str:
        text = self.text(data, key, where)
        if text:
            valid = _DATE_RE.fullmatch(text) is not None
            if valid:
                try:
                    date.fromisoformat(text)
                except ValueError:
                    valid = False
            if not valid:
                raise DealFileError(
                    f'not a date: {_clip(text)!r}; write it as "YYYY-MM-DD" or leave it empty',
                    _join(where, key),
                )
        return text

    def sign_off(self, data: dict) -> SignOff:
        obj = self.get_object(data, "sign_off")
        w = "sign_off"
        limits = self.get_object(obj, "limits", w)
        lw = "sign_off.limits"
        return SignOff(
            by=self.text(obj, "by", w),
            role=self.text(obj, "role", w),
            decision=self.choice(obj, "decision", DECISIONS, "", w),
            date=self.date_text(obj, "date", w),
            comment=self.text(obj, "comment", w),
            limits=Limits(
                walk_away=self.money(limits, "walk_away", lw),
                package_cost=self.money(limits, "package_cost", lw),
            ),
        )

    def outcome(self, data: dict) -> Outcome:
        obj = self.get_object(data, "outcome")
        w = "outcome"

        def review(item: Any, path: str) -> ReviewItem:
            o = self._item_object(item, path)
            return ReviewItem(check=self.text(o, "check", path), kept=self.boolean(o, "kept", path))

        return Outcome(
            status=self.choice(obj, "status", OUTCOME_STATUSES, "open", w),
            date=self.date_text(obj, "date", w),
            price=self.money(obj, "price", w),
            package=self.package_ref(obj, "package", w),
            terms=self.text(obj, "terms", w),
            their_walk_away_at_least=self.money(obj, "their_walk_away_at_least", w),
            their_walk_away_at_most=self.money(obj, "their_walk_away_at_most", w),
            went_well=self.text(obj, "went_well", w),
            do_differently=self.text(obj, "do_differently", w),
            review=self.items(obj, "review", w, review),
        )

    def fallback(self, item: Any, path: str) -> Fallback:
        obj = self._item_object(item, path)
        return Fallback(
            kind=self.choice(obj, "kind", FALLBACK_KINDS, "batna", path),
            what=self.text(obj, "what", path),
            value=self.money(obj, "value", path, allow_negative=True),
            trigger=self.text(obj, "trigger", path),
        )

    def listening(self, data: dict) -> Listening:
        obj = self.get_object(data, "listening")
        w = "listening"

        def interest(item: Any, path: str) -> Interest:
            o = self._item_object(item, path)
            return Interest(
                party=self.choice(o, "party", PARTIES, "theirs", path),
                what=self.text(o, "what", path),
                why=self.text(o, "why", path),
            )

        def objection(item: Any, path: str) -> Objection:
            o = self._item_object(item, path)
            return Objection(
                objection=self.text(o, "objection", path),
                why=self.text(o, "why", path),
                response=self.text(o, "response", path),
            )

        return Listening(
            interests=self.items(obj, "interests", w, interest),
            objections=self.items(obj, "objections", w, objection),
            questions=self.items(obj, "questions", w, self.text_value),
        )

    def offer(self, item: Any, path: str) -> Offer:
        obj = self._item_object(item, path)
        at = self.text(obj, "at", path)
        if at and parse_datetime(at) is None:
            raise DealFileError(
                f'not an ISO 8601 date-time: {_clip(at)!r} (e.g. "2026-11-26T14:30")',
                _join(path, "at"),
            )
        return Offer(
            at=at,
            by=self.choice(obj, "by", OFFER_BY, "us", path),
            amount=self.money(obj, "amount", path),
            terms=self.text(obj, "terms", path),
            package=self.package_ref(obj, "package", path),
        )


def parse_datetime(text: str) -> datetime | None:
    """An ISO 8601 date or date-time, or None. Accepts a trailing `Z` on every Python ≥ 3.10."""
    candidate = text.strip()
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9:.,+\-Z]+)?", candidate):
        return None
    if candidate.endswith("Z"):
        candidate = candidate[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(candidate)
    except ValueError:
        return None


def _plain_json(value: Any, key: str, depth: int = 0) -> Any:
    """An unknown key's value as plain Python; every number becomes an exact Decimal.

    Decimal keeps the digits the file had (`1.25` stays `1.25`, a 40-digit integer stays whole)
    and has no size limit on conversion, unlike `int()` of very long digit strings.
    """
    if depth > MAX_EXTRA_DEPTH:
        # The path down there would be hundreds of steps long: name the top-level key only.
        raise DealFileError(f"nested more than {MAX_EXTRA_DEPTH} levels deep", key)
    if isinstance(value, _Constant):
        raise DealFileError(f"{value} is not allowed in a deal file", key)
    if isinstance(value, _Number):
        return Decimal(str(value))
    if isinstance(value, dict):
        return {k: _plain_json(v, key, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain_json(v, key, depth + 1) for v in value]
    return value
