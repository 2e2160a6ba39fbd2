"""Fake social platforms on 127.0.0.1 for tests (see base.py)."""
