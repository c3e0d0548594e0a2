"""The listening page: interests and their why, objections with our response, questions to ask."""

from __future__ import annotations

from worksheet.ui.models.interests import InterestsModel
from worksheet.ui.models.objections import ObjectionsModel
from worksheet.ui.models.questions import QuestionsModel
from worksheet.ui.pages.base import Page


class ListeningPage(Page):
    KEY = "listening"
    TITLE = "Listening"
    INTRO = (
        "Prepare to listen more than you talk: what matters to them, what they will push "
        "back on, and what to ask."
    )
    SCROLLS = False

    def build(self) -> None:
        from worksheet.ui.pages.detail import DetailEditor

        # Three tables share the height: one detail panel, side by side, follows whichever
        # of interests and objections was used last (questions read whole in their table).
        self.detail = DetailEditor(self.message.emit, side_by_side=True, lines=3)
        self.interests_model = InterestsModel(self.doc, self)
        self.interests = self.add_table(
            self.interests_model,
            "Needs behind the positions, and why they matter.",
            title="Interests",
            placeholder="No interests yet — write what they need beyond the price.",
            detail=self.detail,
        )
        self.objections_model = ObjectionsModel(self.doc, self)
        self.objections = self.add_table(
            self.objections_model,
            "What they may say against the deal, and how you will answer.",
            title="Objections",
            placeholder="No objections yet — what could make them say no?",
            detail=self.detail,
        )
        self.questions_model = QuestionsModel(self.doc, self)
        self.questions = self.add_table(
            self.questions_model,
            "Open questions to ask after they speak; three or more keep you curious.",
            title="Questions",
            placeholder="No questions yet — open questions start with what, how or why.",
        )
        self.body.addWidget(self.detail)
        # With the shared panel below, each table may shrink to two rows on a small screen.
        for view in (self.interests, self.objections, self.questions):
            view.setMinimumHeight(view.verticalHeader().defaultSectionSize() * 3 + 6)
        self.register_focus(("listening", "interests"), self.interests)
        self.register_focus(("listening", "objections"), self.objections)
        self.register_focus(("listening", "questions"), self.questions)
