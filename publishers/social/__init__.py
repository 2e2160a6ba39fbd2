"""Cross-posting to the court's social media accounts: channels, OAuth, delivery outbox."""
