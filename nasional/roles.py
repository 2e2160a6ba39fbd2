"""The read-only roles of the national roll-up, as groups kept in data (migration 0002).

A directorate group reads the courts of its directorate; the Supreme Court's Biro Hukum dan Humas
reads every court. None of them holds a page, collection or model permission: they open the admin
and the roll-up, nothing else. Functions take an `apps` registry so they work inside migrations.
"""

from django.contrib.auth.management import create_permissions

from cms import court_types

from .models import ALL_COURTS

BADILUM = "Direktorat Badilum"
BADILAG = "Direktorat Badilag"
BADILMILTUN = "Direktorat Badilmiltun"
BIRO_HUKUM_HUMAS = "Biro Hukum dan Humas MA"

READER_GROUPS = {
    BADILUM: court_types.BADILUM,
    BADILAG: court_types.BADILAG,
    BADILMILTUN: court_types.BADILMILTUN,
    BIRO_HUKUM_HUMAS: ALL_COURTS,
}
PERMISSIONS = [("wagtailadmin", "access_admin"), ("nasional", "view_national")]


def setup_reader_groups(apps):
    """Create (or complete) the four reader groups, each mapped to the courts it reads."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    DirectorateReader = apps.get_model("nasional", "DirectorateReader")
    for app_config in apps.get_app_configs():  # permissions exist only after all migrations otherwise
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    permissions = [Permission.objects.get(content_type__app_label=app_label, codename=codename)
                   for app_label, codename in PERMISSIONS]
    for name, directorate in READER_GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)
        DirectorateReader.objects.update_or_create(group=group, defaults={"directorate": directorate})


def remove_reader_groups(apps):
    apps.get_model("auth", "Group").objects.filter(name__in=list(READER_GROUPS)).delete()
