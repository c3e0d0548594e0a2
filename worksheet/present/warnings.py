"""The warnings of the summary in the reader's language, with amounts in the reader's style.

The domain words each warning in English for the summary JSON (the spec's `message`); here the
same warning is said again from its code and numbers. A code this release does not know keeps
the domain's message.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from worksheet.i18n import _, ngettext
from worksheet.present.numbers import DEAL_SEPARATORS, Separators, format_money

if TYPE_CHECKING:
    from worksheet.domain.summary import Warning


def warning_text(warning: Warning, currency: str, seps: Separators = DEAL_SEPARATORS) -> str:
    params = dict(warning.params)

    def money(name: str) -> str:
        return format_money(params.get(name), currency, seps=seps)  # type: ignore[arg-type]

    code = warning.code
    try:
        if code == "no_walk_away":
            return _("Set a walk-away price: without it there is no zone to compute.")
        if code == "estimate_out_of_order":
            return _("Their walk-away estimate must run lowest ≤ most likely ≤ highest.")
        if code == "target_worse_than_walk_away" and params:
            return _("The target {target} is worse for us than the walk-away {walk_away}.").format(
                target=money("target"), walk_away=money("walk_away")
            )
        if code == "opening_weaker_than_target" and params:
            if params.get("seller", True):
                text = _("The opening {opening} leaves no room above the target {target}.")
            else:
                text = _("The opening {opening} leaves no room below the target {target}.")
            return text.format(opening=money("opening"), target=money("target"))
        if code == "walk_away_worse_than_batna" and params:
            return _(
                "The walk-away {walk_away} is worse than the best alternative {batna}: "
                "walking away would pay better."
            ).format(walk_away=money("walk_away"), batna=money("batna"))
        if code == "concession_value_unknown" and "count" in params:
            count = int(params["count"])  # type: ignore[call-overload]
            return ngettext(
                "{count} concession in the package has no value to them set; counted as 0.",
                "{count} concessions in the package have no value to them set; counted as 0.",
                count,
            ).format(count=count)
    except (KeyError, TypeError, ValueError):
        pass
    return warning.message
