"""What every output shows, decided once: words, numbers and policies. No Qt, no reportlab, no
openpyxl here."""
