"""The prices page: our target, opening and walk-away, and our estimate of theirs."""

from __future__ import annotations

from worksheet.ui.pages.base import Page

CONFIDENCE_HINT = "How sure you are of these guesses: low, medium, high — and why."


class AnchorsPage(Page):
    KEY = "anchors"
    TITLE = "Prices"
    INTRO = (
        "Your three numbers, then your best guess of theirs. The zone of possible agreement "
        "on the right follows every number you type."
    )

    def build(self) -> None:
        form = self.section("Our numbers")
        self.target = self.add_money(
            form,
            "Target",
            ("anchors", "target"),
            "What you aim for: ambitious, yet something you can justify.",
        )
        self.opening = self.add_money(
            form,
            "Opening",
            ("anchors", "opening"),
            "The first number you will say. Open beyond your target so "
            "there is room to move towards it.",
        )
        self.walk_away = self.add_money(
            form,
            "Walk-away",
            ("anchors", "walk_away"),
            "The worst price you will still accept. Past it, you leave "
            "and take your best alternative instead.",
        )

        form = self.section(
            "Their numbers (our estimate)",
            "You cannot know their limit, so give a range: the lowest, most likely and highest "
            "value their walk-away could take.",
        )
        self.add_money(
            form,
            "Their target",
            ("their_estimate", "target"),
            "What you think they hope to end up with.",
        )
        self.their_low = self.add_money(
            form, "Walk-away, lowest", ("their_estimate", "walk_away_low")
        )
        self.their_likely = self.add_money(
            form,
            "Walk-away, likely",
            ("their_estimate", "walk_away_likely"),
            "Your single best guess.",
        )
        self.their_high = self.add_money(
            form, "Walk-away, highest", ("their_estimate", "walk_away_high")
        )
        self.add_line(
            form, "Confidence", ("their_estimate", "confidence"), CONFIDENCE_HINT, "e.g. medium"
        )
        self.add_text(
            form,
            "Source",
            ("their_estimate", "source"),
            "Where the guesses come from: last year's price, a rival quote, a remark in a call.",
            lines=2,
        )
