"""Visits: recording and editing them, the entry form, the log, follow-ups."""
