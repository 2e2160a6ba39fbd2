"""Onboarding a court in one step (`manage.py add_court` and the superusers' "Tambah pengadilan" screen).

A court is everything Warta keeps per court: a Wagtail site with its home page and sections, its court
settings, a collection for its images and documents, the six SOP role groups bound to that page tree and
collection only, the review workflow on its home page, working hours, the monev archive, and a first
Kasubag PTIP account. Each app builds the part it owns: it registers a step with `register_step` in its
AppConfig.ready() (core cannot know the page types of cms nor the workflow of editorial), and `add_court`
runs the steps in order inside one transaction.

Every step finds what an earlier run made and completes it, so running `add_court` twice changes nothing.
"""

import dataclasses
import re

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_tasks import task

_STEPS = []


@dataclasses.dataclass
class CourtSpec:
    """What a superuser says about a new court."""

    name: str  # "Pengadilan Agama Contoh"
    short_name: str  # "PA Contoh": group names, the site's name, menus
    court_type: str = ""  # a code of cms.court_types ("PA")
    hostname: str = ""  # "pa-contoh.localhost"
    port: int = 80
    appellate_site_id: int | None = None
    kasubag_username: str = ""
    kasubag_email: str = ""

    @property
    def slug(self):
        return slugify(self.short_name) or slugify(self.name)

    @property
    def group_prefix(self):
        """Role groups are named per court: "PA Contoh — Redaktur"."""
        return f"{self.short_name} — "


@dataclasses.dataclass
class Onboarding:
    """A court being onboarded: what each step made, for the steps after it and for the report."""

    spec: CourtSpec
    site: object = None
    home: object = None
    collection: object = None
    groups: dict = dataclasses.field(default_factory=dict)
    kasubag: object = None
    invitation_sent: bool = False
    made: list = dataclasses.field(default_factory=list)  # what this run created, in words, for the report

    def note(self, text):
        self.made.append(str(text))


def register_step(order, step):
    """Add step(onboarding) to the onboarding; lower orders run first (cms 10, core 20, editorial 30, ...)."""
    if all(existing is not step for _order, existing in _STEPS):
        _STEPS.append((order, step))
        _STEPS.sort(key=lambda entry: entry[0])
    return step


def add_court(spec):
    """Create (or complete) the court described by spec; returns the Onboarding with what was made."""
    onboarding = Onboarding(spec=spec)
    with transaction.atomic():
        for _order, step in _STEPS:
            step(onboarding)
    return onboarding


HOSTNAME = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$")


def valid_hostname(value):
    return bool(HOSTNAME.match(value or ""))


# --- core's own steps: the court's collection, its role groups and its first Kasubag -----------------------


def _first_court_groups():
    """The groups that hold permissions on the whole page tree or the root collection: the role groups the
    installation made for the first court (and Wagtail's own Editors and Moderators)."""
    from django.contrib.auth.models import Group
    from wagtail.models import GroupCollectionPermission, GroupPagePermission

    on_root = (set(GroupPagePermission.objects.filter(page__depth=1).values_list("group_id", flat=True))
               | set(GroupCollectionPermission.objects.filter(collection__depth=1).values_list("group_id", flat=True)))
    return list(Group.objects.filter(pk__in=on_root))


def narrow_first_court(onboarding):
    """The role groups made at installation hold their page and collection permissions on the whole tree, which
    was right while the deployment had one court. Before a second court exists they are narrowed to the first
    court (the default site): its home page, and a collection of its own that takes in the collections and
    files it had, so its people see nothing of the new court."""
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Site

    first = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    groups = _first_court_groups()
    if first is None or first.pk == getattr(onboarding.site, "pk", None) or not groups:
        return
    on_root = GroupPagePermission.objects.filter(group__in=groups, page__depth=1)
    if on_root.exists():
        for grant in on_root:
            GroupPagePermission.objects.get_or_create(group=grant.group, page=first.root_page,
                                                      permission=grant.permission)
        on_root.delete()
        onboarding.note(_("Peran pengadilan pertama (%(court)s) dibatasi ke halamannya sendiri")
                        % {"court": first.site_name})
    root = Collection.get_first_root_node()
    on_root = GroupCollectionPermission.objects.filter(group__in=groups, collection=root)
    if not on_root.exists():
        return
    name = first.site_name or first.hostname
    own = root.get_children().filter(name=name).first() or root.add_child(name=name)
    # Every collection and file the first court had, except the courts' own collections, moves under it.
    courts_collections = set(GroupCollectionPermission.objects.exclude(group__in=groups)
                             .values_list("collection_id", flat=True))
    for child in list(root.get_children()):
        if child.pk != own.pk and child.pk not in courts_collections:
            child.move(Collection.objects.get(pk=own.pk), pos="sorted-child")
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    for model in (get_image_model(), get_document_model()):
        model.objects.filter(collection=root).update(collection=own)
    for grant in on_root:
        GroupCollectionPermission.objects.get_or_create(group=grant.group, collection=own,
                                                        permission=grant.permission)
    on_root.delete()
    onboarding.note(_("Koleksi media pengadilan pertama dipindahkan ke «%(name)s»") % {"name": name})


def court_collection_and_groups(onboarding):
    """The court's own collection under the root, and its six role groups bound to its page tree and
    that collection (core.roles.setup_role_groups, the definition the first court's groups came from)."""
    from django.apps import apps
    from wagtail.models import Collection

    root = Collection.get_first_root_node()
    name = onboarding.spec.short_name
    collection = root.get_children().filter(name=name).first()
    if collection is None:
        collection = root.add_child(name=name)
        onboarding.note(_("Koleksi «%(name)s»") % {"name": name})
    onboarding.collection = collection
    from django.contrib.auth.models import Group

    from core import roles

    before = Group.objects.filter(name__startswith=onboarding.spec.group_prefix).count()
    onboarding.groups = roles.setup_role_groups(apps, onboarding.home.pk, collection.pk,
                                                name_prefix=onboarding.spec.group_prefix, site_id=onboarding.site.pk)
    if before < len(onboarding.groups):
        onboarding.note(_("%(count)d grup peran «%(prefix)s…»") % {
            "count": len(onboarding.groups) - before, "prefix": onboarding.spec.group_prefix})


def first_kasubag(onboarding):
    """A first Kasubag PTIP account, without a password: an invitation e-mail, sent once the onboarding has
    committed, carries a link to set one (Wagtail's password reset screen, with Django's one-time token)."""
    spec = onboarding.spec
    if not (spec.kasubag_username or spec.kasubag_email):
        return
    from django.contrib.auth import get_user_model

    from core import roles

    User = get_user_model()
    username = spec.kasubag_username or spec.kasubag_email.split("@")[0]
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(username=username, email=spec.kasubag_email, is_active=True)
        user.set_unusable_password()
        user.save()
        onboarding.note(_("Akun Kasubag PTIP «%(name)s»") % {"name": username})
        onboarding.invitation_sent = bool(spec.kasubag_email)
        if spec.kasubag_email:
            transaction.on_commit(lambda: send_invitation.enqueue(user.pk, spec.name))
    user.groups.add(onboarding.groups[roles.KASUBAG])
    onboarding.kasubag = user


def invitation_link(user):
    from django.conf import settings
    from django.contrib.auth.tokens import default_token_generator
    from django.urls import reverse
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    path = reverse("wagtailadmin_password_reset_confirm", kwargs={
        "uidb64": urlsafe_base64_encode(force_bytes(user.pk)), "token": default_token_generator.make_token(user)})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@task(queue_name="notifications")
def send_invitation(user_pk, court_name):
    """The invitation e-mail, from the notifications queue like every other mail of Warta's."""
    from django.contrib.auth import get_user_model
    from django.core.mail import send_mail

    user = get_user_model().objects.get(pk=user_pk)
    context = {"court": court_name, "username": user.get_username(), "link": invitation_link(user)}
    send_mail(
        _("Undangan Warta: %(court)s") % context,
        _("Anda didaftarkan sebagai Kasubag PTIP %(court)s di Warta.\n\n"
          "Nama pengguna: %(username)s\n"
          "Buat kata sandi Anda melalui tautan ini (berlaku sekali):\n%(link)s\n\n"
          "Setelah masuk, Anda dapat menghubungkan kanal media sosial dan mengatur pengadilan.") % context,
        None, [user.email],
    )
