"""Fixtures of the editorial tests (the review workflow, its timing and its guards)."""

import pytest


@pytest.fixture
def clock(time_machine):
    """Stops time at a given moment: ``clock(datetime(...))``; it moves only when moved again."""
    def move(moment):
        time_machine.move_to(moment, tick=False)
    return move
