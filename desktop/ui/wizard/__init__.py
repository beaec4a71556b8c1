"""The consolidation wizard: pick the target, review, confirm, run, report."""
