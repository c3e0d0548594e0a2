"""The vision page: the goal, how we will know it is reached, and the relationship afterwards."""

from __future__ import annotations

from worksheet.ui.pages.base import Page


class VisionPage(Page):
    KEY = "vision"
    TITLE = "Vision"
    INTRO = "Before the numbers, decide what a good outcome looks like — for you and for them."

    def build(self) -> None:
        form = self.section("Where we want to end up")
        self.add_text(
            form,
            "Goal",
            ("vision", "goal"),
            "The result you want, said so plainly that a colleague could check it afterwards.",
            "e.g. Renew all seats for two years at $118,000 or more",
        )
        self.add_text(
            form,
            "Success looks like",
            ("vision", "success"),
            "What you will see or hear at the table that tells you the goal is in hand.",
        )
        self.add_text(
            form,
            "Their win",
            ("vision", "their_win"),
            "What they can take back and be proud of. "
            "A deal they cannot sell at home seldom lasts.",
        )
        self.add_text(
            form,
            "Relationship",
            ("vision", "relationship"),
            "How you want to stand with them once this is signed.",
        )
        self.add_text(
            form,
            "Approach",
            ("vision", "approach"),
            "How you will fit this person and this issue: what to lead with, what to avoid.",
        )
