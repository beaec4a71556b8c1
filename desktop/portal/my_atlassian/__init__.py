"""My Atlassian in an embedded browser: its URLs, its visible labels, the scripts that act by
those labels, what the page says after a step, and the guided-mode instructions. No Qt."""
