"""The meeting view: large type, one entry for the numbers heard, each offer scored at once,
the proposed counter, and the concessions to mark as the talk goes.

Keys: an amount and Enter logs their offer, Shift+Enter ours; hold W to see the walk-away
(others may see the screen, so it is hidden otherwise); F11 full screen; Esc clears the entry,
or leaves when the entry is empty; Ctrl+Z / Ctrl+Shift+Z undo and redo.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from worksheet.domain.meeting import MeetingState, meeting_state, offer_now
from worksheet.i18n import _, ngettext
from worksheet.present import meeting as words
from worksheet.present.numbers import format_money
from worksheet.ui.document import DealDocument
from worksheet.ui.meeting.models import ConcessionStatusModel, OfferLogModel, StatusDelegate
from worksheet.ui.meeting.zone_bar import ZoneBar
from worksheet.ui.undo import InsertItem
from worksheet.ui.widgets.colors import accents
from worksheet.ui.widgets.money_field import parse_amount

WALK_AWAY_KEY = Qt.Key.Key_W
#: The meeting view's type is this much larger than the app's, to read from arm's length.
SCALE = 1.3


def _scaled(font: QFont, factor: float, bold: bool = False) -> QFont:
    f = QFont(font)
    if f.pointSizeF() > 0:
        f.setPointSizeF(f.pointSizeF() * factor)
    else:
        f.setPixelSize(round(f.pixelSize() * factor))
    if bold:
        f.setWeight(QFont.Weight.DemiBold)
    return f


def _label(text: str = "", scale: float = 1.0, bold: bool = False, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setProperty("meetingScale", (scale, bold))
    if name:
        label.setObjectName(name)
        label.setAccessibleName(name.replace("-", " "))
    return label


class MeetingView(QWidget):
    """A window of its own over the document; every change goes through the undo stack."""

    #: The view closed; the argument is how many offers it logged (and were not undone).
    finished = Signal(int)

    def __init__(
        self,
        doc: DealDocument,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("meeting-view")
        self.doc = doc
        self.clock = clock or (lambda: datetime.now().astimezone())
        self.logged = 0
        self._start_count = len(doc.deal.offers)
        self._closed = False
        self.state: MeetingState | None = None
        self.setWindowTitle(
            _("{view} — {deal}").format(
                view=_(words.VIEW_TITLE), deal=doc.deal.title or doc.display_name
            )
        )
        self.setFont(_scaled(self.font(), SCALE))

        # ---------------------------------------------------------------- header
        self.title = _label("", 1.25, True, "meeting-title")
        self.package = _label("", 1.0, False, "meeting-package")
        self.package.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        head = QHBoxLayout()
        head.addWidget(self.title, 3)
        head.addWidget(self.package, 2)

        self.zone_bar = ZoneBar()
        self.walk_away = _label(words.walk_away_hint(), 1.0, False, "meeting-walk-away")
        self.walk_away_button = QPushButton(_("Hold to show walk-away"))
        self.walk_away_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.walk_away_button.pressed.connect(lambda: self.show_walk_away(True))
        self.walk_away_button.released.connect(lambda: self.show_walk_away(False))
        secret = QHBoxLayout()
        secret.addWidget(self.walk_away, 1)
        secret.addWidget(self.walk_away_button)

        # ---------------------------------------------------------------- left: the numbers
        self.entry = QLineEdit()
        self.entry.setObjectName("meeting-entry")
        self.entry.setAccessibleName(_("Offer amount"))
        self.entry.setPlaceholderText(_("Amount heard or said"))
        self.entry.setClearButtonEnabled(True)
        self.entry_error = _label("", 0.9, False, "meeting-entry-error")
        self.latest = _label(_(words.NO_OFFERS), 1.5, True, "meeting-latest")
        self.latest_detail = _label("", 1.0, False, "meeting-latest-detail")
        self.counter = _label("", 1.3, True, "meeting-counter")
        self.counter_caption = _label(
            _("Proposed counter (shrinking steps, never past the walk-away)"),
            0.85,
            False,
            "meeting-counter-caption",
        )
        self.log_model = OfferLogModel(doc, self)
        self.log = QTableView()
        self.log.setObjectName("meeting-log")
        self.log.setAccessibleName(_("Offer log"))
        self.log.setModel(self.log_model)
        self._table_style(self.log)
        header = self.log.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        left = QVBoxLayout()
        left.setSpacing(8)
        left.addWidget(self.entry)
        left.addWidget(self.entry_error)
        left.addWidget(self.latest)
        left.addWidget(self.latest_detail)
        left.addSpacing(6)
        left.addWidget(self.counter_caption)
        left.addWidget(self.counter)
        left.addSpacing(6)
        left.addWidget(self.log, 1)

        # ---------------------------------------------------------------- right: concessions
        self.concession_model = ConcessionStatusModel(doc, self)
        self.concessions = QTableView()
        self.concessions.setObjectName("meeting-concessions")
        self.concessions.setAccessibleName(_("Concessions at the table"))
        self.concessions.setModel(self.concession_model)
        self.concessions.setItemDelegateForColumn(1, StatusDelegate(self.concessions))
        self.concessions.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        self._table_style(self.concessions)
        ch = self.concessions.horizontalHeader()
        ch.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        ch.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        ch.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        ch.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.totals = _label("", 1.0, False, "meeting-totals")
        self.got = _label("", 0.95, False, "meeting-got")
        self.warnings = _label("", 1.0, False, "meeting-warnings")
        right = QVBoxLayout()
        right.setSpacing(8)
        right.addWidget(_label(_("Concessions"), 1.1, True))
        right.addWidget(self.concessions, 1)
        right.addWidget(self.totals)
        right.addWidget(self.got)
        right.addWidget(self.warnings)

        columns = QHBoxLayout()
        columns.setSpacing(28)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)

        self.keys = _label(
            _("{keys} · F11: full screen · Ctrl+Z: undo").format(keys=_(words.ENTRY_HINT)),
            0.8,
            False,
            "meeting-keys",
        )
        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 20, 28, 16)
        outer.setSpacing(10)
        outer.addLayout(head)
        outer.addWidget(self.zone_bar)
        outer.addLayout(secret)
        outer.addLayout(columns, 1)
        outer.addWidget(self.keys)
        for quiet in (self.keys, self.counter_caption, self.walk_away, self.got):
            quiet.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._colour_warnings()
        self._apply_fonts()

        # ---------------------------------------------------------------- keys and wiring
        stack = doc.undo_stack
        undo = stack.createUndoAction(self, _("Undo"))
        redo = stack.createRedoAction(self, _("Redo"))
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo.setShortcuts(QKeySequence.StandardKey.Redo)
        full = QAction(_("Full Screen"), self)
        full.setShortcut(QKeySequence(Qt.Key.Key_F11))
        full.triggered.connect(self.toggle_full_screen)
        for action in (undo, redo, full):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
        for widget in (self, self.entry, self.log, self.concessions):
            widget.installEventFilter(self)
        doc.edited.connect(self.refresh)
        doc.dealReplaced.connect(self._on_deal_replaced)
        self.resize(1280, 760)
        self.refresh()
        self.entry.setFocus()

    def _apply_fonts(self) -> None:
        """Every label's size is a multiple of the view's own (already enlarged) font."""
        base = self.font()
        for label in self.findChildren(QLabel):
            scale = label.property("meetingScale")
            if scale is not None:
                label.setFont(_scaled(base, float(scale[0]), bool(scale[1])))
        self.entry.setFont(_scaled(base, 1.6, True))
        for table in (self.log, self.concessions):
            table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)

    @staticmethod
    def _table_style(view: QTableView) -> None:
        view.verticalHeader().hide()
        view.setShowGrid(False)
        view.setAlternatingRowColors(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setWordWrap(False)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)

    def _colour_warnings(self) -> None:
        pal = self.warnings.palette()
        pal.setColor(QPalette.ColorRole.WindowText, accents(self.palette()).warning)
        self.warnings.setPalette(pal)
        self.entry_error.setPalette(pal)

    # ------------------------------------------------------------------ state → screen

    def refresh(self) -> None:
        deal = self.doc.deal
        state = meeting_state(deal)
        self.state = state
        cur = deal.currency
        self.title.setText(deal.title or self.doc.display_name)
        pkg = deal.active()
        if pkg is None:
            self.package.setText(_("No package on the table"))
        else:
            name = pkg.name or pkg.id
            if pkg.ask is None:
                self.package.setText(_("Package: {name}").format(name=name))
            else:
                self.package.setText(
                    _("Package: {name} · asking {amount}").format(
                        name=name, amount=format_money(pkg.ask, cur)
                    )
                )
        self.zone_bar.set_state(deal, state)
        self._show_walk_away_text()
        if self.log_model.scores != state.scores:
            self.log_model.set_scores(state.scores)
        latest = next((s for s in reversed(state.scores) if s.amount is not None), None)
        if latest is None:
            self.latest.setText(_(words.NO_OFFERS))
            self.latest_detail.setText("")
        else:
            amount = format_money(latest.amount, cur)
            if latest.by == "them":
                self.latest.setText(_("Their offer: {amount}").format(amount=amount))
            else:
                self.latest.setText(_("Our offer: {amount}").format(amount=amount))
            self.latest_detail.setText(" · ".join(words.score_words(latest, cur)))
        self.counter.setText(words.counter_sentence(state.counter, cur))
        self.totals.setText(words.totals_sentence(state.totals, cur))
        self.got.setText(words.got_sentence(state.totals))
        lines = []
        for code, what in state.warnings:
            if code == "given_without_trade":
                found = next((c for c in deal.concessions if c.id == what), None)
                label = found.what if found is not None and found.what else str(what)
            else:
                amount = deal.offers[int(what)].amount
                label = format_money(amount, cur)
            lines.append(words.warning_sentence(code, label))
        shown = lines[:3]
        if len(lines) > 3:
            more = len(lines) - 3
            shown.append(
                ngettext("…and {count} more.", "…and {count} more.", more).format(count=more)
            )
        self.warnings.setText("\n".join(shown))
        self.warnings.setVisible(bool(lines))

    def _show_walk_away_text(self) -> None:
        if self.zone_bar.walk_away_shown and self.state is not None:
            deal = self.doc.deal
            self.walk_away.setText(
                words.walk_away_text(
                    self.state.floor, deal.currency, deal.anchors.walk_away, deal.is_seller
                )
            )
            self.walk_away.setForegroundRole(QPalette.ColorRole.WindowText)
        else:
            self.walk_away.setText(words.walk_away_hint())
            self.walk_away.setForegroundRole(QPalette.ColorRole.PlaceholderText)

    def show_walk_away(self, shown: bool) -> None:
        self.zone_bar.show_walk_away(shown)
        self._show_walk_away_text()

    @property
    def walk_away_visible(self) -> bool:
        return self.zone_bar.walk_away_shown

    # ------------------------------------------------------------------ user actions

    def log_offer(self, by: str) -> bool:
        """Log the amount in the entry as an offer by `by`; a bad amount keeps the text."""
        locale = self.entry.locale()
        text = self.entry.text()
        from worksheet.present.numbers import CURRENCY_SYMBOLS

        for mark in (self.doc.deal.currency, CURRENCY_SYMBOLS.get(self.doc.deal.currency, "")):
            if mark:
                text = text.replace(mark, "")
        try:
            amount = parse_amount(text, locale.decimalPoint(), locale.groupSeparator())
        except ValueError as exc:
            self.entry_error.setText(str(exc))
            return False
        if amount is None:
            self.entry_error.setText(_("Type an amount first."))
            return False
        at = self.clock().isoformat(timespec="seconds")
        offer = offer_now(self.doc.deal, by, amount, at)
        label = _("Log their offer") if by == "them" else _("Log our offer")
        offers = self.doc.deal.offers
        self.doc.push(InsertItem(self.doc, ("offers",), len(offers), offer, label=label))
        self.logged += 1
        self.entry.clear()
        self.entry_error.setText("")
        return True

    def _on_deal_replaced(self) -> None:
        # Another deal was opened in the window: the talk logged here belongs to the old one,
        # so leave without offering a debrief of the new one.
        self._start_count = len(self.doc.deal.offers)
        self.close()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    # ------------------------------------------------------------------ events

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if key_event.key() == WALK_AWAY_KEY and not key_event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            ):
                if not key_event.isAutoRepeat():
                    self.show_walk_away(kind == QEvent.Type.KeyPress)
                return True
            if kind == QEvent.Type.KeyPress and watched is self.entry:
                if key_event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    shift = key_event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                    self.log_offer("us" if shift else "them")
                    return True
                if key_event.key() == Qt.Key.Key_Escape and self.entry.text():
                    self.entry.clear()
                    self.entry_error.setText("")
                    return True
        elif kind == QEvent.Type.ShortcutOverride and watched is self.entry:
            key_event = event  # type: ignore[assignment]
            # The entry's own little undo would hide the document's: let the shortcut through.
            if key_event.matches(QKeySequence.StandardKey.Undo) or key_event.matches(
                QKeySequence.StandardKey.Redo
            ):
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        # A key released while another window had the focus never arrives: hide on leaving.
        if event.type() == QEvent.Type.ActivationChange and not self.isActiveWindow():
            self.show_walk_away(False)
        if event.type() == QEvent.Type.PaletteChange:
            self._colour_warnings()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.show_walk_away(False)
        event.accept()
        if self._closed:
            return
        self._closed = True
        try:
            self.doc.edited.disconnect(self.refresh)
            self.doc.dealReplaced.disconnect(self._on_deal_replaced)
        except (RuntimeError, TypeError):
            pass
        # Offers logged and not undone since the view opened: they are what a debrief is for.
        self.finished.emit(max(0, len(self.doc.deal.offers) - self._start_count))


__all__ = ["MeetingView"]
