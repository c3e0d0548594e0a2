"""The keyboard: Tab follows every page top to bottom, section keys, mnemonics, redo keys.

Every test here runs over SECTIONS, so pages added there are checked without new tests.
"""

from __future__ import annotations

import functools

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from tests.ui.helpers import OFFSCREEN_LIMITS
from worksheet.ui.keyboard import is_caption, section_key
from worksheet.ui.pages import KEYS, SECTIONS
from worksheet.ui.pages.table import TableView

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_LIMITS)


def _on_screen_order(widgets: list[QWidget], window: QWidget) -> list[QWidget]:
    """Reading order from where the widgets are drawn: a widget wholly above another comes
    first; widgets side by side on one line go left to right."""

    def rect(w: QWidget):
        top_left = w.mapTo(window, QPoint(0, 0))
        return top_left.x(), top_left.y(), top_left.y() + w.height()

    def compare(a: QWidget, b: QWidget) -> int:
        ax, atop, abottom = rect(a)
        bx, btop, bbottom = rect(b)
        if abottom <= btop:
            return -1
        if bbottom <= atop:
            return 1
        return (ax > bx) - (ax < bx)

    return sorted(widgets, key=functools.cmp_to_key(compare))


def _focusable_on_page(page: QWidget) -> list[QWidget]:
    """What a user can reach on the page right now: shown, enabled, taking Tab, not a proxy."""
    found = []
    for w in page.findChildren(QWidget):
        if not (w.isVisible() and w.isEnabled()):
            continue
        if not (w.focusPolicy() & Qt.FocusPolicy.TabFocus) or w.focusProxy() is not None:
            continue
        if any(isinstance(p, TableView) for p in _parents(w, page)):
            continue  # a table's own parts (viewport, headers) are the table's stop
        found.append(w)
    return found


def _parents(w: QWidget, stop: QWidget):
    parent = w.parentWidget()
    while parent is not None and parent is not stop:
        yield parent
        parent = parent.parentWidget()


def _tab_walk(window, start: QWidget, limit: int = 200) -> list[QWidget]:
    start.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    visited = []
    for _ in range(limit):
        window.focusNextChild()
        QApplication.processEvents()
        now = QApplication.focusWidget()
        if now is None or now is start or window.summary_panel.isAncestorOf(now):
            break
        visited.append(now)
    return visited


def _keys_ready(qtbot, page) -> None:
    """A page's Tab chain and Alt letters are set up just after it is shown."""
    qtbot.waitUntil(lambda: bool(page.property("keyboardReady")))


def _select_first_rows(page) -> None:
    """Fill the detail editors, so their fields are part of the page."""
    for view in page.findChildren(TableView):
        if view.model().rowCount():
            view.setCurrentIndex(view.model().index(0, 0))


@pytest.mark.parametrize("key", KEYS)
def test_tab_visits_the_visible_fields_of_the_page_in_order(qtbot, window, sample, key):
    assert window.open_path(sample)
    window.resize(1366, 728)
    page = window.show_page(key)
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitActive(window)
    _keys_ready(qtbot, page)
    _select_first_rows(page)
    QApplication.processEvents()

    expected = _on_screen_order(_focusable_on_page(page), window)
    assert expected, f"{key}: a page with nothing to type in"
    visited = _tab_walk(window, window.nav)

    names = lambda ws: [f"{type(w).__name__}:{w.accessibleName()}" for w in ws]  # noqa: E731
    assert names(visited) == names(expected)
    assert visited == expected
    # After the page comes the summary panel, and Shift+Tab from the first field the sidebar.
    assert window.summary_panel.isAncestorOf(QApplication.focusWidget())
    expected[0].setFocus()
    window.focusPreviousChild()
    assert QApplication.focusWidget() is window.nav


def test_the_summary_panel_comes_after_the_page_not_before(qtbot, window):
    page = window.show_page("deal")
    qtbot.waitExposed(window)
    _keys_ready(qtbot, page)
    window.nav.setFocus()
    window.focusNextChild()
    assert page.isAncestorOf(QApplication.focusWidget())


@pytest.mark.parametrize(("index", "key"), list(enumerate(KEYS[:9])))
def test_ctrl_number_opens_each_section_at_its_first_field(qtbot, window, index, key):
    qtbot.waitExposed(window)
    window.activateWindow()
    start = 1 if index == 0 else 0
    window.show_page(KEYS[start])
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key(Qt.Key.Key_1 + index), Qt.KeyboardModifier.ControlModifier)
    assert window.nav.currentRow() == index
    page = window.page(key)
    qtbot.waitUntil(lambda: page.isAncestorOf(QApplication.focusWidget()))
    # The key is shown where people look for it: the sidebar's tooltip and View › Sections.
    text = section_key(index).toString(QKeySequence.SequenceFormat.NativeText)
    assert text in window.nav.item(index).toolTip()
    action = window.navigation.section_actions[key]
    assert action.shortcut() == section_key(index)
    assert action in window.navigation.sections_menu.actions()


def test_every_section_is_in_the_view_menu(window):
    titles = [a.text().split(" ", 1)[-1] for a in window.navigation.sections_menu.actions()]
    assert titles == [title for _key, title, *_ in SECTIONS]


def test_each_menu_appears_once_and_view_holds_the_meeting_view(window):
    titles = [a.text().replace("&", "") for a in window.menuBar().actions() if a.menu()]
    assert len(titles) == len(set(titles)), titles
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    entries = [a.text().replace("&", "") for a in view.actions()]
    assert "Sections" in entries and "At the Table" in entries, entries


def test_ctrl_y_redoes_as_well_as_the_platform_keys(qtbot, window):
    page = window.show_page("deal")
    qtbot.waitExposed(window)
    window.activateWindow()
    title = page.widget_for(("title",))
    title.setFocus()
    qtbot.keyClicks(title, "Acme")
    assert window.doc.deal.title == "Acme"
    qtbot.keyClick(title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.deal.title == ""
    qtbot.keyClick(title, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.deal.title == "Acme" and title.text() == "Acme"
    redo_keys = window.actions.redo.shortcuts()
    assert QKeySequence("Ctrl+Y") in redo_keys
    for key in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo):
        assert key in redo_keys


@pytest.mark.parametrize("key", KEYS)
def test_captions_have_distinct_mnemonics(qtbot, window, sample, key):
    assert window.open_path(sample)
    page = window.show_page(key)
    qtbot.waitExposed(window)
    _keys_ready(qtbot, page)
    _select_first_rows(page)
    QApplication.processEvents()
    menu_letters = {"f", "e", "v", "h"}
    captions = [c for c in page.findChildren(QLabel) if is_caption(c) and c.isVisible()]
    letters = []
    for caption in captions:
        text = caption.text().replace("&&", "")
        assert text.count("&") == 1, f"{key}: no mnemonic on {caption.text()!r}"
        letters.append(text[text.index("&") + 1].lower())
    assert len(letters) == len(set(letters)), (key, letters)
    assert not set(letters) & menu_letters


def test_a_mnemonic_takes_the_cursor_to_its_field(qtbot, window):
    page = window.show_page("anchors")
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitActive(window)
    _keys_ready(qtbot, page)
    caption = next(
        c
        for c in page.findChildren(QLabel)
        if c.buddy() is page.widget_for(("anchors", "walk_away")).lineEdit()
    )
    letter = caption.text()[caption.text().index("&") + 1]
    qtbot.keyClick(window, Qt.Key(ord(letter.upper())), Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is caption.buddy()


def test_every_menu_action_with_keys_shows_them(window):
    """Qt prints an action's shortcut beside it in the menu; the table keys are in its text."""
    from worksheet.ui.keyboard import shortcut_rows

    rows = shortcut_rows(window)
    names = {name for _menu, name, _keys in rows}
    for expected in ("Save", "Undo", "Redo", "Add Row", "Show Summary Panel", "Export PDF"):
        assert expected in names, (expected, names)
    menus = {menu for menu, _name, _keys in rows}
    assert "View › Sections" in menus
