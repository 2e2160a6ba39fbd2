"""Onboarding a court in one step (`manage.py add_court`, core.onboarding with each app's step)."""

import io
import re

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client, TestCase
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Revision,
    Site,
    Task,
    Workflow,
    WorkflowPage,
)

from cms.models import CourtSettings, HomePage, NewsIndexPage
from core import roles
from core.courts import courts_for
from editorial.models import WorkingHours
from monev.archive import archive_collection
from monev.models import CourtArchive, MonevReport
from tests.support.factories import NewsPageFactory, UserFactory

PA = "PA Contoh — "


def add_pa(**extra):
    out = io.StringIO()
    options = {"court_type": "PA", "domain": "pa-contoh.localhost", "kasubag_email": "ptip@pa-contoh.go.id"}
    options.update(extra)
    # The invitation leaves once the onboarding has committed.
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("add_court", "Pengadilan Agama Contoh", stdout=out, **options)
    return out.getvalue()


def test_add_court_builds_the_whole_court_and_invites_its_kasubag(court, users):
    output = add_pa()

    site = Site.objects.get(hostname="pa-contoh.localhost", port=80)
    home = site.root_page.specific
    assert isinstance(home, HomePage) and home.live and home.slug == "pa-contoh" and site.site_name == "PA Contoh"
    assert not site.is_default_site
    sections = {page.slug for page in home.get_children().live()}
    assert {"berita", "pengumuman", "informasi-publik", "transparansi"} <= sections
    assert NewsIndexPage.objects.child_of(home).live().count() == 1
    settings = CourtSettings.for_site(site)
    assert (settings.court_name, settings.short_name, settings.court_type) == ("Pengadilan Agama Contoh",
                                                                               "PA Contoh", "PA")

    groups = {group.name.removeprefix(PA): group for group in Group.objects.filter(name__startswith=PA)}
    assert set(groups) == set(roles.ROLES)
    assert set(GroupPagePermission.objects.filter(group__in=groups.values()).values_list("page_id", flat=True)) \
        == {home.pk}
    collection = Collection.objects.get(name="PA Contoh", depth=2)
    assert set(GroupCollectionPermission.objects.filter(group__in=groups.values())
               .values_list("collection_id", flat=True)) == {collection.pk}

    workflow = WorkflowPage.objects.get(page=home).workflow
    reviewers = {group.name for task in workflow.tasks for group in task.specific.groups.all()}
    assert reviewers == {PA + roles.REDAKTUR, PA + roles.KASUBAG}
    assert WorkingHours.objects.filter(site=site).exists()
    archive = CourtArchive.objects.get(site=site)
    assert archive.collection.is_descendant_of(collection)
    assert [task.specific.groups.get().name for task in archive.workflow.tasks] == [PA + roles.SEKRETARIS]

    kasubag = User.objects.get(username="ptip")
    assert list(kasubag.groups.values_list("name", flat=True)) == [PA + roles.KASUBAG]
    assert not kasubag.has_usable_password()
    assert "Akun Kasubag PTIP «ptip»" in output and "Undangan dikirim ke ptip@pa-contoh.go.id" in output
    [invitation] = mail.outbox
    assert invitation.to == ["ptip@pa-contoh.go.id"] and "Pengadilan Agama Contoh" in invitation.subject
    link = re.search(r"https?://\S+", invitation.body).group(0)

    # The link opens Wagtail's set-password screen once; the new password then logs in.
    client = Client()
    form_page = client.get(link.split("testserver", 1)[-1], follow=True)
    assert form_page.status_code == 200 and b"new_password1" in form_page.content
    done = client.post(form_page.redirect_chain[-1][0], {"new_password1": "Sandi-Baru-2026!",
                                                           "new_password2": "Sandi-Baru-2026!"}, follow=True)
    assert done.status_code == 200
    kasubag.refresh_from_db()
    assert kasubag.check_password("Sandi-Baru-2026!")
    assert list(courts_for(kasubag)) == [site]


def test_a_second_run_changes_nothing(court, users):
    add_pa()
    models = [Page, Revision, Site, Group, GroupPagePermission, GroupCollectionPermission, Collection, Workflow, Task,
              WorkflowPage, CourtArchive, User, CourtSettings, WorkingHours]
    before = {model.__name__: model.objects.count() for model in models}
    output = add_pa()
    assert {model.__name__: model.objects.count() for model in models} == before
    assert "sudah lengkap; tidak ada yang diubah" in output
    assert len(mail.outbox) == 1


def test_the_first_court_and_the_new_one_never_see_each_other(court, users):
    add_pa()
    pa = Site.objects.get(hostname="pa-contoh.localhost")
    their_admin = UserFactory(username="admin-pa", groups=[PA + roles.ADMIN])
    their_kasubag = UserFactory(username="kasubag-pa", groups=[PA + roles.KASUBAG])
    their_page = NewsPageFactory(parent=NewsIndexPage.objects.child_of(pa.root_page).get(), live=False)
    ours = NewsPageFactory(parent=court.news_index, live=False)

    # The first court's groups were narrowed from the whole tree to its own home page.
    assert list(courts_for(users["admin"])) == [court.site]
    assert list(courts_for(their_admin)) == [pa]
    assert not their_page.permissions_for_user(users["admin"]).can_edit()
    assert not their_page.permissions_for_user(users["kasubag"]).can_publish()
    assert not ours.permissions_for_user(their_admin).can_edit()
    assert not ours.permissions_for_user(their_kasubag).can_publish()
    assert their_page.permissions_for_user(their_admin).can_edit()
    assert ours.permissions_for_user(users["admin"]).can_edit()

    # Each court's items go through its own review, to its own reviewers.
    assert ours.get_workflow() != their_page.get_workflow()
    their_page.save_revision(user=their_admin)
    their_page.get_workflow().start(their_page, their_admin)
    task = their_page.current_workflow_task
    assert task.get_actions(their_page, users["redaktur"]) == []
    assert task.get_actions(their_page, users["kasubag"]) == []


def test_each_courts_monev_report_goes_to_its_own_sekretaris_and_archive(court, users):
    add_pa()
    pa = Site.objects.get(hostname="pa-contoh.localhost")
    theirs = MonevReport(site=pa, period_start="2026-10-01")
    ours = MonevReport(site=court.site, period_start="2026-10-01")
    assert theirs.get_workflow() == CourtArchive.objects.get(site=pa).workflow
    assert ours.get_workflow() == CourtArchive.objects.get(site=court.site).workflow != theirs.get_workflow()
    assert archive_collection(pa) == CourtArchive.objects.get(site=pa).collection
    assert archive_collection(court.site).name == "Arsip Monev"


@pytest.mark.parametrize(("extra", "message"), [
    ({"domain": "pa contoh!"}, "Tulis nama host saja"),
    ({"domain": "testserver"}, "Domain ini sudah dipakai PN Uji"),
    ({"court_type": "XX"}, "Jenis pengadilan"),
    ({"kasubag_email": "bukan-surel"}, "Surel Kasubag PTIP pertama"),
])
def test_bad_input_is_refused_with_a_clear_message_and_nothing_is_made(court, users, extra, message):
    sites = Site.objects.count()
    with pytest.raises(CommandError, match=message):
        add_pa(**extra)
    assert Site.objects.count() == sites and not Group.objects.filter(name__startswith=PA).exists()


def test_an_appellate_court_must_be_of_the_type_that_hears_the_appeals(court, users):
    call_command("add_court", "Pengadilan Tinggi Agama Contoh", court_type="PTA", domain="pta-contoh.localhost",
                 stdout=io.StringIO())
    call_command("add_court", "Pengadilan Tinggi Contoh", court_type="PT", domain="pt-contoh.localhost",
                 stdout=io.StringIO())
    with pytest.raises(CommandError, match="Banding PA diperiksa oleh PTA"):
        add_pa(appellate="pt-contoh.localhost", domain="pa-lain.localhost")
    add_pa(appellate="pta-contoh.localhost")
    pa = CourtSettings.for_site(Site.objects.get(hostname="pa-contoh.localhost"))
    assert pa.appellate_court.hostname == "pta-contoh.localhost"
