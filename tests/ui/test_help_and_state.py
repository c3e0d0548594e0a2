"""Help (F1 at the current section, search, What's This, shortcut list) and the window's
remembered size, splitter, summary panel and section."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel

from tests.ui.helpers import OFFSCREEN_LIMITS
from worksheet import paths
from worksheet.ui.guide import guide_pages
from worksheet.ui.keyboard import is_caption
from worksheet.ui.pages import KEYS

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_LIMITS)


def test_the_guide_has_a_page_for_every_section():
    names = {name for name, _title, _text in guide_pages()}
    for key in KEYS:
        assert f"{key}.html" in names or key not in ("deal", "vision", "anchors", "notes"), key
    for key in ("deal", "vision", "anchors", "concessions", "fallbacks", "listening", "offers"):
        assert f"{key}.html" in names
    assert {"index.html", "summary.html", "discreet.html", "templates.html"} <= names


def test_the_guide_never_links_outside_itself():
    folder = paths.help_dir()
    for page in folder.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "http:" not in text and "https:" not in text, page.name
        for target in __import__("re").findall(r'href="([^"#]+)', text):
            assert (folder / target).is_file(), (page.name, target)


@pytest.mark.parametrize("key", ["anchors", "listening", "deal"])
def test_f1_opens_the_guide_at_the_current_section(qtbot, window, key):
    window.show_page(key)
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.help.guide
    assert guide is not None and guide.isVisible()
    assert guide.current_name() == f"{key}.html"
    title = dict((n, t) for n, t, _x in guide.pages)[f"{key}.html"]
    assert guide.list.currentItem().text() == title
    assert guide.browser.toPlainText().strip()
    guide.close()


def test_a_section_without_a_page_opens_the_welcome_page(qtbot, window):
    guide = window.help.open_guide()
    guide.open_page("no-such-section.html")
    assert guide.current_name() == "index.html"


def test_the_guide_search_keeps_the_pages_that_mention_every_word(qtbot, window):
    guide = window.help.open_guide()
    guide.search.setText("triangular")  # in no page: the guide speaks of a tent
    assert guide.nothing.isVisible() or guide.nothing.isVisibleTo(guide)
    guide.search.setText("walk-away package")
    shown = [
        guide.list.item(r).data(Qt.ItemDataRole.UserRole)
        for r in range(guide.list.count())
        if not guide.list.item(r).isHidden()
    ]
    assert "summary.html" in shown and "notes.html" not in shown
    assert shown == guide.matching("walk-away package")
    assert guide.browser.textCursor().selectedText().lower() == "walk-away"


def test_every_field_has_whats_this(qtbot, window, sample):
    assert window.open_path(sample)
    for key in KEYS:
        page = window.show_page(key)
        qtbot.waitUntil(lambda p=page: bool(p.property("keyboardReady")))
        QApplication.processEvents()
        for label in page.findChildren(QLabel):
            if is_caption(label):
                assert label.buddy().whatsThis(), (key, label.text())


def test_keyboard_shortcuts_list_is_made_from_the_actions(qtbot, window):
    dialog = window.help.show_shortcuts()
    texts = [
        [dialog.table.item(r, c).text() for c in range(3)] for r in range(dialog.table.rowCount())
    ]
    save = next(t for t in texts if t[1] == "Save")
    key = window.actions.save.shortcut()
    assert save[2].split(", ")[0] == key.toString(key.SequenceFormat.NativeText)
    assert any(t[1] == "Deal Worksheet Guide" for t in texts)
    dialog.close()


# ---------------------------------------------------------------------- the summary panel


def test_the_summary_panel_hides_and_shows_by_menu_and_key(qtbot, window):
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitActive(window)
    window.resize(1024, 640)
    QApplication.processEvents()
    before = window.stack.width()
    window.navigation.toggle_summary.trigger()
    QApplication.processEvents()
    assert window.summary_panel.isHidden()
    assert window.stack.width() > before + 200  # the page gets the room
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert not window.summary_panel.isHidden()
    assert window.navigation.toggle_summary.isChecked()


# ---------------------------------------------------------------------- remembered state


def _screen(monkeypatch, width: int, height: int) -> QRect:
    """The offscreen platform has one 800×800 screen; the window sees a laptop's instead."""
    room = QRect(0, 0, width, height)
    monkeypatch.setattr("worksheet.ui.navigation.available_room", lambda _w: room)
    return room


def test_size_splitter_summary_and_section_are_remembered(qtbot, make_window, monkeypatch):
    _screen(monkeypatch, 1920, 1080)
    first = make_window()
    first.show()
    qtbot.waitExposed(first)
    first.resize(1100, 650)
    first.show_page("fallbacks")
    QApplication.processEvents()
    first.splitter.setSizes([150, 700, 250])
    sizes = first.splitter.sizes()
    first.navigation.set_summary_visible(False)
    assert first.close()

    second = make_window()
    second.show()
    qtbot.waitExposed(second)
    assert (second.width(), second.height()) == (1100, 650)
    assert second.nav.currentRow() == KEYS.index("fallbacks")
    assert second.stack.currentWidget() is second.page("fallbacks")
    assert second.summary_panel.isHidden()
    second.navigation.set_summary_visible(True)
    QApplication.processEvents()
    assert second.splitter.sizes()[0] == sizes[0]


def test_a_size_saved_on_a_bigger_screen_is_fitted_to_this_one(qtbot, make_window, monkeypatch):
    from worksheet.ui.document import settings

    room = _screen(monkeypatch, 1024, 640)

    first = make_window()
    first.show()
    qtbot.waitExposed(first)
    first.setGeometry(300, 200, 1366, 728)  # as on a bigger laptop
    QApplication.processEvents()
    assert first.close()
    assert [int(v) for v in settings().value("window/geometry")][2:] == [1366, 728]

    second = make_window()
    second.show()
    qtbot.waitExposed(second)
    qtbot.waitUntil(lambda: room.contains(second.frameGeometry()))
    assert second.minimumSizeHint().height() < 640 and second.minimumSizeHint().width() < 1024


def test_a_broken_saved_state_is_ignored(qtbot, make_window):
    from worksheet.ui.document import settings

    s = settings()
    s.setValue("window/geometry", QByteArray(b"not a geometry"))
    s.setValue("window/splitter", QByteArray(b"\x00\x01junk"))
    s.setValue("window/section", "no-such-section")
    s.sync()
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    assert window.nav.currentRow() == 0
    assert not window.summary_panel.isHidden()
