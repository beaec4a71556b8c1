"""Removing contacts who have left: its wizard (people, plan, run, summary) and confirmation."""
