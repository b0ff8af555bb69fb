"""Chart drawing on plotext figures, shared by the app's chart widgets and the text exports."""
