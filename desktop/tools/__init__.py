"""Developer tools run through the Makefile (not part of the shipped app's behaviour)."""
