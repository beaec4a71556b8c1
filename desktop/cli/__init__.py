"""``desktop-cli``: the engine's thin text face for IT staff, scripts, tests and benchmarks."""
