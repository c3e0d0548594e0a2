"""The always-visible summary: status in words, the ZOPA chart, key numbers, warnings, readiness."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from worksheet.domain.deal import Deal
from worksheet.domain.summary import Summary
from worksheet.i18n import _
from worksheet.present.summary import KEY_NUMBER_TIPS, KEY_NUMBERS, summary_text
from worksheet.present.warnings import warning_text
from worksheet.ui.widgets.colors import accents, blend, muted_text
from worksheet.ui.widgets.locale_numbers import separators
from worksheet.ui.widgets.readiness_list import ReadinessList
from worksheet.ui.widgets.zopa_chart import ZopaChart


def _set_text(label: QLabel, text: str) -> None:
    """Change a label only when its words change, so an edit does not relayout the panel."""
    if label.text() != text:
        label.setText(text)


def _plain_label(parent: QWidget, wrap: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # deal text is the user's: never markup
    label.setWordWrap(wrap)
    if wrap:
        # Word-wrapped labels need this to report a height that fits their width.
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
    return label


class _WarningRow(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.icon = _plain_label(self)
        self.icon.setText("⚠")
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.icon.setAccessibleName(_("Warning"))
        self.message = _plain_label(self, wrap=True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.message, 1)


class SummaryPanel(QWidget):
    """Shows one deal's summary; `setData(deal, summary)` after every change, which is cheap."""

    readinessActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._summary: Summary | None = None
        self._currency = ""
        self.setAccessibleName(_("Deal summary"))

        self._title = _plain_label(self)
        title_font = QFont(self._title.font())
        title_font.setBold(True)
        if title_font.pointSizeF() > 0:
            title_font.setPointSizeF(title_font.pointSizeF() * 1.2)
        self._title.setFont(title_font)
        self._title.setAccessibleName(_("Deal zone status"))
        self._sentence = _plain_label(self, wrap=True)
        self._sentence.setAccessibleName(_("Deal zone in words"))

        self.chart = ZopaChart(self)
        self.chart.setShowStatus(False)  # the title just above says it

        self._numbers = QWidget(self)
        self._numbers_grid = QGridLayout(self._numbers)
        self._numbers_grid.setContentsMargins(0, 0, 0, 0)
        self._numbers_grid.setHorizontalSpacing(10)
        self._numbers_grid.setVerticalSpacing(3)
        self._number_names: dict[str, QLabel] = {}
        self._number_values: dict[str, QLabel] = {}
        for key, seller_words, _buyer in KEY_NUMBERS:
            name = _plain_label(self._numbers)
            name.setText(_(seller_words))
            name.setToolTip(KEY_NUMBER_TIPS[key][0])
            value = _plain_label(self._numbers)
            value.setText("—")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            name.setBuddy(value)
            self._number_names[key] = name
            self._number_values[key] = value
        self._number_columns = 0
        self._arrange_numbers(2)

        self._warnings = QFrame(self)
        self._warnings.setObjectName("warnings")
        self._warnings.setFrameShape(QFrame.Shape.NoFrame)
        self._warnings.setAutoFillBackground(True)
        self._warnings.setAccessibleName(_("Warnings"))
        self._warnings_layout = QVBoxLayout(self._warnings)
        self._warnings_layout.setContentsMargins(8, 6, 8, 6)
        self._warnings_layout.setSpacing(4)
        self._warning_rows: list[_WarningRow] = []
        self._warnings.hide()

        self.readiness = ReadinessList(self)
        self.readiness.checkActivated.connect(self.readinessActivated)

        # The manager's sign-off, with the summary (spec §2.6); hidden until there is one.
        self._signoff = _plain_label(self, wrap=True)
        self._signoff.setObjectName("summary-signoff")
        self._signoff.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        layout.addWidget(self._title)
        layout.addWidget(self._sentence)
        layout.addWidget(self._signoff)
        layout.addWidget(self.chart)
        layout.addWidget(self._numbers)
        layout.addWidget(self._warnings)
        layout.addWidget(self.readiness)
        layout.addStretch(1)
        self._apply_colours()

    # --- public interface -------------------------------------------------------------------

    def setData(self, deal: Deal, summary: Summary) -> None:
        self.chart.setData(deal, summary)
        self._show_signoff(deal)
        seps = separators(self.locale())
        if summary == self._summary and (deal.currency, seps) == self._currency:
            return
        self._summary, self._currency = summary, (deal.currency, seps)
        # The words and amounts come from worksheet.present, in this locale's separators so
        # the panel reads as the amount fields do.
        text = summary_text(summary, deal.currency, seps)
        _set_text(self._title, text.title)
        _set_text(self._sentence, text.sentence)
        for number in text.numbers:
            _set_text(self._number_names[number.key], number.label)
            _set_text(self._number_values[number.key], number.value)
            if self._number_names[number.key].toolTip() != number.tip:
                self._number_names[number.key].setToolTip(number.tip)
        self._fit_numbers()
        self._show_warnings([warning_text(w, deal.currency, seps) for w in summary.warnings])
        self.readiness.setSummary(summary)
        self._apply_title_colour()

    def _show_signoff(self, deal: Deal) -> None:
        sign = deal.sign_off
        if not sign.decision and not sign.by.strip():
            self._signoff.hide()
            return
        from worksheet.present.signoff import is_stale, status_line

        _set_text(self._signoff, status_line(deal))
        stale = is_stale(deal)
        font = self._signoff.font()
        if font.bold() != stale:
            font.setBold(stale)
            self._signoff.setFont(font)
        self._signoff.setStyleSheet("color: #9c0006;" if stale else "")
        self._signoff.show()

    def signOffText(self) -> str:
        """The sign-off line on show, or "" when it is hidden."""
        return self._signoff.text() if not self._signoff.isHidden() else ""

    def warningTexts(self) -> list[str]:
        """The warning messages on show, in order (empty when the box is hidden)."""
        if self._warnings.isHidden():
            return []
        return [row.message.text() for row in self._warning_rows if not row.isHidden()]

    def warningsBox(self) -> QWidget:
        return self._warnings

    def titleText(self) -> str:
        return self._title.text()

    def sentenceText(self) -> str:
        return self._sentence.text()

    def numberName(self, key: str) -> str:
        """The words shown for one of `KEY_NUMBERS`, e.g. "Package ceiling" for a buyer."""
        return self._number_names[key].text()

    def numberText(self, key: str) -> str:
        """The value shown for one of `KEY_NUMBERS`, e.g. `numberText("probability")`."""
        return self._number_values[key].text()

    # --- internals ------------------------------------------------------------------------

    def _arrange_numbers(self, columns: int) -> None:
        """Key numbers as name–value pairs, two pairs a row when wide enough, else one."""
        if columns == self._number_columns:
            return
        self._number_columns = columns
        grid = self._numbers_grid
        for key, *_words in KEY_NUMBERS:
            grid.removeWidget(self._number_names[key])
            grid.removeWidget(self._number_values[key])
        for index in range(grid.columnCount()):
            grid.setColumnStretch(index, 0)
            grid.setColumnMinimumWidth(index, 0)
        for index, (key, *_words) in enumerate(KEY_NUMBERS):
            row, column = divmod(index, columns)
            grid.addWidget(self._number_names[key], row, column * 3)
            grid.addWidget(self._number_values[key], row, column * 3 + 1)
        if columns == 2:
            grid.setColumnMinimumWidth(2, 14)
            grid.setColumnStretch(2, 1)
            grid.setColumnStretch(5, 1)
        else:
            grid.setColumnStretch(2, 1)

    def _fit_numbers(self) -> None:
        names = max(label.sizeHint().width() for label in self._number_names.values())
        values = max(label.sizeHint().width() for label in self._number_values.values())
        spacing = self._numbers_grid.horizontalSpacing()
        two_columns = 2 * (names + values + spacing) + 14 + 2 * spacing
        # Let the panel shrink to one column's width; the reflow below then keeps names whole.
        one_column = names + values + 14 + 2 * spacing
        if self._numbers.minimumWidth() != one_column:
            self._numbers.setMinimumWidth(one_column)
        margins = self.layout().contentsMargins() if self.layout() else None
        room = self.width() - (margins.left() + margins.right() if margins else 0)
        self._arrange_numbers(2 if room >= two_columns else 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_numbers()

    def _show_warnings(self, messages: list[str]) -> None:
        while len(self._warning_rows) < len(messages):
            row = _WarningRow(self._warnings)
            self._warnings_layout.addWidget(row)
            self._warning_rows.append(row)
            self._colour_warning_row(row)
        for index, row in enumerate(self._warning_rows):
            if index < len(messages):
                _set_text(row.message, messages[index])
                row.message.setAccessibleName(
                    _("Warning: {message}").format(message=messages[index])
                )
                if row.isHidden():
                    row.show()
            elif not row.isHidden():
                row.hide()
        self._warnings.setVisible(bool(messages))

    def _apply_colours(self) -> None:
        palette = self.palette()
        muted = QPalette(self._sentence.palette())
        muted.setColor(QPalette.ColorRole.WindowText, muted_text(palette))
        for label in self._number_names.values():
            label.setPalette(muted)
        box = QPalette(self._warnings.palette())
        tint = blend(accents(palette).warning, palette.color(QPalette.ColorRole.Window), 0.14)
        box.setColor(QPalette.ColorRole.Window, tint)
        self._warnings.setPalette(box)
        for row in self._warning_rows:
            self._colour_warning_row(row)
        self._apply_title_colour()

    def _colour_warning_row(self, row: _WarningRow) -> None:
        icon = QPalette(row.icon.palette())
        icon.setColor(QPalette.ColorRole.WindowText, accents(self.palette()).warning)
        row.icon.setPalette(icon)

    def _apply_title_colour(self) -> None:
        colors = accents(self.palette())
        status = self._summary.status if self._summary else "unknown"
        colour = {
            "certain": colors.ok,
            "none": colors.gap,
        }.get(status, self.palette().color(QPalette.ColorRole.WindowText))
        palette = QPalette(self._title.palette())
        if palette.color(QPalette.ColorRole.WindowText) != QColor(colour):
            palette.setColor(QPalette.ColorRole.WindowText, colour)
            self._title.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_colours()
        super().changeEvent(event)
