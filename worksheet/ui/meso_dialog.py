"""The MESO builder dialog: pick a target net, see proposed sets of three packages, add one."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from worksheet.domain.meso import MesoResult, Proposal, build_meso, default_target_net
from worksheet.i18n import _
from worksheet.present.numbers import format_money
from worksheet.ui.document import DealDocument
from worksheet.ui.widgets.money_field import MoneyField


class MesoDialog(QDialog):
    """Returns the chosen proposal from `choose()`, or None (tests patch `exec`)."""

    def __init__(self, doc: DealDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        deal = doc.deal
        self.setWindowTitle(_("Build a MESO"))
        self.setObjectName("meso-dialog")
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "Three packages of the same net value to you, each with different concessions. "
                "Offer them together and let the other side choose: the one they pick shows "
                "what they care about. Each package's ask is its net plus what it costs you."
            )
            if deal.is_seller
            else _(
                "Three packages of the same net value to you, each with different concessions. "
                "Offer them together and let the other side choose: the one they pick shows "
                "what they care about. Each package's ask is its net minus what it costs you."
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)

        row = QHBoxLayout()
        self.target = MoneyField(_("Net value of each package"))
        self.target.setCurrency(deal.currency)
        self.target.setAmount(default_target_net(deal))
        self.target.setPlaceholderText(_("e.g. your target"))
        row.addWidget(QLabel(_("Net value of each package:")))
        row.addWidget(self.target, 1)
        self.propose_button = QPushButton(_("Propose"))
        self.propose_button.clicked.connect(self.propose)
        row.addWidget(self.propose_button)
        layout.addLayout(row)

        self.proposals = QListWidget()
        self.proposals.setObjectName("meso-proposals")
        self.proposals.setAccessibleName(_("Proposed sets of three packages"))
        self.proposals.setWordWrap(True)
        self.proposals.setAlternatingRowColors(True)
        layout.addWidget(self.proposals, 1)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.reason)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.add_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.add_button.setText(_("Add these three packages"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.proposals.currentRowChanged.connect(self._update_ok)
        self.target.amountEdited.connect(lambda _a: self.propose())
        self.result_: MesoResult | None = None
        self.resize(640, 460)
        self.propose()

    def propose(self) -> MesoResult:
        amount = self.target.amount() if self.target.isValid() else None
        result = build_meso(self.doc.deal, amount)
        self.result_ = result
        self.proposals.clear()
        currency = self.doc.deal.currency
        for n, proposal in enumerate(result.proposals, start=1):
            item = QListWidgetItem(self._describe(n, proposal, currency))
            item.setData(Qt.ItemDataRole.UserRole, n - 1)
            self.proposals.addItem(item)
        if result.proposals:
            self.proposals.setCurrentRow(0)
            net = format_money(result.target_net, currency)
            self.reason.setText(
                _(
                    "Every package nets {net}. The first set has the best chances of "
                    "acceptance for the variety it offers."
                ).format(net=net)
            )
        else:
            self.reason.setText(
                _("No set can be proposed. {reason}").format(reason=_(result.reason))
            )
        self._update_ok()
        return result

    @staticmethod
    def _describe(n: int, proposal: Proposal, currency: str) -> str:
        lines = [
            _("Set {n}: mean chance {chance}, variety {variety}").format(
                n=n,
                chance=f"{proposal.mean_acceptance * 100:.0f}%",
                variety=f"{proposal.variety * 100:.0f}%",
            )
        ]
        for package, chance in zip(proposal.packages, proposal.acceptance, strict=True):
            lines.append(
                "   "
                + _("{package} — ask {amount}, chance {chance}").format(
                    package=package.name,
                    amount=format_money(package.ask, currency),
                    chance=f"{chance * 100:.0f}%",
                )
            )
        return "\n".join(lines)

    def _update_ok(self, *_args) -> None:
        self.add_button.setEnabled(self.chosen() is not None)

    def chosen(self) -> Proposal | None:
        row = self.proposals.currentRow()
        if self.result_ is None or not 0 <= row < len(self.result_.proposals):
            return None
        return self.result_.proposals[row]

    def choose(self) -> Proposal | None:
        if self.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.chosen()

    @property
    def target_net(self) -> Decimal | None:
        return self.result_.target_net if self.result_ is not None else None
