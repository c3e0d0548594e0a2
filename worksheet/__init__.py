"""Deal Worksheet: prepare a negotiation and see the zone of possible agreement."""

__version__ = "0.1.0"
APP_NAME = "Deal Worksheet"
APP_ID = "io.github.dealworksheet.DealWorksheet"
