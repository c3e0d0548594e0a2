"""The deal library window on a folder of 1,000 generated deals."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.library_deals import make_folder
from worksheet.library import OK
from worksheet.ui.library import LibraryWindow
from worksheet.ui.library.model import PATH_ROLE


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("library-ui") / "deals"
    return root, make_folder(root, 1000)


@pytest.fixture
def library(qtbot, folder):
    opened = []
    lib = LibraryWindow(folder=folder[0], opener=lambda p: opened.append(p) or True)
    lib.opened = opened
    qtbot.addWidget(lib)
    lib.show()
    lib.start()
    return lib


def test_the_list_fills_with_every_file(library, folder):
    assert library.proxy.rowCount() == 1000
    broken = len(folder[1]["broken"])
    assert library.count.text() == f"1,000 deals · {broken} cannot be read"


def test_search_as_you_type(qtbot, library):
    library.search.setFocus()
    qtbot.keyClicks(library.search, "globex 012")
    rows = library.proxy.rowCount()
    shown = [" ".join(library.proxy.index(r, c).data() for c in range(2)) for r in range(rows)]
    assert shown and all("Globex" in t and "012" in t for t in shown)
    assert any(t.startswith("Globex deal 012") for t in shown)
    assert library.count.text().startswith(f"{rows:,} of 1,000 deals")
    library.search.clear()
    assert library.proxy.rowCount() == 1000


def test_sorting_by_a_column(library):
    library.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    titles = [library.proxy.index(r, 0).data().casefold() for r in range(50)]
    assert titles == sorted(titles)
    library.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
    done = [library.proxy.index(r, 5).data() for r in range(library.proxy.rowCount())]
    numbers = [int(t.split()[0]) if t else -1 for t in done]
    assert numbers == sorted(numbers, reverse=True)
    assert numbers[0] > numbers[-1] == -1  # the files that cannot be read sort last


def test_broken_files_are_shown_as_such(library, folder):
    broken = set(folder[1]["broken"])
    library.search.setText("deal-0007")
    assert library.proxy.rowCount() == 1
    index = library.proxy.index(0, 0)
    assert index.data(PATH_ROLE) in broken
    assert library.proxy.index(0, 1).data().startswith("Cannot be read:")
    assert library.open_row(0) is False
    assert library.opened == []
    assert "deal-0007.deal" in library.message.text()


def test_enter_opens_the_current_deal(qtbot, library):
    library.search.setText("Acme deal 0000")
    assert library.proxy.rowCount() == 1
    library.search.setFocus()
    qtbot.keyClick(library.search, Qt.Key.Key_Return)
    assert len(library.opened) == 1 and library.opened[0].endswith("deal-0000.deal")


def test_a_file_that_fails_to_open_is_marked_again(qtbot, folder, tmp_path):
    (tmp_path / "a.deal").write_text('{"format": "deal-worksheet", "version": 1, "title": "A"}')
    lib = LibraryWindow(folder=tmp_path, opener=lambda p: False)
    qtbot.addWidget(lib)
    lib.start()
    (tmp_path / "a.deal").unlink()
    assert lib.open_row(0) is False
    assert lib.model.entries[0].state != OK
    assert "no longer there" in lib.message.text()


def test_calibration_panel_speaks_in_hints(qtbot, tmp_path):
    lib = LibraryWindow(folder=tmp_path)
    qtbot.addWidget(lib)
    lib.start()
    assert lib.calibration_text.text().startswith("Not enough history yet")


def test_file_menu_opens_the_library(qtbot, window, tmp_path, monkeypatch):
    from worksheet import paths

    target = paths.documents_dir()
    target.mkdir(parents=True)
    (target / "mine.deal").write_text('{"format": "deal-worksheet", "version": 1, "title": "Mine"}')
    window.table_actions["library"].trigger()
    lib = window.library_window
    assert lib.model.rowCount() == 1
    assert window.table_actions["library"].shortcut().toString() == "Ctrl+L"
    lib.open_row(0)
    assert window.doc.deal.title == "Mine"
    lib.close()


def test_save_as_starts_in_the_library_folder_once_it_exists(qtbot, tmp_path):
    from worksheet import paths
    from worksheet.ui import dialogs
    from worksheet.ui.document import settings

    assert dialogs.documents_dir() != str(paths.documents_dir())
    paths.documents_dir().mkdir(parents=True)
    assert dialogs.documents_dir() == str(paths.documents_dir())
    settings().setValue("libraryFolder", str(tmp_path))
    assert dialogs.documents_dir() == str(tmp_path)


def test_the_default_folder_is_made_on_first_use(qtbot):
    from worksheet import paths

    assert not paths.documents_dir().exists()
    lib = LibraryWindow()
    qtbot.addWidget(lib)
    lib.start()
    assert paths.documents_dir().is_dir()
    assert lib.message.text() == "No deals here yet: Save As starts in this folder."
