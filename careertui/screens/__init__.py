"""One screen per planning step, the overview and the help screen."""
