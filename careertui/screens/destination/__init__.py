"""Step 2, Destination: the screen, the role search and details, and the timeline."""
