"""Step 4, Plan: the screen, the goal tree, its panels, forms and the timeline."""
