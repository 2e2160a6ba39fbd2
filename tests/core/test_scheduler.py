import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from core.models import JobRun
from core.scheduling import JOBS, register_job, run_job
from tests.support.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def test_a_second_scheduler_skips_a_slot_already_run():
    calls = []
    register_job("uji", lambda: calls.append(1), minute="*")
    try:
        slot = timezone.now().replace(second=0, microsecond=0)  # +5 s stays in the same minute, whenever it runs
        assert run_job("uji", slot) is True
        assert run_job("uji", slot + datetime.timedelta(seconds=5)) is False  # same minute
        assert calls == [1]
        assert run_job("uji", slot + datetime.timedelta(minutes=1)) is True
        assert calls == [1, 1]
    finally:
        del JOBS["uji"]


def test_a_failing_job_is_recorded_and_does_not_raise():
    def boom():
        raise RuntimeError("server surel mati")

    register_job("gagal", boom, minute="*")
    try:
        assert run_job("gagal") is True
        assert "server surel mati" in JobRun.objects.get(job="gagal").error
    finally:
        del JOBS["gagal"]


def test_publish_scheduled_job_publishes_due_pages(court, users):
    page = NewsPageFactory(parent=court.news_index, live=False)
    revision = page.save_revision(user=users["kasubag"])
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision.save()
    page.refresh_from_db()
    assert not page.live
    assert run_job("publish_scheduled") is True
    page.refresh_from_db()
    assert page.live


def test_run_scheduler_lists_jobs(capsys):
    call_command("run_scheduler", "--list")
    assert "publish_scheduled" in capsys.readouterr().out
