"""The embedded My Atlassian browser: the sign-in window and the guided-mode panel."""
