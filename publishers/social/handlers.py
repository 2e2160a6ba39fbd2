"""Signal handlers for social delivery (connected in PublishersConfig.ready)."""
