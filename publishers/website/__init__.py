"""Publishing to the court's website: static output of the public site, cache purge."""
