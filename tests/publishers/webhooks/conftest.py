"""Fixtures of the webhooks tests (the court, its users and the fake platforms come from tests/conftest.py)."""
