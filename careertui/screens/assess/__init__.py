"""Step 1, Assess: the screen, its forms, the skill table and the experience list."""
