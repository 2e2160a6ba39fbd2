"""Wagtail's stock Moderators and Editors groups lose their hold on the page tree (editorial migration 0011)."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

from tests.support.factories import UserFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("editorial.migrations.0011_stock_groups_without_publish")


def stock_group(name, *perm_types):
    group = Group.objects.create(name=name)
    root = Page.get_first_root_node()
    for perm_type in perm_types:
        GroupPagePermission.objects.create(group=group, page=root, permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename=f"{perm_type}_page"))
    return group


def test_a_fresh_installation_has_no_stock_groups():
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
    assert not GroupPagePermission.objects.filter(group__name__in=["Moderators", "Editors"]).exists()


def test_an_empty_stock_group_goes_and_one_with_people_keeps_them_without_publish():
    moderators = stock_group("Moderators", "add", "change", "publish", "lock")
    stock_group("Editors", "add", "change")
    person = UserFactory(username="moderator-lama", groups=["Moderators"])

    migration.strip_stock_groups(apps, None)

    assert not Group.objects.filter(name="Editors").exists()
    moderators = Group.objects.get(name="Moderators")
    assert person.groups.filter(pk=moderators.pk).exists()
    kept = set(GroupPagePermission.objects.filter(group=moderators).values_list("permission__codename", flat=True))
    assert kept == {"add_page", "change_page", "lock_page"}
    person = type(person).objects.get(pk=person.pk)
    assert not Page.get_first_root_node().permissions_for_user(person).can_publish_subpage()
