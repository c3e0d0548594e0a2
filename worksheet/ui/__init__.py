"""Everything Qt: the worksheet window, its pages, table models, widgets and undo commands."""
