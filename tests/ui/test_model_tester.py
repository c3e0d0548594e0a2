"""Every table model passes Qt's own model checks (QAbstractItemModelTester, through pytest-qt's
`qtmodeltester`), on a real deal and while rows are added, edited, moved and removed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.conftest import SAMPLES
from tests.ui.helpers import OFFSCREEN_LIMITS
from worksheet.io import load
from worksheet.ui.document import DealDocument
from worksheet.ui.models import (
    ConcessionsModel,
    FallbacksModel,
    InterestsModel,
    ObjectionsModel,
    OffersModel,
    QuestionsModel,
)

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_LIMITS)

MODELS = [
    ConcessionsModel,
    FallbacksModel,
    InterestsModel,
    ObjectionsModel,
    OffersModel,
    QuestionsModel,
]


@pytest.mark.parametrize("model_class", MODELS, ids=[m.__name__ for m in MODELS])
def test_model_passes_qt_model_checks(qapp, qtmodeltester, model_class) -> None:
    doc = DealDocument()
    doc.replace(load(SAMPLES / "software-renewal.deal"))
    model = model_class(doc)
    qtmodeltester.check(model, force_py=False)
    assert model.rowCount() > 0, "the sample fills every table"
    # The tester keeps watching while the table changes.
    row = model.add_row()
    index = model.index(row, 0)
    assert index.isValid()
    flags = model.flags(index)
    if flags & Qt.ItemFlag.ItemIsEditable:
        model.setData(index, model.data(index, Qt.ItemDataRole.EditRole), Qt.ItemDataRole.EditRole)
    if model.rowCount() > 1:
        model.move_row(row, -1)
    model.remove_row(0)
    qtmodeltester.check(model, force_py=False)


def test_packages_grid_passes_qt_model_checks(qapp, qtmodeltester) -> None:
    from worksheet.ui import package_edits as edits
    from worksheet.ui.models.packages import PackagesModel

    doc = DealDocument()
    doc.replace(load(SAMPLES / "software-renewal.deal"))
    model = PackagesModel(doc)
    qtmodeltester.check(model, force_py=False)
    assert model.columnCount() == 3
    # Columns come and go and move; concession rows too; the tester watches every signal.
    new = edits.add_package(doc)
    edits.copy_package(doc, "p1")
    edits.move_package(doc, new, -1)
    edits.set_member(doc, new, "c4", True)
    edits.rename_package(doc, "p2", "Renamed")
    concessions = ConcessionsModel(doc)
    concessions.add_row()
    concessions.move_row(0, 1)
    concessions.remove_row(1)
    edits.remove_package(doc, "p1")
    qtmodeltester.check(model, force_py=False)
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert model.columnCount() == 3
    qtmodeltester.check(model, force_py=False)
