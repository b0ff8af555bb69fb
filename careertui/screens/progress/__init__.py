"""Step 5, Progress: the screen, its action table, charts, check-ins, wins and the review."""
