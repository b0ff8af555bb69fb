"""Writers that turn a plan into documents others can read: Markdown, JSON, iCalendar."""
