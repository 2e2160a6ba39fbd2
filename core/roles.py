"""The SOP's roles (Pelaksana) as Wagtail groups and permissions.

Kept as data so that the migration that creates the default court's groups and
any later per-court set-up (one deployment, many courts as Wagtail sites) use
the same definition. Functions take an `apps` registry so they work inside
migrations with historical models.

Here are the roles, their page and collection permissions and the permissions of
core and Wagtail. Each higher app gives the roles the permissions on its own
models with `grant()` in its AppConfig.ready(), which runs before any migration,
so the groups set up by a migration or for another court get them all.
"""

from django.contrib.auth.management import create_permissions

ADMIN = "Admin"
REDAKTUR = "Redaktur"
KASUBAG = "Kasubag PTIP"
SEKRETARIS = "Sekretaris"
KETUA = "Ketua"
PRANATA = "Pranata Komputer"

# page permission types on the court's root page
PAGE_EDIT = ["add", "change"]
PAGE_PUBLISH = ["add", "change", "publish", "lock", "unlock"]

# Wagtail's API tokens (Pengaturan → Token API): each user creates, renames and revokes their own, for the
# v3 API with their own rights. The roles that work on pages through the API hold them.
API_TOKENS = ["wagtailcore.add_apitoken", "wagtailcore.change_apitoken", "wagtailcore.delete_apitoken",
              "wagtailcore.view_apitoken"]

# collection permission codenames (images and documents)
MEDIA_ADD = ["add_image", "choose_image", "add_document", "choose_document"]
MEDIA_ALL = MEDIA_ADD + ["change_image", "delete_image", "change_document", "delete_document"]

ROLES = {
    ADMIN: {
        "description": "Menyusun konsep berita, pengumuman dan konten media sosial; tidak dapat menerbitkan.",
        "pages": PAGE_EDIT,
        "collections": MEDIA_ADD,
        "model_perms": ["wagtailadmin.access_admin", *API_TOKENS],
    },
    REDAKTUR: {
        "description": "Memeriksa dan mengoreksi konsep; tidak dapat menerbitkan.",
        "pages": PAGE_EDIT,
        "collections": MEDIA_ALL,
        "model_perms": ["wagtailadmin.access_admin", *API_TOKENS],
    },
    KASUBAG: {
        "description": "Menyetujui dan menerbitkan; mengelola kanal, pengaturan situs dan monev.",
        "pages": PAGE_PUBLISH,
        "collections": MEDIA_ALL,
        "model_perms": ["wagtailadmin.access_admin", "core.view_monev", "core.manage_channels", *API_TOKENS],
    },
    SEKRETARIS: {
        "description": "Melihat laporan monev dan menyetujui arsip laporan.",
        "pages": [],
        "collections": ["choose_document"],
        "model_perms": ["wagtailadmin.access_admin", "core.view_monev"],
    },
    KETUA: {
        "description": "Melihat laporan monev.",
        "pages": [],
        "collections": ["choose_document"],
        "model_perms": ["wagtailadmin.access_admin", "core.view_monev"],
    },
    PRANATA: {
        "description": "Menyusun rencana program dan pemeliharaan TI serta melaksanakannya.",
        "pages": [],
        "collections": MEDIA_ADD,
        "model_perms": ["wagtailadmin.access_admin", "core.view_monev"],
    },
}


def grant(role, *permissions):
    """Give a role model permissions ("app_label.codename"); an app calls this for its own models."""
    held = ROLES[role]["model_perms"]
    held.extend(permission for permission in permissions if permission not in held)


def ensure_permissions(apps):
    """Create model permissions now; Django otherwise adds them only after all migrations."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def _permission(apps, dotted):
    """The permission, or None while its model does not exist yet at this point of the migration history
    (the migration that adds the model then adds its permission to the groups)."""
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = dotted.split(".")
    try:
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)
    except Permission.DoesNotExist:
        try:
            apps.get_model(app_label, codename.split("_", 1)[1])
        except LookupError:
            return None
        raise


def setup_role_groups(apps, root_page_id, root_collection_id, name_prefix=""):
    """Create (or complete) the six role groups with permissions below the given page and collection."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    ensure_permissions(apps)

    groups = {}
    for role, spec in ROLES.items():
        group, _created = Group.objects.get_or_create(name=f"{name_prefix}{role}")
        for dotted in spec["model_perms"]:
            permission = _permission(apps, dotted)
            if permission is not None:
                group.permissions.add(permission)
        for perm_type in spec["pages"]:
            permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{perm_type}_page")
            GroupPagePermission.objects.get_or_create(group=group, page_id=root_page_id, permission=permission)
        for codename in spec["collections"]:
            app_label = "wagtailimages" if codename.endswith("_image") else "wagtaildocs"
            permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection_id=root_collection_id, permission=permission
            )
        groups[role] = group
    return groups
