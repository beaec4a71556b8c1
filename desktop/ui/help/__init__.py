"""The guide, one HTML page per language (package data, shipped in the bundle)."""
