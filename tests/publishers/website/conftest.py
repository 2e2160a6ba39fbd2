"""Fixtures of the website tests (the court, its users and the fake platforms come from tests/conftest.py)."""
