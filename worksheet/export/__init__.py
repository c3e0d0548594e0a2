"""Outputs: the one-page PDF prep sheet and the manager workbook. Pure Python, no Qt."""
