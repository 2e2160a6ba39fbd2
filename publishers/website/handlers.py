"""Signal handlers for website publishing (connected in PublishersConfig.ready)."""
