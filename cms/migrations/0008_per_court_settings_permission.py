"""A Kasubag PTIP changes their own court's settings only: the permission is held on the court's site
(Wagtail's GroupSitePermission, which its settings views check), no longer globally (core.roles.move_to_courts)."""

from django.db import migrations

from core.roles import move_to_courts


class Migration(migrations.Migration):

    dependencies = [
        ("cms", "0007_court_type_and_appellate_court"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(move_to_courts("cms.change_courtsettings"), migrations.RunPython.noop)]
