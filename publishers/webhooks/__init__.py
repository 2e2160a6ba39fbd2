"""Publish webhooks: signed JSON POSTs to the court's own systems when content goes live or off."""
