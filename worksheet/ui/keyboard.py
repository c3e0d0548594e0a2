"""The keyboard: the Tab chain of each page, mnemonics on field captions, section shortcuts.

All of it is generic over `ui/pages/__init__.py::SECTIONS` and over what a page's layout holds,
so a new page gets a Tab chain that follows it top to bottom, mnemonics and Ctrl+N for free.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QLayout, QWidget

#: Sections 1–9 get Ctrl+1 … Ctrl+9 (Cmd on macOS, as Qt maps Ctrl there).
MAX_SECTION_KEYS = 9

#: Widgets that are one Tab stop each; what they hold inside is theirs. Named, not imported:
#: Qt answers `inherits()` from its own class data, without making Python types for them.
_LEAVES = (
    "QAbstractItemView",
    "QComboBox",
    "QLineEdit",
    "QPlainTextEdit",
    "QTextEdit",
    "QAbstractSpinBox",
)


_DIRECT = Qt.FindChildOption.FindDirectChildrenOnly


def _is_leaf(widget: QWidget) -> bool:
    return any(widget.inherits(name) for name in _LEAVES)


def section_key(index: int) -> QKeySequence | None:
    """The shortcut of the section at `index` in SECTIONS (0-based), if it has one."""
    if 0 <= index < MAX_SECTION_KEYS:
        return QKeySequence(f"Ctrl+{index + 1}")
    return None


def redo_keys() -> list[QKeySequence]:
    """The platform's redo keys, and Ctrl+Y wherever it is not already among them."""
    keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    extra = QKeySequence("Ctrl+Y")
    if all(k != extra for k in keys):
        keys.append(extra)
    return keys


def is_undo_or_redo(event: QKeyEvent) -> bool:
    if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
        return True
    combo = QKeySequence(event.keyCombination())
    return any(combo == key for key in redo_keys())


# ---------------------------------------------------------------------- the Tab chain


def _takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.focusProxy() is None


def tab_stops(root: QWidget) -> list[QWidget]:
    """Every widget below `root` that Tab may stop at, in the order the layouts place them.

    Layouts are filled top to bottom and left to right as the page reads, so walking them gives
    the reading order, also for widgets hidden right now (a detail form on a stack) that will
    show later. Visibility is left to Qt, which skips hidden and disabled widgets.
    """
    found: list[QWidget] = []
    seen: set[int] = set()

    def walk_widget(widget: QWidget) -> None:
        if id(widget) in seen or (widget.isWindow() and widget is not root):
            return
        seen.add(id(widget))
        if widget is not root and _takes_tab(widget):
            found.append(widget)
        if _is_leaf(widget):
            return
        if widget.inherits("QScrollArea"):
            inner = widget.widget()  # type: ignore[attr-defined]
            if inner is not None:
                walk_widget(inner)
            return
        layout = widget.layout()
        if layout is not None:
            walk_layout(layout)
            return
        # Children placed without a layout, in the order they were made.
        for child in widget.findChildren(QWidget, options=_DIRECT):
            walk_widget(child)

    def walk_layout(layout: QLayout) -> None:
        for i in range(layout.count()):
            item = layout.itemAt(i)
            if item is None:
                continue
            if item.widget() is not None:
                walk_widget(item.widget())
            elif item.layout() is not None:
                walk_layout(item.layout())

    walk_widget(root)
    return found


def visible_fields(root: QWidget) -> list[QWidget]:
    """The widgets below `root` a user can Tab to right now, as they sit on screen."""
    return [w for w in tab_stops(root) if w.isVisible() and w.isEnabled()]


def chain(widgets: Iterable[QWidget]) -> None:
    """Make Tab go through `widgets` in this order (Shift+Tab back)."""
    previous: QWidget | None = None
    for widget in widgets:
        if previous is not None:
            QWidget.setTabOrder(previous, widget)
        previous = widget


def quiet_scroll_areas(root: QWidget) -> None:
    """A scroll area is no Tab stop of its own: it scrolls to whatever field has the focus."""
    from PySide6.QtWidgets import QScrollArea

    for area in root.findChildren(QScrollArea):
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if area.widget() is not None:
            area.widget().setFocusPolicy(Qt.FocusPolicy.NoFocus)


# ---------------------------------------------------------------------- mnemonics


def _plain(text: str) -> str:
    """A caption's words without mnemonic marks."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "&" and i + 1 < len(text):
            out.append(text[i + 1])
            i += 2
            continue
        out.append(text[i])
        i += 1
    return "".join(out)


def _candidates(text: str) -> list[str]:
    """The letters a caption could be reached by, word starts first."""
    starts = [ch for i, ch in enumerate(text) if ch.isalnum() and (i == 0 or text[i - 1] == " ")]
    rest = [ch for ch in text if ch.isalnum()]
    out: list[str] = []
    for ch in (*starts, *rest):
        letter = ch.lower()
        if letter.isascii() and letter not in out:
            out.append(letter)
    return out


def choose_mnemonics(texts: list[str], taken: set[str]) -> list[str | None]:
    """One distinct letter per text where the letters allow it (a matching: when a caption's
    own letters are all taken, an earlier caption moves to another of its letters)."""
    options = [_candidates(t) for t in texts]
    owner: dict[str, int] = {}

    def place(i: int, visited: set[str]) -> bool:
        for letter in options[i]:
            if letter in taken or letter in visited:
                continue
            visited.add(letter)
            if letter not in owner or place(owner[letter], visited):
                owner[letter] = i
                return True
        return False

    for i in range(len(texts)):
        place(i, set())
    chosen: list[str | None] = [None] * len(texts)
    for letter, i in owner.items():
        chosen[i] = letter
    return chosen


def _marked(text: str, letter: str | None) -> str:
    """`text` with `&` before the first `letter` (a word start if there is one)."""
    escaped = text.replace("&", "&&")
    if letter is None:
        return escaped
    spots = [i for i, ch in enumerate(text) if ch.lower() == letter]
    starts = [i for i in spots if i == 0 or text[i - 1] == " "]
    at = (starts or spots)[0]
    return text[:at].replace("&", "&&") + "&" + text[at:].replace("&", "&&")


def _label_mnemonics(labels: list[QLabel], taken: set[str]) -> None:
    texts = [_plain(label.text()) for label in labels]
    for label, text, letter in zip(labels, texts, choose_mnemonics(texts, taken), strict=True):
        label.setText(_marked(text, letter))
        if letter is not None:
            taken.add(letter)


def menu_letters(window: QWidget) -> set[str]:
    """The Alt letters of the window's menu bar, which captions must not take."""
    from PySide6.QtWidgets import QMainWindow

    letters: set[str] = set()
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            text = action.text()
            at = text.find("&")
            if 0 <= at < len(text) - 1 and text[at + 1] != "&":
                letters.add(text[at + 1].lower())
    return letters


def is_caption(label: QLabel) -> bool:
    """A field's caption: a label with a buddy, not a part inside a composite field (the
    currency code beside an amount)."""
    parent = label.parentWidget()
    if label.buddy() is None or not _plain(label.text()).strip():
        return False
    return parent is None or parent.focusProxy() is None


def assign_mnemonics(root: QWidget, reserved: set[str]) -> None:
    """Give every caption with a buddy an Alt letter, unique among what shows at one time.

    Captions of forms that take turns on a stack (one detail form per table) may share
    letters with each other, never with the page around them.
    """
    from PySide6.QtWidgets import QStackedLayout

    # Forms that take turns on a stack each make a group; the rest of the page is one more.
    in_turns: set[int] = set()
    turns: list[list[QLabel]] = []
    for stack in root.findChildren(QStackedLayout):
        for i in range(stack.count()):
            form = stack.widget(i)
            if form is None:
                continue
            labels = [c for c in form.findChildren(QLabel) if is_caption(c)]
            in_turns.update(id(c) for c in labels)
            turns.append(labels)
    page = [c for c in root.findChildren(QLabel) if id(c) not in in_turns and is_caption(c)]
    groups: dict[int, list[QLabel]] = {id(root): page}
    for n, labels in enumerate(turns):
        groups[n + 1] = labels
    taken = set(reserved)
    shared = dict(groups)
    _label_mnemonics(shared.pop(id(root), []), taken)
    for labels in shared.values():
        _label_mnemonics(labels, set(taken))


# ---------------------------------------------------------------------- shortcut list


def _media_key(key: QKeySequence) -> bool:
    """Keys of special keyboards (a "Save" or "Undo" key), which most laptops lack."""
    return key.count() == 1 and key[0].key().value >= Qt.Key.Key_Back.value


def shortcut_rows(window) -> list[tuple[str, str, str]]:
    """(menu, action, keys) for every action in the window's menus that has keys, in menu order,
    then the keys of tables and fields. The Help › Keyboard Shortcuts list is made from this."""
    rows: list[tuple[str, str, str]] = []

    def add_menu(menu, path: str) -> None:
        for action in menu.actions():
            if action.isSeparator():
                continue
            sub = action.menu()
            name = _plain(action.text()).split("\t")[0].rstrip("…").strip()
            name = re.sub(r"^[1-9] ", "", name)  # "1 Deal" in View › Sections
            if sub is not None:
                add_menu(sub, f"{path} › {name}")
                continue
            keys = [
                k.toString(QKeySequence.SequenceFormat.NativeText)
                for k in action.shortcuts()
                if not _media_key(k)
            ]
            if not keys and "\t" in action.text():
                keys = [action.text().split("\t", 1)[1]]
            if keys:
                rows.append((path, name, ", ".join(keys)))

    for top in window.menuBar().actions():
        if top.menu() is not None:
            add_menu(top.menu(), _plain(top.text()))
    native = QKeySequence.SequenceFormat.NativeText
    rows += [
        ("Fields", "Next field / previous field", "Tab, Shift+Tab"),
        ("Fields", "Go to the field of an underlined caption", "Alt+the underlined letter"),
        ("Tables", "Edit the selected cell", QKeySequence("F2").toString(native) + ", or type"),
        ("Tables", "Add a row after the selected one", QKeySequence("Ins").toString(native)),
        ("Tables", "Remove the selected rows", QKeySequence("Del").toString(native)),
        ("Tables", "Move a row up / down (ordered lists)", "Ctrl+Up, Ctrl+Down"),
    ]
    return rows
