"""The consolidation engine: planner, executor, journal, report. No Qt."""
