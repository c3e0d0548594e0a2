"""What every page shares: a heading, prompts under fields, and two-way binding to the deal.

A page never changes the deal directly: each user edit becomes a SetValue command on the
document, and the page refreshes a field only when the document says that path changed
(after undo/redo, or a new deal), so typing is never interrupted.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from worksheet.domain.deal import TEXT_LIMIT
from worksheet.i18n import _
from worksheet.present.forms import item_count
from worksheet.ui.document import DealDocument, FieldPath
from worksheet.ui.undo import SetValue
from worksheet.ui.widgets.money_field import MoneyField
from worksheet.ui.widgets.text_limit import limit_characters

if TYPE_CHECKING:
    from worksheet.ui.models.base import ListTableModel
    from worksheet.ui.pages.detail import DetailEditor
    from worksheet.ui.pages.table import TableView

#: Forms read best when lines do not run across a wide screen.
FORM_MAX_WIDTH = 760


def prompt_label(text: str, parent: QWidget | None = None) -> QLabel:
    """A short, quiet sentence under a field that helps the user think about it."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    font = label.font()
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * 0.92)
    label.setFont(font)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    # Spare height (table pages) goes below the text, never between a heading and its words.
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


def heading_label(text: str, scale: float = 1.45, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


class Page(QWidget):
    """One section of the worksheet. Subclasses fill `self.body` in `build()`."""

    KEY = ""
    TITLE = ""
    INTRO = ""
    #: Table pages manage their own scrolling; form pages scroll as a whole.
    SCROLLS = True

    #: A message for the status bar (e.g. a refused table edit).
    message = Signal(str)

    def __init__(self, doc: DealDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.setObjectName(f"page-{self.KEY}")
        self._bindings: dict[FieldPath, Callable[[], None]] = {}
        self._focus_targets: dict[FieldPath, QWidget] = {}
        self.money_fields: list[MoneyField] = []

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        content = QWidget()
        content.setObjectName("page-content")
        self.body = QVBoxLayout(content)
        self.body.setContentsMargins(24, 18, 24, 18)
        self.body.setSpacing(10)
        self.body.addWidget(heading_label(_(self.TITLE)))
        #: Prompt labels by key ("vision.goal", "intro.vision") with their default words, so a
        #: template for the kind of negotiation can put its own words there (set_prompts).
        self._prompts: dict[str, tuple[QLabel, str]] = {}
        self._examples: dict[str, tuple[QLineEdit | QPlainTextEdit, str]] = {}
        intro = prompt_label(_(self.INTRO))
        intro.setForegroundRole(QPalette.ColorRole.WindowText)
        intro.setVisible(bool(self.INTRO))
        self.body.addWidget(intro)
        self.register_prompt(f"intro.{self.KEY}", intro, _(self.INTRO))
        # Every page scrolls when the window is smaller than the page needs (a laptop screen):
        # form pages keep a readable width; table pages fill the room they get and scroll
        # only below their tables' smallest height, so no page sets the window's minimum.
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        if self.SCROLLS:
            content.setMaximumWidth(FORM_MAX_WIDTH)
            holder = QWidget()
            row = QHBoxLayout(holder)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(content, 1)
            row.addStretch(0)
            self.scroll.setWidget(holder)
        else:
            self.scroll.setWidget(content)
        outer.addWidget(self.scroll)

        self._captions: list[QLabel] = []
        self._echo: FieldPath | None = None
        self.build()
        self._align_captions()
        if self.SCROLLS:
            self.body.addStretch(1)
        doc.valueSet.connect(self._on_value_set)
        doc.dealReplaced.connect(self.refresh_all)
        self.refresh_all()

    def build(self) -> None:
        raise NotImplementedError

    # ------------------------------------------------------------------ layout helpers

    def section(self, title: str, intro: str = "") -> QFormLayout:
        """A titled group of fields laid out as label | field (with its prompt beneath)."""
        title, intro = _(title), _(intro)
        self.body.addSpacing(8)
        self.body.addWidget(heading_label(title, 1.1))
        if intro:
            self.body.addWidget(prompt_label(intro))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(12)
        self.body.addLayout(form)
        return form

    def _add_row(
        self,
        form: QFormLayout,
        label: str,
        field: QWidget,
        prompt: str,
        path: FieldPath | None = None,
    ) -> None:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        column.addWidget(field)
        if prompt or path is not None:
            hint = prompt_label(prompt)
            hint.setVisible(bool(prompt))
            column.addWidget(hint)
            if path is not None:
                self.register_prompt(".".join(str(step) for step in path), hint, prompt)
        caption = QLabel(label)
        caption.setTextFormat(Qt.TextFormat.PlainText)
        caption.setBuddy(field.focusProxy() or field)
        # Line the caption up with the field's text, not with the prompt under it.
        caption.setMinimumHeight(
            field.sizeHint().height() if not isinstance(field, QPlainTextEdit) else 0
        )
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.add_caption_row(form, caption, holder)

    def add_caption_row(self, form: QFormLayout, caption: QLabel, field: QWidget) -> None:
        self._captions.append(caption)
        form.addRow(caption, field)

    def _align_captions(self) -> None:
        """Every section of a page shares one label column, so fields line up down the page."""
        if not self._captions:
            return
        width = max(c.sizeHint().width() for c in self._captions)
        for caption in self._captions:
            caption.setMinimumWidth(width)

    # ------------------------------------------------------------------ bound fields

    def _push(self, path: FieldPath, value: Any, label: str) -> None:
        if self.doc.get(path) == value:
            return
        # The field that made the edit already shows it: rewriting it would move the cursor
        # or reformat a half-typed amount.
        self._echo = tuple(path)
        try:
            self.doc.push(
                SetValue(self.doc, path, value, label=_("Edit “{field}”").format(field=label))
            )
        finally:
            self._echo = None

    def add_line(
        self,
        form: QFormLayout,
        label: str,
        path: FieldPath,
        prompt: str = "",
        placeholder: str = "",
    ) -> QLineEdit:
        label, prompt, placeholder = _(label), _(prompt), _(placeholder)
        edit = QLineEdit()
        limit_characters(edit, TEXT_LIMIT)
        edit.setAccessibleName(label)
        edit.setAccessibleDescription(prompt)
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda text: self._push(path, text[:TEXT_LIMIT], label))
        self.register_example(path, edit)

        def refresh() -> None:
            value = self.doc.get(path)
            if edit.text() != value:
                edit.setText(value)
                edit.setCursorPosition(0)  # long text shows its beginning, not its end

        self._register(path, edit, refresh)
        self._add_row(form, label, edit, prompt, path)
        return edit

    def add_text(
        self,
        form: QFormLayout | None,
        label: str,
        path: FieldPath,
        prompt: str = "",
        placeholder: str = "",
        lines: int = 3,
    ) -> QPlainTextEdit:
        label, prompt, placeholder = _(label), _(prompt), _(placeholder)
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)  # Tab moves on through the form, as in the other fields
        edit.setUndoRedoEnabled(False)  # the window's undo stack owns undo
        edit.setAccessibleName(label)
        edit.setAccessibleDescription(prompt)
        edit.setPlaceholderText(placeholder)
        self.register_example(path, edit)
        metrics = edit.fontMetrics()
        margins = edit.contentsMargins()
        frame = 2 * edit.frameWidth() + margins.top() + margins.bottom() + 8
        # A few lines in view keeps the form calm; longer text scrolls inside the box.
        edit.setFixedHeight(metrics.lineSpacing() * lines + frame)
        edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        loading = [False]

        def on_change() -> None:
            if loading[0]:
                return
            text = edit.toPlainText()
            if len(text) > TEXT_LIMIT:
                text = text[:TEXT_LIMIT]
                self.message.emit(
                    _("{field} was cut to {limit} characters, the most a field holds.").format(
                        field=label, limit=f"{TEXT_LIMIT:,}"
                    )
                )
                loading[0] = True
                edit.setPlainText(text)
                loading[0] = False
            self._push(path, text, label)

        def refresh() -> None:
            value = self.doc.get(path)
            if edit.toPlainText() != value:
                loading[0] = True
                edit.setPlainText(value)
                loading[0] = False

        edit.textChanged.connect(on_change)
        self._register(path, edit, refresh)
        if form is not None:
            self._add_row(form, label, edit, prompt, path)
        return edit

    def add_choice(
        self,
        form: QFormLayout,
        label: str,
        path: FieldPath,
        choices: tuple[tuple[str, str], ...],
        prompt: str = "",
    ) -> QComboBox:
        label, prompt = _(label), _(prompt)
        combo = QComboBox()
        combo.setAccessibleName(label)
        combo.setAccessibleDescription(prompt)
        for value, text in choices:
            combo.addItem(text, value)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        combo.activated.connect(lambda i: self._push(path, combo.itemData(i), label))

        def refresh() -> None:
            found = combo.findData(self.doc.get(path))
            if found >= 0 and combo.currentIndex() != found:
                combo.setCurrentIndex(found)

        self._register(path, combo, refresh)
        self._add_row(form, label, combo, prompt, path)
        return combo

    def add_money(
        self,
        form: QFormLayout,
        label: str,
        path: FieldPath,
        prompt: str = "",
        placeholder: str = "",
    ) -> MoneyField:
        label, prompt, placeholder = _(label), _(prompt), _(placeholder)
        field = MoneyField(label)
        # Amounts read best in a box sized for them, not stretched across the form.
        field.setMaximumWidth(field.fontMetrics().horizontalAdvance("0") * 22 + 60)
        field.setPlaceholderText(placeholder or _("not set"))
        field.setAccessibleDescription(prompt)
        field.amountEdited.connect(lambda amount: self._push(path, amount, label))

        def refresh() -> None:
            value: Decimal | None = self.doc.get(path)
            field.setCurrency(self.doc.deal.currency)
            if field.isValid() and field.amount() == value and field.lineEdit().text():
                return  # already says this amount, perhaps in the user's own spelling
            field.setAmount(value)

        self.money_fields.append(field)
        self._register(path, field, refresh)
        self._add_row(form, label, field, prompt, path)
        return field

    def add_table(
        self,
        model: ListTableModel,
        prompt: str = "",
        *,
        stretch: int = 1,
        title: str = "",
        placeholder: str = "",
        detail: DetailEditor | bool = False,
        count_text: Callable[[], str] | None = None,
    ) -> TableView:
        """A table with Add / Remove (and for ordered lists Move up / down) under it.

        `placeholder` is painted in the empty table. `detail=True` puts a detail editor for the
        selected row under the buttons; a DetailEditor given here follows this table too.
        `count_text` replaces the row count at the right of the buttons.
        """
        prompt, title, placeholder = _(prompt), _(title), _(placeholder)
        # Heading, prompt, table and buttons sit close together; groups keep the page's spacing.
        group = QVBoxLayout()
        group.setSpacing(4)
        if title:
            head = QHBoxLayout()
            head.setSpacing(12)
            head.addWidget(heading_label(title, 1.1))
            if prompt:
                note = prompt_label(prompt)
                note.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                head.addWidget(note, 1)
            else:
                head.addStretch(1)
            group.addLayout(head)
        elif prompt:
            group.addWidget(prompt_label(prompt))
        # Tables load with the first page that shows one, not with the window.
        from worksheet.ui.delegates import CellDelegate
        from worksheet.ui.pages.table import TableView

        view = TableView(model)
        view.setAccessibleName(title or _(self.TITLE))
        view.message.connect(self.message)
        if placeholder:
            view.set_placeholder_text(placeholder)
        delegate = CellDelegate(view)
        delegate.inputRefused.connect(self.message)
        view.setItemDelegate(delegate)
        group.addWidget(view, 1)

        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        item = _(model.ITEM_NAME)
        add = QPushButton(_("Add {item}").format(item=item))
        remove = QPushButton(_("Remove"))
        add.setAccessibleName(_("Add {item}").format(item=item))
        remove.setAccessibleName(_("Remove the selected {item}").format(item=item))
        # The table's keys, where people look for them.
        add.setToolTip(_("Add a row after the selected one (Insert)"))
        remove.setToolTip(_("Remove the selected rows (Delete)"))
        buttons.addWidget(add)
        buttons.addWidget(remove)
        moves: list[QPushButton] = []
        if model.KEEP_FIELD is not None:
            up, down = QPushButton(_("Move up")), QPushButton(_("Move down"))
            up.setAccessibleName(_("Move the selected {item} up").format(item=item))
            down.setAccessibleName(_("Move the selected {item} down").format(item=item))
            up.setToolTip(_("Move the selected row up (Ctrl+Up)"))
            down.setToolTip(_("Move the selected row down (Ctrl+Down)"))
            up.clicked.connect(lambda: view.move_current(-1))
            down.clicked.connect(lambda: view.move_current(1))
            buttons.addWidget(up)
            buttons.addWidget(down)
            moves = [up, down]
        buttons.addStretch(1)
        count = QLabel()
        count.setTextFormat(Qt.TextFormat.PlainText)
        count.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        if count_text is None:
            buttons.addWidget(count)
        else:
            # A longer summary line reads at a glance above the table, with room to spare.
            group.insertWidget(group.indexOf(view), count)
        group.addLayout(buttons)
        if detail is True:
            from worksheet.ui.pages.detail import DetailEditor

            detail = DetailEditor(self.message.emit)
            group.addSpacing(6)
            group.addWidget(detail)
        if isinstance(detail, QWidget):
            detail.attach(view)
        self.body.addLayout(group, stretch)

        def on_add() -> None:
            try:
                view.add_after_current()
            except ValueError as exc:
                self.message.emit(str(exc))

        def update_buttons() -> None:
            has_row = view.currentIndex().isValid()
            remove.setEnabled(has_row)
            add.setEnabled(model.can_add())
            for b in moves:
                b.setEnabled(has_row)
            n = model.rowCount()
            if count_text is not None:
                count.setText(count_text())
            else:
                count.setText(item_count(model.LIST_PATH, n, f"{n:,}"))

        add.clicked.connect(on_add)
        remove.clicked.connect(view.remove_current)
        view.selectionModel().currentChanged.connect(update_buttons)
        model.rowsInserted.connect(update_buttons)
        model.rowsRemoved.connect(update_buttons)
        model.modelReset.connect(update_buttons)
        update_buttons()
        view.add_button, view.remove_button = add, remove
        view.count_label = count
        view.update_count = update_buttons
        return view

    def _register(self, path: FieldPath, widget: QWidget, refresh: Callable[[], None]) -> None:
        self._bindings[tuple(path)] = refresh
        self._focus_targets[tuple(path)] = widget

    def register_prompt(self, key: str, label: QLabel, default: str) -> None:
        self._prompts[key] = (label, default)

    def register_example(self, path: FieldPath, edit: QLineEdit | QPlainTextEdit) -> None:
        """The grey example inside an empty field, which a template may change too."""
        key = "example." + ".".join(str(step) for step in path)
        self._examples[key] = (edit, edit.placeholderText())

    def set_prompts(self, prompts: dict[str, str]) -> None:
        """Show `prompts` (by key) under the fields, and the default words where it has none;
        `example.<field>` keys replace the grey example inside an empty field."""
        for key, (label, default) in self._prompts.items():
            text = prompts.get(key, default)
            if label.text() != text:
                label.setText(text)
            label.setVisible(bool(text))
        for key, (edit, default) in self._examples.items():
            text = prompts.get(key, default)
            if edit.placeholderText() != text:
                edit.setPlaceholderText(text)

    def prompt_text(self, key: str) -> str | None:
        """The words shown for a prompt key now (None: not on this page, or hidden)."""
        if key in self._examples:
            return self._examples[key][0].placeholderText()
        found = self._prompts.get(key)
        return None if found is None or found[0].isHidden() else found[0].text()

    def register_focus(self, path: FieldPath, widget: QWidget) -> None:
        self._focus_targets[tuple(path)] = widget

    # ------------------------------------------------------------------ document → widgets

    def _on_value_set(self, path: FieldPath) -> None:
        refresh = self._bindings.get(tuple(path))
        if refresh is not None and tuple(path) != self._echo:
            refresh()
        if tuple(path) == ("currency",):
            for field in self.money_fields:
                field.setCurrency(self.doc.deal.currency)

    def refresh_all(self) -> None:
        for refresh in self._bindings.values():
            refresh()

    # ------------------------------------------------------------------ navigation

    def widget_for(self, path: FieldPath) -> QWidget | None:
        return self._focus_targets.get(tuple(path))

    def focus_path(self, path: FieldPath) -> bool:
        """Put the keyboard focus on the field for `path` and scroll it into view."""
        widget = self.widget_for(path)
        if widget is None:
            return False
        if self.scroll is not None:
            self.scroll.ensureWidgetVisible(widget, 40, 60)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
