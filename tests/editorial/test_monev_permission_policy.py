"""Who may read monev, and of which courts: one policy for the step report and for monev's screens."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission, GroupSitePermission, Site

from editorial.permissions import monev_permission_policy as policy
from tests.support.factories import HomePageFactory, UserFactory

pytestmark = pytest.mark.django_db

READERS = {"kasubag", "sekretaris", "ketua", "pranata", "root"}


def test_the_monev_roles_read_it_and_the_others_do_not(court, users):
    for name, user in users.items():
        assert policy.user_has_permission(user, "view") is (name in READERS), name
        assert policy.user_has_permission(user, "delete") is False
    assert set(policy.users_with_permission("view")) == {users[name] for name in READERS}
    assert not policy.users_with_permission("change").exists()
    assert policy.user_has_permission(AnonymousUser(), "view") is False
    users["sekretaris"].is_active = False
    assert policy.user_has_permission(users["sekretaris"], "view") is False


@pytest.fixture
def two_courts(court):
    other_home = HomePageFactory(parent=court.home.get_parent(), slug="pn-lain")
    other = Site.objects.create(hostname="pn-lain.test", port=80, root_page=other_home, site_name="PN Lain")
    # The other court's own Kasubag: page permissions on that court's pages, monev of that court only.
    group = Group.objects.create(name="PN Lain — Kasubag PTIP")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupSitePermission.objects.create(group=group, site=other, permission=Permission.objects.get(
        content_type__app_label="core", codename="view_monev"))
    for permission in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(group=group, page=other_home,
                                           permission=Permission.objects.get(codename=permission))
    return court.site, other, UserFactory(username="kasubag-lain", groups=[group])


def test_each_reader_sees_their_own_court_and_a_deployment_wide_reader_every_court(two_courts, users):
    mine, other, their_kasubag = two_courts
    courts = policy.instances_user_has_permission_for
    assert list(courts(their_kasubag, "view")) == [other]
    assert policy.user_has_permission_for_instance(their_kasubag, "view", other)
    assert not policy.user_has_permission_for_instance(their_kasubag, "view", mine)
    for reader in ("sekretaris", "ketua", "pranata", "kasubag"):  # the first court's groups: that court only
        assert list(courts(users[reader], "view")) == [mine], reader
    assert list(courts(users["root"], "view")) == [mine, other]
    assert not courts(users["redaktur"], "view").exists()
    everywhere = Group.objects.create(name="Pembaca nasional")
    everywhere.permissions.add(Permission.objects.get(content_type__app_label="core", codename="view_monev"))
    assert list(courts(UserFactory(username="pembaca", groups=[everywhere]), "view")) == [mine, other]


@pytest.mark.parametrize("role, allowed", [("admin", False), ("redaktur", False), ("kasubag", True),
                                           ("sekretaris", True), ("ketua", True), ("pranata", True)])
def test_the_step_report_and_monev_ask_the_same_policy(court, client_as, role, allowed):
    client = client_as(role)
    for url in (reverse("editorial_step_report"), reverse("monev_report")):
        assert (client.get(url).status_code == 200) is allowed, url
    home = client.get("/admin/").content.decode()
    assert ("Waktu alur redaksi" in home) is allowed
    assert (reverse("monev_report") in home) is allowed
