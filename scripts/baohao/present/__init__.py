"""Present: validated data as Markdown pages and navigation, in every language."""
