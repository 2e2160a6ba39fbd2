"""Reading a court's monev and changing its working hours are held per court (Wagtail's GroupSitePermission on
the court's site), no longer globally: a court's Sekretaris, Ketua and Pranata Komputer, who hold no page
permissions, read their own court's monev only (core.roles.move_to_courts)."""

from django.db import migrations

from core.roles import move_to_courts


class Migration(migrations.Migration):

    dependencies = [
        ("editorial", "0009_api_token_permissions"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(move_to_courts("core.view_monev", "editorial.change_workinghours"),
                                       migrations.RunPython.noop)]
