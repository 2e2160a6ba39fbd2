"""Load the demo court into the database, skipping whatever is already there.

Things are found again by a natural key (page slug under its parent, username,
image/document title within its collection, category slug), so a second run
creates nothing and changes nothing. Pages are published through revisions
that belong to the loader itself (no user: Wagtail's history shows "system"):
the demo's archive did not go through the SOP, so no person is credited with
drafting or publishing it. A revision with a user would open the Admin's
drafting step in the editorial ledger and close it as "Diterbitkan langsung",
and the monev report would count it as the Admin's work. Only the items in
review go through the workflow as the users would.
"""

import datetime
import hashlib
from collections import Counter
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Collection, Page, Revision, Site
from wagtail.users.models import UserProfile

from cms.models import (
    AnnouncementIndexPage,
    AnnouncementPage,
    CourtSettings,
    HomePage,
    NewsCategory,
    NewsIndexPage,
    NewsPage,
    PublicDocument,
    PublicInformationPage,
    StandardPage,
)

from . import DEMO_PASSWORD, court, demo_court_loaded, documents, images, pages, pdf
from .announcements import ANNOUNCEMENTS
from .news import CATEGORIES, NEWS
from .richtext import build_body

HOME_SLUG = "pn-contoh"
DEMO_REVIEW_DATE = datetime.date(2026, 11, 21)
IN_REVIEW = [
    {"slug": "rapat-persiapan-akreditasi-penjaminan-mutu", "redaktur_approved": False,
     "title": "Rapat Persiapan Akreditasi Penjaminan Mutu",
     "lead": "Tim penjaminan mutu PN Contoh membahas kelengkapan dokumen akreditasi tahun 2027."},
    {"slug": "penyuluhan-hukum-di-sekolah-menengah", "redaktur_approved": True,
     "title": "Penyuluhan Hukum di Sekolah Menengah Kota Contoh",
     "lead": "Hakim PN Contoh memberikan penyuluhan hukum tentang perundungan kepada 300 pelajar."},
]
WELCOME_TITLE = "Welcome to your new Wagtail site!"  # the page Wagtail's initial migration creates
COLLECTION_NEWS = "Berita"
COLLECTION_DOCUMENTS = "Informasi Publik"
COLLECTION_IDENTITY = "Identitas Pengadilan"
WIB = ZoneInfo("Asia/Jakarta")

PAGE_MODELS = {
    pages.STANDARD: StandardPage,
    pages.PUBLIC_INFORMATION: PublicInformationPage,
    pages.NEWS_INDEX: NewsIndexPage,
    pages.ANNOUNCEMENT_INDEX: AnnouncementIndexPage,
}


def site_address():
    """(hostname, port) of the public site, from WARTA_BASE_URL."""
    parts = urlsplit(getattr(settings, "WARTA_BASE_URL", "") or "")
    hostname = parts.hostname or "localhost"
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return hostname, port


class DemoCourtLoader:
    def __init__(self, image_width=images.BASE_W):
        self.image_width = image_width
        self.created = Counter()
        self.existing = Counter()
        self.notes = []  # one-off changes worth telling the operator
        self._collections = {}
        self._documents = {}

    # --- entry point -------------------------------------------------------------------------

    @transaction.atomic
    def run(self):
        self.users = self.load_users()
        self.author = self.users["admin"]
        home, home_created = self.load_home()
        self.site = self.load_site(home)
        self.remove_welcome_page()
        self.load_settings(self.site)
        menu = {spec.slug: self.load_menu_page(home, spec) for spec in pages.MENU}
        self.load_news(menu[pages.BERITA.slug])
        self.load_announcements(menu[pages.PENGUMUMAN.slug])
        self.load_items_in_review(menu[pages.BERITA.slug])
        if home_created:
            # The welcome text's service links go in as a second revision, as an editor would add them.
            home.body = build_body(pages.HOME_BODY, "home", self.document_id)
            self.publish(home)
        demo_court_loaded.send(sender=DemoCourtLoader, site=self.site)
        return home

    # --- people ------------------------------------------------------------------------------

    def load_users(self):
        User = get_user_model()
        people = {}
        # One hash for all: the password is public anyway, and each hash costs a third of a second.
        password = make_password(DEMO_PASSWORD)
        accounts = [(username, group, first, last) for username, (group, first, last) in court.USERS.items()]
        root_name, root_first, root_last = court.SUPERUSER
        accounts.append((root_name, None, root_first, root_last))  # no group: a superuser
        for username, group_name, first_name, last_name in accounts:
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User(username=username, first_name=first_name, last_name=last_name,
                            email=f"{username}@{court.DOMAIN}")
                if group_name is None:
                    user.is_superuser = user.is_staff = True
                user.password = password
                user.save()
                profile = UserProfile.get_for_user(user)
                profile.preferred_language = "id"
                profile.save(update_fields=["preferred_language"])
                self.created["users"] += 1
            else:
                self.existing["users"] += 1
            if group_name and not user.groups.filter(name=group_name).exists():
                # The groups come from editorial's migration; a missing group is a broken install.
                user.groups.add(Group.objects.get(name=group_name))
            people[username] = user
        return people

    # --- site, home and settings ---------------------------------------------------------------

    def load_home(self):
        root = Page.get_first_root_node()
        home = HomePage.objects.filter(depth=2, slug=HOME_SLUG).first()
        if home:
            self.existing["pages"] += 1
            return home, False
        home = HomePage(title="Beranda", slug=HOME_SLUG, intro=pages.HOME_INTRO,
                        summary=f"Situs resmi {court.COURT_NAME}.",
                        seo_title=court.COURT_NAME,
                        hero_image=self.ensure_image(f"Gedung {court.COURT_NAME}", COLLECTION_IDENTITY,
                                                     lambda: images.news_picture("beranda", "gedung", "",
                                                                                 width=self.image_width)))
        self.create_page(root, home)
        return home, True

    def load_site(self, home):
        hostname, port = site_address()
        site = (Site.objects.filter(hostname=hostname, port=port).first()
                or Site.objects.filter(is_default_site=True).first()
                or Site(hostname=hostname, port=port))
        wanted = {"hostname": hostname, "port": port, "root_page_id": home.pk, "is_default_site": True,
                  "site_name": court.SHORT_NAME}
        if site.pk and all(getattr(site, field) == value for field, value in wanted.items()):
            return site
        Site.objects.exclude(pk=site.pk).filter(is_default_site=True).update(is_default_site=False)
        for field, value in wanted.items():
            setattr(site, field, value)
        site.save()
        self.notes.append(_("Situs bawaan %(host)s:%(port)d kini berakar di Beranda.")
                          % {"host": hostname, "port": port})
        return site

    def remove_welcome_page(self):
        """Delete Wagtail's welcome page, but only while it is untouched (no revisions, no children, no site)."""
        welcome = Page.objects.filter(
            depth=2, slug="home", title=WELCOME_TITLE, numchild=0,
            content_type=ContentType.objects.get_for_model(Page),
        ).first()
        if welcome and not welcome.revisions.exists() and not Site.objects.filter(root_page=welcome).exists():
            welcome.delete()
            self.notes.append(_("Halaman sambutan bawaan Wagtail dihapus."))

    def load_settings(self, site):
        current = CourtSettings.objects.filter(site=site).first()
        default_name = CourtSettings._meta.get_field("court_name").default
        if current and current.court_name != default_name:
            return  # someone filled them in: leave them alone
        values = dict(court.SETTINGS)
        values["logo"] = self.ensure_image(f"Logo {court.COURT_NAME}", COLLECTION_IDENTITY, images.court_logo,
                                           extension="png")
        CourtSettings.objects.update_or_create(site=site, defaults=values)
        self.notes.append(_("Pengaturan pengadilan diisi (nama, alamat, kontak, jam pelayanan, logo)."))

    # --- the menu ----------------------------------------------------------------------------

    def load_menu_page(self, parent, spec):
        page = self.child(parent, spec.slug)
        if page is None:
            model = PAGE_MODELS[spec.kind]
            page = model(title=spec.title, slug=spec.slug, summary=spec.summary, show_in_menus=True)
            if spec.kind == pages.STANDARD:
                page.body = build_body(spec.body, spec.slug, self.document_id)
            else:
                page.intro = spec.intro
            if spec.kind == pages.PUBLIC_INFORMATION:
                for order, key in enumerate(spec.documents):
                    doc = documents.ALL[key]
                    page.documents.add(PublicDocument(document=self.document(key), title=doc.title,
                                                      category=doc.category, year=doc.year, sort_order=order))
            self.create_page(parent, page)
        for child_spec in spec.children:
            self.load_menu_page(page, child_spec)
        return page

    # --- news and announcements -------------------------------------------------------------

    def load_news(self, index):
        categories = {}
        for name, slug in CATEGORIES:
            categories[slug], created = NewsCategory.objects.get_or_create(slug=slug, defaults={"name": name})
            (self.created if created else self.existing)["news categories"] += 1
        for number, item in enumerate(NEWS):
            if self.child(index, item.slug) is not None:
                continue
            hero = self.ensure_image(item.title, COLLECTION_NEWS,
                                     lambda item=item: images.news_picture(item.slug, item.motif, item.title,
                                                                           width=self.image_width))

            def figure(motif, item=item):
                return self.ensure_image(f"{item.title} (foto 2)", COLLECTION_NEWS,
                                         lambda: images.news_picture(f"{item.slug}/2", motif, "",
                                                                     width=self.image_width)).pk

            page = NewsPage(
                title=item.title, slug=item.slug, date=item.date, category=categories[item.category],
                lead=item.lead, summary=item.lead, hero_image=hero, hero_alt=item.hero_alt,
                hero_caption=item.hero_caption, social_caption=item.social_caption,
                social_hashtags=item.hashtags, social_crop="portrait" if number % 3 == 0 else "square",
                body=build_body(item.body, item.slug, self.document_id, figure),
            )
            page.tags.add(*item.tags)
            self.create_page(index, page, when=self.publication_time(item.date, number))

    def load_announcements(self, index):
        for number, item in enumerate(ANNOUNCEMENTS):
            if self.child(index, item.slug) is not None:
                continue
            page = AnnouncementPage(
                title=item.title, slug=item.slug, date=item.date, valid_until=item.valid_until,
                summary=item.summary, social_caption=item.social_caption, social_hashtags=item.hashtags,
                body=build_body(item.body, item.slug, self.document_id),
            )
            self.create_page(index, page, when=self.publication_time(item.date, number))

    def load_items_in_review(self, index):
        """Two drafts in the review workflow, so "Tugas saya" has work on it: one waits for the Redaktur,
        one (already corrected) for the Kasubag PTIP. They go through the workflow as the users would."""
        category = NewsCategory.objects.filter(slug=CATEGORIES[0][1]).first()
        for item in IN_REVIEW:
            if self.child(index, item["slug"]) is not None:
                continue
            page = NewsPage(
                title=item["title"], slug=item["slug"], date=DEMO_REVIEW_DATE, category=category,
                lead=item["lead"], summary=item["lead"], social_caption=item["lead"],
                social_hashtags="#PNContoh #PengadilanNegeri",
                body=build_body([item["lead"]], item["slug"], self.document_id),
            )
            page.owner = self.author
            page.live = False
            index.add_child(instance=page)
            log(instance=page, action="wagtail.create", user=self.author)
            page.save_revision(user=self.author)
            workflow = page.get_workflow()
            if workflow is None:
                continue
            workflow.start(page, self.author)
            if item["redaktur_approved"]:
                page.refresh_from_db()
                state = page.current_workflow_task_state
                state.task.specific.on_action(state, self.users["redaktur"], "approve",
                                              comment="Sudah dikoreksi, siap terbit.")
            self.created["pages"] += 1

    @staticmethod
    def publication_time(date, number):
        return datetime.datetime.combine(date, datetime.time(9 + number % 6, (number * 17) % 60), tzinfo=WIB)

    # --- pages -------------------------------------------------------------------------------

    def child(self, parent, slug):
        page = parent.get_children().filter(slug=slug).first()
        if page is not None:
            self.existing["pages"] += 1
            return page.specific
        return None

    def create_page(self, parent, page, when=None):
        """Add a page and publish it, as the system (no owner, no user)."""
        page.owner = None
        page.live = False
        if when:
            page.first_published_at = when
        parent.add_child(instance=page)
        log(instance=page, action="wagtail.create", user=None)
        revision = self.publish(page)
        if when:
            # Date the history like the item, so feeds, sitemaps and "diperbarui" read as a real archive.
            Revision.objects.filter(pk=revision.pk).update(created_at=when)
            Page.objects.filter(pk=page.pk).update(last_published_at=when, latest_revision_created_at=when)
        self.created["pages"] += 1
        return page

    def publish(self, page):
        revision = page.save_revision(user=None)
        revision.publish()
        return revision

    # --- media -------------------------------------------------------------------------------

    def collection(self, name):
        if name not in self._collections:
            root = Collection.get_first_root_node()
            found = root.get_children().filter(name=name).first()
            self._collections[name] = found or root.add_child(name=name)
        return self._collections[name]

    def ensure_image(self, title, collection_name, make, extension="jpg"):
        Image = get_image_model()
        collection = self.collection(collection_name)
        image = Image.objects.filter(title=title, collection=collection).first()
        if image:
            self.existing["images"] += 1
            return image
        picture = make()
        image = Image(title=title, collection=collection, width=picture.width, height=picture.height,
                      file=ContentFile(picture.data, name=f"{slugify(title)[:80]}.{extension}"),
                      file_size=len(picture.data), file_hash=hashlib.sha1(picture.data).hexdigest(),
                      uploaded_by_user=self.author)
        # Wagtail stores the focal point as its centre and size.
        focal = picture.focal
        image.focal_point_x = round((focal.left + focal.right) / 2)
        image.focal_point_y = round((focal.top + focal.bottom) / 2)
        image.focal_point_width = round(focal.right - focal.left)
        image.focal_point_height = round(focal.bottom - focal.top)
        image.save()
        self.created["images"] += 1
        return image

    def document(self, key):
        if key in self._documents:
            return self._documents[key]
        Document = get_document_model()
        doc = documents.ALL[key]
        collection = self.collection(COLLECTION_DOCUMENTS)
        found = Document.objects.filter(title=doc.title, collection=collection).first()
        if found:
            self.existing["documents"] += 1
        else:
            subtitle = "" if str(doc.year) in doc.title else f"Tahun {doc.year}"
            data = pdf.render(doc.title, documents.sections(key, doc), header=court.COURT_NAME.upper(),
                              footer=documents.FOOTER, subtitle=subtitle, author=court.COURT_NAME)
            found = Document(title=doc.title, collection=collection, file=ContentFile(data, name=f"{key}.pdf"),
                             file_size=len(data), file_hash=hashlib.sha1(data).hexdigest(),
                             uploaded_by_user=self.author)
            found.save()
            self.created["documents"] += 1
        self._documents[key] = found
        return found

    def document_id(self, key):
        return self.document(key).pk
