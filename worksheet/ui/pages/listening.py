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
        self.interests_model = InterestsModel(self.doc, self)
        self.interests = self.add_table(
            self.interests_model,
            "Needs behind the positions, and why they matter.",
            title="Interests",
        )
        self.objections_model = ObjectionsModel(self.doc, self)
        self.objections = self.add_table(
            self.objections_model,
            "What they may say against the deal, and how you will answer.",
            title="Objections",
        )
        self.questions_model = QuestionsModel(self.doc, self)
        self.questions = self.add_table(
            self.questions_model,
            "Open questions to ask after they speak; three or more keep you curious.",
            title="Questions",
        )
        self.register_focus(("listening", "interests"), self.interests)
        self.register_focus(("listening", "objections"), self.objections)
        self.register_focus(("listening", "questions"), self.questions)
