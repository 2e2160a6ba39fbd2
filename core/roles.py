"""The SOP's roles (Pelaksana) as Wagtail groups and permissions.

Kept as data so that the migration that creates the default court's groups and
any later per-court set-up (one deployment, many courts as Wagtail sites) use
the same definition. Functions take an `apps` registry so they work inside
migrations with historical models.

Here are the roles, their page and collection permissions and the permissions of
core and Wagtail. Each higher app gives the roles the permissions on its own
models with `grant()` in its AppConfig.ready(), which runs before any migration,
so the groups set up by a migration or for another court get them all.

Permissions that concern one court (reading its monev, changing its settings) are
held per court: through Wagtail's GroupSitePermission on the court's site, not as a
global permission, so a court's Sekretaris reads that court's monev and a
Kasubag changes that court's settings only (`grant(..., per_court=True)`). A group
that holds such a permission globally reads or changes every court's (a
deployment-wide reader set up by hand).
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
        "court_perms": [],
    },
    REDAKTUR: {
        "description": "Memeriksa dan mengoreksi konsep; tidak dapat menerbitkan.",
        "pages": PAGE_EDIT,
        "collections": MEDIA_ALL,
        "model_perms": ["wagtailadmin.access_admin", *API_TOKENS],
        "court_perms": [],
    },
    KASUBAG: {
        "description": "Menyetujui dan menerbitkan; mengelola kanal, pengaturan situs dan monev.",
        "pages": PAGE_PUBLISH,
        "collections": MEDIA_ALL,
        "model_perms": ["wagtailadmin.access_admin", "core.manage_channels", *API_TOKENS],
        "court_perms": ["core.view_monev"],
    },
    SEKRETARIS: {
        "description": "Melihat laporan monev dan menyetujui arsip laporan.",
        "pages": [],
        "collections": ["choose_document"],
        "model_perms": ["wagtailadmin.access_admin"],
        "court_perms": ["core.view_monev"],
    },
    KETUA: {
        "description": "Melihat laporan monev.",
        "pages": [],
        "collections": ["choose_document"],
        "model_perms": ["wagtailadmin.access_admin"],
        "court_perms": ["core.view_monev"],
    },
    PRANATA: {
        "description": "Menyusun rencana program dan pemeliharaan TI serta melaksanakannya.",
        "pages": [],
        "collections": MEDIA_ADD,
        "model_perms": ["wagtailadmin.access_admin"],
        "court_perms": ["core.view_monev"],
    },
}


# The roles that must sign in with a second factor (core/two_factor.py), with superusers.
TWO_FACTOR_ROLES = (KASUBAG, SEKRETARIS, KETUA)


def holds_role(user, *roles):
    """Whether one of the user's groups is one of these roles, of any court: groups are named per court
    ("PA Contoh — Kasubag PTIP") except the first court's ("Kasubag PTIP")."""
    names = user.groups.values_list("name", flat=True)
    return any(name == role or name.endswith(f" {role}") for name in names for role in roles)


def grant(role, *permissions, per_court=False):
    """Give a role model permissions ("app_label.codename"); an app calls this for its own models.
    per_court=True: held on the court's site only (GroupSitePermission), for what concerns one court."""
    held = ROLES[role]["court_perms" if per_court else "model_perms"]
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


def _default_site_id(apps):
    Site = apps.get_model("wagtailcore", "Site")
    return Site.objects.filter(is_default_site=True).values_list("pk", flat=True).first()


def setup_role_groups(apps, root_page_id, root_collection_id, name_prefix="", site_id=None):
    """Create (or complete) the six role groups with permissions below the given page and collection, and
    their per-court permissions on the court's site (site_id; the default site when None: the first court)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupSitePermission = apps.get_model("wagtailcore", "GroupSitePermission")
    ensure_permissions(apps)
    site_id = site_id or _default_site_id(apps)

    groups = {}
    for role, spec in ROLES.items():
        group, _created = Group.objects.get_or_create(name=f"{name_prefix}{role}")
        for dotted in spec["model_perms"]:
            permission = _permission(apps, dotted)
            if permission is not None:
                group.permissions.add(permission)
        for dotted in spec["court_perms"]:
            permission = _permission(apps, dotted)
            if permission is None:
                continue
            if site_id is None:  # no site yet to hold it on: the only court there is
                group.permissions.add(permission)
            else:
                GroupSitePermission.objects.get_or_create(group=group, site_id=site_id, permission=permission)
                group.permissions.remove(permission)
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


def _court_of(apps, group_name, role):
    """The site of the court a role group belongs to: the default site for the first court's groups (no
    prefix), else the site whose root page the court's page-holding groups are bound to; None if unknown."""
    prefix = group_name[: -len(role)]
    if not prefix:
        return _default_site_id(apps)
    Site = apps.get_model("wagtailcore", "Site")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    pages = GroupPagePermission.objects.filter(group__name__in=[prefix + name for name in ROLES]).values("page_id")
    return Site.objects.filter(root_page_id__in=pages).values_list("pk", flat=True).first()


def _existing_permissions(apps, dotted):
    """(name, Permission) for each "app_label.codename" whose model exists at this point of the migrations."""
    ensure_permissions(apps)
    for name in dotted:
        permission = _permission(apps, name)
        if permission is not None:
            yield name, permission


def move_to_courts(*dotted):
    """A data migration's function: the court role groups that hold these permissions globally hold them on
    their own court's site instead (GroupSitePermission). Groups that are not a court's role groups keep them."""

    def forward(apps, schema_editor):
        Group = apps.get_model("auth", "Group")
        GroupSitePermission = apps.get_model("wagtailcore", "GroupSitePermission")
        for name, permission in _existing_permissions(apps, dotted):
            for group in Group.objects.filter(permissions=permission):
                role = next((role for role, spec in ROLES.items()
                             if group.name.endswith(role) and name in spec["court_perms"]), None)
                site_id = _court_of(apps, group.name, role) if role else None
                if site_id is None:
                    continue
                GroupSitePermission.objects.get_or_create(group=group, site_id=site_id, permission=permission)
                group.permissions.remove(permission)

    return forward


def add_court_permissions(*dotted):
    """A data migration's function for an app's new per-court permissions: every court's role groups whose
    role is granted them (`grant(..., per_court=True)`) get them on their own court's site."""

    def forward(apps, schema_editor):
        Group = apps.get_model("auth", "Group")
        GroupSitePermission = apps.get_model("wagtailcore", "GroupSitePermission")
        for name, permission in _existing_permissions(apps, dotted):
            for role, spec in ROLES.items():
                if name not in spec["court_perms"]:
                    continue
                for group in Group.objects.filter(name__endswith=role):
                    site_id = _court_of(apps, group.name, role)
                    if site_id is not None:
                        GroupSitePermission.objects.get_or_create(group=group, site_id=site_id, permission=permission)

    return forward
