"""Undoable edits of packages: membership, add, copy, rename, reorder, remove, the active one.

Each edit is one step on the undo stack (a macro of the plain commands in `ui/undo.py`), and
keeps the references valid that the file format checks on load: a removed package leaves no
offer or outcome pointing at it, a removed concession leaves no package naming it.
"""

from __future__ import annotations

from contextlib import contextmanager
from decimal import Decimal

from worksheet.domain.deal import Package
from worksheet.i18n import N_, _
from worksheet.ui.document import DealDocument
from worksheet.ui.undo import InsertItem, RemoveItem, SetValue, SwapItems


@contextmanager
def _step(doc: DealDocument, label: str):
    doc.undo_stack.beginMacro(_(label))
    try:
        yield
    finally:
        doc.undo_stack.endMacro()


def package_index(doc: DealDocument, package_id: str | None) -> int:
    for i, p in enumerate(doc.deal.packages):
        if p.id == package_id:
            return i
    return -1


def default_name(doc: DealDocument) -> str:
    names = {p.name for p in doc.deal.packages}
    n = len(doc.deal.packages) + 1
    while _("Package {n}").format(n=n) in names:
        n += 1
    return _("Package {n}").format(n=n)


def add_package(
    doc: DealDocument,
    *,
    name: str | None = None,
    ask: Decimal | None = None,
    concessions: list[str] | None = None,
    notes: str = "",
    activate: bool = True,
    at: int | None = None,
    label: str = N_("Add package"),
) -> str:
    """Add a package (after the others, or at `at`); returns its id."""
    package = Package(
        id=doc.deal.new_package_id(),
        name=default_name(doc) if name is None else name,
        ask=ask,
        concessions=list(concessions or []),
        notes=notes,
    )
    where = len(doc.deal.packages) if at is None else at
    with _step(doc, label):
        doc.push(InsertItem(doc, ("packages",), where, package, label=label))
        if activate:
            doc.push(SetValue(doc, ("active_package",), package.id, merge=False))
    return package.id


def add_packages(
    doc: DealDocument, packages: list[Package], label: str = N_("Add packages")
) -> list:
    """Add several packages as one step (the MESO builder's proposal); returns their ids."""
    ids = []
    with _step(doc, label):
        for p in packages:
            ids.append(
                add_package(
                    doc,
                    name=p.name,
                    ask=p.ask,
                    concessions=p.concessions,
                    activate=not ids,
                    label=label,
                )
            )
    return ids


def copy_package(doc: DealDocument, package_id: str) -> str | None:
    i = package_index(doc, package_id)
    if i < 0:
        return None
    source = doc.deal.packages[i]
    name = f"{source.name or source.id} (copy)"
    new = add_package(
        doc,
        name=name,
        ask=source.ask,
        concessions=list(source.concessions),
        notes=source.notes,
        at=i + 1,
        label=N_("Copy package"),
    )
    return new


def rename_package(doc: DealDocument, package_id: str, name: str) -> None:
    i = package_index(doc, package_id)
    if i >= 0 and doc.deal.packages[i].name != name:
        doc.push(
            SetValue(doc, ("packages", i, "name"), name, label=N_("Rename package"), merge=False)
        )


def set_ask(doc: DealDocument, package_id: str, ask: Decimal | None) -> None:
    i = package_index(doc, package_id)
    if i >= 0 and doc.deal.packages[i].ask != ask:
        doc.push(
            SetValue(doc, ("packages", i, "ask"), ask, label=N_("Edit package ask"), merge=False)
        )


def move_package(doc: DealDocument, package_id: str, delta: int) -> None:
    i = package_index(doc, package_id)
    j = i + delta
    if i < 0 or not 0 <= j < len(doc.deal.packages) or delta not in (-1, 1):
        return
    doc.push(SwapItems(doc, ("packages",), i, j, label=N_("Move package")))


def remove_package(doc: DealDocument, package_id: str) -> None:
    deal = doc.deal
    i = package_index(doc, package_id)
    if i < 0:
        return
    with _step(doc, N_("Remove package")):
        for n, offer in enumerate(deal.offers):
            if offer.package == package_id:
                doc.push(SetValue(doc, ("offers", n, "package"), None, merge=False))
        if deal.outcome.package == package_id:
            doc.push(SetValue(doc, ("outcome", "package"), None, merge=False))
        if deal.active_package == package_id:
            others = [p.id for p in deal.packages if p.id != package_id]
            after = others[min(i, len(others) - 1)] if others else None
            doc.push(SetValue(doc, ("active_package",), after, merge=False))
        doc.push(RemoveItem(doc, ("packages",), i, label=N_("Remove package")))


def make_active(doc: DealDocument, package_id: str | None) -> None:
    if doc.deal.active_package != package_id:
        doc.push(
            SetValue(doc, ("active_package",), package_id, label=N_("Choose package"), merge=False)
        )


def set_member(doc: DealDocument, package_id: str, concession_id: str, inside: bool) -> None:
    """Put a concession into a package or take it out (every copy of its id)."""
    i = package_index(doc, package_id)
    if i < 0:
        return
    current = doc.deal.packages[i].concessions
    if (concession_id in current) == inside:
        return
    if inside:
        order = {c.id: n for n, c in enumerate(doc.deal.concessions)}
        new = sorted([*current, concession_id], key=lambda ident: order.get(ident, len(order)))
    else:
        new = [ident for ident in current if ident != concession_id]
    label = N_("Put in package") if inside else N_("Take out of package")
    doc.push(SetValue(doc, ("packages", i, "concessions"), new, label=label, merge=False))


def set_in_active(doc: DealDocument, concession_id: str, inside: bool) -> None:
    """The Concessions page's tick: membership of the active package; ticking with no active
    package makes one (one undo step)."""
    active = doc.deal.active()
    if active is not None:
        set_member(doc, active.id, concession_id, inside)
        return
    if not inside:
        return
    add_package(doc, concessions=[concession_id], label=N_("Put in package"))


def remove_concession(doc: DealDocument, row: int, label: str = N_("Remove concession")) -> None:
    """Remove a concession and its id from every package, as one step."""
    deal = doc.deal
    if not 0 <= row < len(deal.concessions):
        return
    ident = deal.concessions[row].id
    with _step(doc, label):
        for i, p in enumerate(deal.packages):
            if ident in p.concessions:
                kept = [c for c in p.concessions if c != ident]
                doc.push(SetValue(doc, ("packages", i, "concessions"), kept, merge=False))
        doc.push(RemoveItem(doc, ("concessions",), row, label=label))
