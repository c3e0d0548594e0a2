"""Files: load and save `.deal` documents. Pure Python, no Qt."""

from worksheet.io.document import (
    DealFileError,
    DealSaveError,
    deal_from_dict,
    deal_to_dict,
    dumps,
    load,
    loads,
    save,
)

__all__ = [
    "DealFileError",
    "DealSaveError",
    "deal_from_dict",
    "deal_to_dict",
    "dumps",
    "load",
    "loads",
    "save",
]
