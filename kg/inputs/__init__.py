"""Reading a corpus: text, Markdown, HTML, JSON Lines and CSV inputs, and fetching web pages."""
