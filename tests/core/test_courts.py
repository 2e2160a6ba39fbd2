"""Which courts a user sees: the sites below the pages where their groups hold page permissions."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Collection, GroupPagePermission, GroupSitePermission, Site

from core import roles
from core.content_types import move_content_type
from core.courts import courts_for, has_page_permissions
from tests.support.factories import HomePageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_court(court):
    home = HomePageFactory(parent=court.home.get_parent(), slug="pa-uji")
    site = Site.objects.create(hostname="pa-uji.test", port=80, root_page=home, site_name="PA Uji")
    groups = roles.setup_role_groups(apps, home.pk, Collection.get_first_root_node().pk, "PA Uji ", site_id=site.pk)
    return type("Court", (), {"site": site, "home": home, "groups": groups})


def test_role_groups_of_the_tree_root_see_every_court(court, users, second_court):
    both = {court.site, second_court.site}
    assert set(courts_for(users["kasubag"])) == both
    assert set(courts_for(users["admin"])) == both
    assert set(courts_for(users["kasubag"], actions=("publish",))) == both
    assert set(courts_for(users["root"])) == both


def test_another_courts_groups_see_only_their_court(court, second_court):
    kasubag = UserFactory(username="kasubag_pa", groups=[second_court.groups[roles.KASUBAG]])
    admin = UserFactory(username="admin_pa", groups=[second_court.groups[roles.ADMIN]])
    assert list(courts_for(kasubag)) == [second_court.site]
    assert list(courts_for(kasubag, actions=("publish",))) == [second_court.site]
    assert list(courts_for(admin)) == [second_court.site]
    assert list(courts_for(admin, actions=("publish",))) == []  # the Admin never approves


def test_readers_belong_to_their_court_through_per_court_permissions(court, users, second_court):
    sekretaris_pa = UserFactory(username="sekretaris_pa", groups=[second_court.groups[roles.SEKRETARIS]])
    assert list(courts_for(users["sekretaris"], permission="core.view_monev")) == [court.site]
    assert list(courts_for(sekretaris_pa, permission="core.view_monev")) == [second_court.site]
    assert not sekretaris_pa.has_perm("core.view_monev")  # not globally
    overseer = Group.objects.create(name="Pembaca seluruh pengadilan")
    overseer.permissions.add(Permission.objects.get(content_type__app_label="core", codename="view_monev"))
    reader = UserFactory(username="pembaca_semua", groups=[overseer])
    assert set(courts_for(reader, permission="core.view_monev")) == {court.site, second_court.site}


def test_the_migration_moves_a_courts_global_grants_onto_its_site(court, second_court):
    view_monev = Permission.objects.get(content_type__app_label="core", codename="view_monev")
    pa_sekretaris = second_court.groups[roles.SEKRETARIS]
    first_sekretaris = Group.objects.get(name=roles.SEKRETARIS)
    hand_made = Group.objects.create(name="Pembaca")
    for group in (pa_sekretaris, first_sekretaris, hand_made):
        GroupSitePermission.objects.filter(group=group).delete()
        group.permissions.add(view_monev)
    roles.move_to_courts("core.view_monev")(apps, None)
    assert list(GroupSitePermission.objects.filter(group=pa_sekretaris).values_list("site", flat=True)) == [
        second_court.site.pk]
    assert list(GroupSitePermission.objects.filter(group=first_sekretaris).values_list("site", flat=True)) == [
        court.site.pk]
    assert view_monev not in pa_sekretaris.permissions.all()
    assert view_monev in hand_made.permissions.all()  # not a court's role group: it keeps reading every court


def test_readers_without_page_permissions_and_strangers_see_none(court, users):
    assert not has_page_permissions(users["sekretaris"])
    assert has_page_permissions(users["admin"])
    assert list(courts_for(users["sekretaris"])) == []
    users["kasubag"].is_active = False
    assert list(courts_for(users["kasubag"])) == []
    assert list(courts_for(None)) == []


def test_a_grant_on_a_section_gives_no_court(court):
    section = Group.objects.create(name="Penulis berita")
    GroupPagePermission.objects.create(group=section, page=court.news_index,
                                       permission=Permission.objects.get(codename="change_page"))
    assert list(courts_for(UserFactory(username="penulis", groups=[section]))) == []


def test_moving_a_content_type_keeps_who_holds_its_permissions():
    old = ContentType.objects.create(app_label="lama", model="izin")
    permission = Permission.objects.create(content_type=old, codename="lihat_sesuatu", name="lihat")
    group = Group.objects.create(name="Pemegang")
    group.permissions.add(permission)
    move_content_type("lama.izin", "baru.izin")(apps, None)
    permission.refresh_from_db()
    assert (permission.content_type.app_label, permission.content_type.model) == ("baru", "izin")
    assert list(group.permissions.all()) == [permission]


def test_moving_onto_an_existing_content_type_merges_the_grants():
    old = ContentType.objects.create(app_label="lama", model="izin")
    new = ContentType.objects.create(app_label="baru", model="izin")
    held = Permission.objects.create(content_type=old, codename="lihat_sesuatu", name="lihat")
    kept = Permission.objects.create(content_type=new, codename="lihat_sesuatu", name="lihat")
    only_old = Permission.objects.create(content_type=old, codename="ubah_sesuatu", name="ubah")
    group = Group.objects.create(name="Pemegang")
    group.permissions.add(held, only_old)
    move_content_type("lama.izin", "baru.izin")(apps, None)
    assert not ContentType.objects.filter(app_label="lama").exists()
    assert set(group.permissions.values_list("content_type__app_label", "codename")) == {
        ("baru", "lihat_sesuatu"), ("baru", "ubah_sesuatu")}
    assert Permission.objects.get(pk=kept.pk) in group.permissions.all()


def test_the_moved_permissions_are_cores(court, users):
    assert users["kasubag"].has_perm("core.manage_channels")
    assert list(courts_for(users["kasubag"], permission="core.view_monev")) == [court.site]
    assert list(courts_for(users["admin"], permission="core.view_monev")) == []
    assert not ContentType.objects.filter(app_label="editorial", model="editorialpermissions").exists()
    assert ContentType.objects.get_for_model(apps.get_model("core", "JobRun")).app_label == "core"


def test_oversight_answers_with_what_the_registered_providers_add(court, users, second_court, monkeypatch):
    from django.db.models import Q

    from core import courts

    monkeypatch.setattr(courts, "_OVERSIGHT", [])
    reader = UserFactory(username="pembaca")
    assert list(courts_for(reader, oversight=True)) == []  # no provider: nobody oversees anything
    courts.register_oversight(lambda user: Q(pk=second_court.site.pk) if user == reader else None)
    courts.register_oversight(lambda user: None)
    assert list(courts_for(reader, oversight=True)) == [second_court.site]
    assert list(courts_for(reader)) == []  # overseeing a court is not working on it
    assert list(courts_for(users["kasubag"], oversight=True)) == []
    assert set(courts_for(users["root"], oversight=True)) == {court.site, second_court.site}
    reader.is_active = False
    assert list(courts_for(reader, oversight=True)) == []
