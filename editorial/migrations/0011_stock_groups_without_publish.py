"""Wagtail's stock groups "Moderators" and "Editors" (made by wagtailcore's first migrations) hold page
permissions on the tree root, publish among them for Moderators: a way around the review and every court wall.
A group nobody is in is removed with its permissions; a group people are in is kept, without its publish
permission on any page (what its members may publish goes through the review, as for every role)."""

from django.conf import settings
from django.db import migrations

STOCK_GROUPS = ("Moderators", "Editors")


def strip_stock_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    for group in Group.objects.filter(name__in=STOCK_GROUPS):
        if not User.objects.filter(groups=group).exists():
            group.delete()
        else:
            GroupPagePermission.objects.filter(group=group, permission__codename="publish_page").delete()


class Migration(migrations.Migration):

    dependencies = [
        ("editorial", "0010_per_court_permissions"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(strip_stock_groups, migrations.RunPython.noop)]
