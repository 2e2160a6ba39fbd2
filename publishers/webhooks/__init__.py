"""Publish webhooks (issue 5): signed JSON POSTs to the court's own systems when content goes live or off."""
