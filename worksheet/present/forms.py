"""The words of the worksheet's own forms: page titles and intros, field captions, prompts and
examples, table titles, prompts and column help, and the section titles the window, the PDF
and the workbook share.

Everything here is the English source, marked with `N_()` so `python -m worksheet.i18n
extract` finds it; whoever shows a word looks it up through `_()` at show time (the page
helpers in `worksheet/ui/pages/base.py`, the table models, the exporters), so the language of
the moment applies. No Qt, reportlab or openpyxl here.

To change a caption, a prompt under a field or an example inside an empty field, change it
here; the page only places it.
"""

from __future__ import annotations

from typing import NamedTuple

from worksheet.i18n import N_

FieldPath = tuple


class Field(NamedTuple):
    """A field of a form page: its caption, the deal path it edits, the grey prompt under it
    and the grey example inside it while empty. Unpacks as the page helpers' arguments:
    `page.add_text(form, *field("vision", "goal"))`."""

    caption: str
    path: FieldPath
    prompt: str = ""
    example: str = ""


class PageWords(NamedTuple):
    """A page's name in the sidebar, its heading and the intro under the heading."""

    sidebar: str
    title: str
    intro: str = ""


class Part(NamedTuple):
    """A titled group of fields on a form page, with an optional sentence under its title."""

    title: str
    intro: str = ""


class Table(NamedTuple):
    """A table on a page: heading (if it has its own), prompt beside it, words in it while empty."""

    title: str = ""
    prompt: str = ""
    placeholder: str = ""


class ColumnWords(NamedTuple):
    title: str
    help: str = ""


#: Section titles, by what they name. Where the window, the PDF prep sheet and the workbook's
#: Summary sheet name the same thing they use the same entry (the window's page titles and
#: groups below point here too). English source: translate with `_()` where shown.
SECTION_TITLES: dict[str, str] = {
    # shared by the window, the prep sheet and the Summary sheet
    "deal": N_("The deal"),
    "vision": N_("Vision"),
    "notes": N_("Notes"),
    "our_numbers": N_("Our numbers"),
    # the prep sheet
    "their_side": N_("Their side, as we estimate it"),
    "concessions": N_("Concessions: give → get ({count})"),
    "packages": N_("Packages to offer"),
    "packages_meso": N_("Packages to offer ({mark}: offer together)"),
    "fallbacks": N_("Fallbacks, BATNA first"),
    "interests": N_("Interests and the why behind them"),
    "objections": N_("Objections and our responses"),
    "questions": N_("Questions to ask"),
    "offers": N_("Offers so far"),
    "worksheet_notes": N_("Notes from the worksheet"),
    # the Summary sheet
    "our_prices": N_("Our prices"),
    "their_estimate": N_("Their side (our estimate)"),
    "zone": N_("Zone of possible agreement (live)"),
    "checks": N_("Checks (live)"),
    "readiness": N_("Readiness"),
    "signoff": N_("Sign-off (the manager fills in the yellow cells)"),
}


#: The worksheet's eight original pages, in the sidebar's order (Packages, Sign-off and
#: Debrief declare their heading and intro in their own page modules).
PAGES: dict[str, PageWords] = {
    "deal": PageWords(
        N_("Deal"),
        SECTION_TITLES["deal"],
        N_(
            "Start with the basics: what is on the table, which side of the price you are on, "
            "and who you will meet."
        ),
    ),
    "vision": PageWords(
        SECTION_TITLES["vision"],
        SECTION_TITLES["vision"],
        N_("Before the numbers, decide what a good outcome looks like — for you and for them."),
    ),
    "anchors": PageWords(
        N_("Prices"),
        N_("Prices"),
        N_(
            "Your three numbers, then your best guess of theirs. The zone of possible agreement "
            "on the right follows every number you type."
        ),
    ),
    "concessions": PageWords(
        N_("Concessions"),
        N_("Concessions"),
        N_(
            "Things you can give besides price — payment terms, service, timing, scope. Give "
            "nothing for free: note what you ask in return. Tick “In package” for what goes "
            "into the active package (the one you are pricing now; compare several on the "
            "Packages page): its cost moves your walk-away, its value moves theirs."
        ),
    ),
    "fallbacks": PageWords(
        N_("Fallbacks"),
        N_("Fallbacks"),
        N_(
            "What you will do if this deal does not happen. Your best alternative (BATNA) sets "
            "how far you can bend; smaller deals and clear stop conditions keep you calm at the "
            "table."
        ),
    ),
    "listening": PageWords(
        N_("Listening"),
        N_("Listening"),
        N_(
            "Prepare to listen more than you talk: what matters to them, what they will push "
            "back on, and what to ask."
        ),
    ),
    "offers": PageWords(
        N_("Offers"),
        N_("Offers"),
        N_("Write down each offer as it is made, so you can see how far each side has moved."),
    ),
    "notes": PageWords(
        SECTION_TITLES["notes"],
        SECTION_TITLES["notes"],
        N_("Anything else worth keeping with this deal: history, names, reminders."),
    ),
}

#: The sidebar's names of every page (English source; the sidebar translates them as it
#: shows them).
SIDEBAR: dict[str, str] = {
    **{key: words.sidebar for key, words in PAGES.items()},
    "packages": N_("Packages"),
    "signoff": N_("Sign-off"),
    "debrief": N_("Debrief"),
}

#: The titled groups of the form pages, by (page, part).
PARTS: dict[tuple[str, str], Part] = {
    ("deal", "what"): Part(N_("What is negotiated")),
    ("deal", "who"): Part(N_("Who is across the table")),
    ("deal", "meeting"): Part(N_("The meeting")),
    ("vision", "where"): Part(N_("Where we want to end up")),
    ("anchors", "ours"): Part(SECTION_TITLES["our_numbers"]),
    ("anchors", "theirs"): Part(
        N_("Their numbers (our estimate)"),
        N_(
            "You cannot know their limit, so give a range: the lowest, most likely and highest "
            "value their walk-away could take."
        ),
    ),
}

_FIELDS: tuple[Field, ...] = (
    # The deal page
    Field(
        N_("Title"),
        ("title",),
        N_("A name you will recognise later, such as the client and the year."),
        N_("e.g. Acme — 2027 renewal"),
    ),
    Field(N_("Kind"), ("kind",), N_("What sort of negotiation this is.")),
    Field(N_("Our side"), ("role",), N_("A job candidate sells their work, so picks “We sell”.")),
    Field(
        N_("Currency"),
        ("currency",),
        N_("The three-letter code of the money every amount in this sheet is in."),
        "USD",
    ),
    Field(
        N_("Price is for"),
        ("price_unit",),
        N_("What one price covers, so nobody compares a yearly fee with a total."),
        N_("e.g. per year, in total, annual salary"),
    ),
    Field(
        N_("Name"),
        ("counterpart", "name"),
        N_("The person who will decide, or speak for those who do."),
    ),
    Field(N_("Organization"), ("counterpart", "organization")),
    Field(
        N_("Style"),
        ("counterpart", "style"),
        N_("How they tend to negotiate: collaborative, tough, cautious, rushed…"),
    ),
    Field(
        N_("Notes"),
        ("counterpart", "notes"),
        N_("Pressures on them: their boss, their budget, their deadlines."),
    ),
    Field(
        N_("Date"),
        ("meeting", "date"),
        N_("Leave empty if the date is not fixed yet."),
        "YYYY-MM-DD",
    ),
    Field(N_("Place"), ("meeting", "place"), "", N_("a room, or a video link")),
    Field(
        N_("Attendees"),
        ("meeting", "attendees"),
        N_("Who comes from each side, and who speaks for whom."),
    ),
    # The vision page
    Field(
        N_("Goal"),
        ("vision", "goal"),
        N_("The result you want, said so plainly that a colleague could check it afterwards."),
        N_("e.g. Renew all seats for two years at $118,000 or more"),
    ),
    Field(
        N_("Success looks like"),
        ("vision", "success"),
        N_("What you will see or hear at the table that tells you the goal is in hand."),
    ),
    Field(
        N_("Their win"),
        ("vision", "their_win"),
        N_(
            "What they can take back and be proud of. A deal they cannot sell at home seldom lasts."
        ),
    ),
    Field(
        N_("Relationship"),
        ("vision", "relationship"),
        N_("How you want to stand with them once this is signed."),
    ),
    Field(
        N_("Approach"),
        ("vision", "approach"),
        N_("How you will fit this person and this issue: what to lead with, what to avoid."),
    ),
    # The prices page
    Field(
        N_("Target"),
        ("anchors", "target"),
        N_("What you aim for: ambitious, yet something you can justify."),
    ),
    Field(
        N_("Opening"),
        ("anchors", "opening"),
        N_(
            "The first number you will say. Open beyond your target so "
            "there is room to move towards it."
        ),
    ),
    Field(
        N_("Walk-away"),
        ("anchors", "walk_away"),
        N_(
            "The worst price you will still accept. Past it, you leave "
            "and take your best alternative instead."
        ),
    ),
    Field(
        N_("Their target"),
        ("their_estimate", "target"),
        N_("What you think they hope to end up with."),
    ),
    Field(N_("Walk-away, lowest"), ("their_estimate", "walk_away_low")),
    Field(
        N_("Walk-away, likely"),
        ("their_estimate", "walk_away_likely"),
        N_("Your single best guess."),
    ),
    Field(N_("Walk-away, highest"), ("their_estimate", "walk_away_high")),
    Field(
        N_("Confidence"),
        ("their_estimate", "confidence"),
        N_("How sure you are of these guesses: low, medium, high — and why."),
        N_("e.g. medium"),
    ),
    Field(
        N_("Source"),
        ("their_estimate", "source"),
        N_("Where the guesses come from: last year's price, a rival quote, a remark in a call."),
    ),
    # The notes page
    Field(N_("Notes"), ("notes",)),
)

#: Every field of the form pages, by the deal path it edits.
FIELDS: dict[FieldPath, Field] = {f.path: f for f in _FIELDS}

#: The sentences of the fields that refuse what they cannot use.
CHECKS: dict[FieldPath, str] = {
    ("currency",): N_("Use a three-letter code such as USD, EUR or JPY."),
    ("meeting", "date"): N_("Write the date as YYYY-MM-DD, e.g. 2027-01-14, or leave it empty."),
}

#: The tables of the table pages, by the deal path of their list.
TABLES: dict[FieldPath, Table] = {
    ("concessions",): Table(
        placeholder=N_(
            "No concessions yet — add what you could give besides price "
            "(Add concession, or press Insert)."
        )
    ),
    ("fallbacks",): Table(
        placeholder=N_(
            "No fallbacks yet — start with your best alternative if this deal "
            "fails (Add fallback, or press Insert)."
        )
    ),
    ("listening", "interests"): Table(
        N_("Interests"),
        N_("Needs behind the positions, and why they matter."),
        N_("No interests yet — write what they need beyond the price."),
    ),
    ("listening", "objections"): Table(
        N_("Objections"),
        N_("What they may say against the deal, and how you will answer."),
        N_("No objections yet — what could make them say no?"),
    ),
    ("listening", "questions"): Table(
        N_("Questions"),
        N_("Open questions to ask after they speak; three or more keep you curious."),
        N_("No questions yet — open questions start with what, how or why."),
    ),
    ("offers",): Table(
        placeholder=N_(
            "No offers yet — log each number as it is put on the table "
            "(Add offer, or press Insert)."
        )
    ),
}

#: What one row of each table is called ("Add concession"), by the deal path of its list.
ITEM_NAMES: dict[FieldPath, str] = {
    ("concessions",): N_("concession"),
    ("fallbacks",): N_("fallback"),
    ("listening", "interests"): N_("interest"),
    ("listening", "objections"): N_("objection"),
    ("listening", "questions"): N_("question"),
    ("offers",): N_("offer"),
}

#: The columns of those tables, by (list path, column key); None: the item itself (questions).
COLUMNS: dict[tuple[FieldPath, str | None], ColumnWords] = {
    (("concessions",), "what"): ColumnWords(
        N_("What we give"), N_("Something other than price: terms, service, timing, scope.")
    ),
    (("concessions",), "cost_to_us"): ColumnWords(
        N_("Cost to us"), N_("What giving it costs us, as money.")
    ),
    (("concessions",), "value_to_them"): ColumnWords(
        N_("Value to them"),
        N_("What it is worth to them, as money; often more than it costs us."),
    ),
    (("concessions",), "ask_in_return"): ColumnWords(
        N_("Ask in return"), N_("What we ask for when we give it. Never give for free.")
    ),
    (("concessions",), "in_package"): ColumnWords(
        N_("In package"),
        N_(
            "Tick to include it in the active package, the one being priced now "
            "(choose it on the Packages page)."
        ),
    ),
    (("concessions",), "order"): ColumnWords(
        N_("Order"), N_("When to offer it: 1 first, 2 next… Empty = not planned.")
    ),
    (("concessions",), "notes"): ColumnWords(N_("Notes")),
    (("fallbacks",), "kind"): ColumnWords(N_("Kind"), N_("What sort of fallback this is.")),
    (("fallbacks",), "what"): ColumnWords(N_("What"), N_("The option itself, in a few words.")),
    (("fallbacks",), "value"): ColumnWords(
        N_("Value"), N_("What it is worth to us, as a price (may be negative).")
    ),
    (("fallbacks",), "trigger"): ColumnWords(
        N_("When we use it"), N_("The moment or signal that makes us switch to it.")
    ),
    (("listening", "interests"), "party"): ColumnWords(N_("Whose"), N_("Their interest or ours.")),
    (("listening", "interests"), "what"): ColumnWords(
        N_("Interest"), N_("What they (or we) need, beyond the stated position.")
    ),
    (("listening", "interests"), "why"): ColumnWords(
        N_("Why it matters"), N_("The reason behind it; ask until you can say it.")
    ),
    (("listening", "objections"), "objection"): ColumnWords(
        N_("Objection"), N_("What they are likely to say against the deal.")
    ),
    (("listening", "objections"), "why"): ColumnWords(
        N_("Why they would say it"), N_("The worry or pressure behind it.")
    ),
    (("listening", "objections"), "response"): ColumnWords(
        N_("Our response"), N_("How we acknowledge it and answer.")
    ),
    (("listening", "questions"), None): ColumnWords(
        N_("Question"), N_("An open question to ask after they speak.")
    ),
    (("offers",), "at"): ColumnWords(N_("When"), N_("Date and time, e.g. 2027-01-14 15:30.")),
    (("offers",), "by"): ColumnWords(N_("Made by"), N_("Who put this number on the table.")),
    (("offers",), "amount"): ColumnWords(N_("Amount"), N_("The price offered.")),
    (("offers",), "terms"): ColumnWords(
        N_("Terms"), N_("What came with the number: term, scope, conditions.")
    ),
}

#: The labels of the vision on the prep sheet and the Summary sheet (the window's captions
#: are in FIELDS), by the field they show.
VISION_OUTPUT_LABELS: dict[str, dict[str, str]] = {
    "pdf": {
        "goal": N_("Goal"),
        "success": N_("Success looks like"),
        "their_win": N_("What they win"),
        "relationship": N_("Relationship afterwards"),
        "approach": N_("Approach"),
    },
    "xlsx": {
        "goal": N_("Goal"),
        "success": N_("We know we succeeded when"),
        "their_win": N_("What they win"),
        "relationship": N_("Relationship afterwards"),
        "approach": N_("Our approach"),
    },
}


def field(*path: str) -> Field:
    """The words of the field that edits `path` (English source; translate when shown)."""
    return FIELDS[tuple(path)]


def page(key: str) -> PageWords:
    return PAGES[key]


def part(page_key: str, name: str) -> Part:
    return PARTS[(page_key, name)]


def table(*list_path: str) -> Table:
    return TABLES[tuple(list_path)]


def column(list_path: FieldPath, key: str | None) -> dict[str, str]:
    """A table column's title and help, as keyword arguments for the window's `Column`."""
    return COLUMNS[(tuple(list_path), key)]._asdict()


__all__ = [
    "CHECKS",
    "COLUMNS",
    "FIELDS",
    "ITEM_NAMES",
    "PAGES",
    "PARTS",
    "SECTION_TITLES",
    "SIDEBAR",
    "TABLES",
    "VISION_OUTPUT_LABELS",
    "ColumnWords",
    "Field",
    "PageWords",
    "Part",
    "Table",
    "column",
    "field",
    "page",
    "part",
    "table",
]
