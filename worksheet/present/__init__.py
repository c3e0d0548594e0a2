"""What every output shows: words, numbers and sentences, decided once (no Qt, no reportlab)."""
