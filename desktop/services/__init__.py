"""Glue the UI calls: accounts, refresh, settings. May use QtCore signals, never widgets."""
