"""Step 3, Gaps: the screen, the gap table and the needs list with its form."""
