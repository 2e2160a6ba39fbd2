"""A national data set in bulk: many courts, each with a year of published items, their editorial steps,
social deliveries and daily page view counters (``manage.py generate_national``, the benchmarks, the tests).

Courts are made as Wagtail makes them (a site, a home page under the tree root, its news and announcement
indexes, court settings with type and appellate court, working hours with the court's time zone), but
written with bulk inserts in chunks of courts: the page tree's treebeard paths, depths and child counts
are computed here, each item gets one published revision, and nothing is sent anywhere (the social
accounts are inactive and no task is queued). Search indexing and audit-log entries are left out.

With ``keep=True`` everything written is also returned per court in plain Python (a Ledger), so a test
can count each figure by hand.
"""

import datetime
import math
import random
import uuid
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from wagtail.models import Locale, Page, Revision, Site

from cms import court_types
from cms.models import (
    AnnouncementIndexPage,
    AnnouncementPage,
    CourtSettings,
    HomePage,
    NewsCategory,
    NewsIndexPage,
    NewsPage,
)
from core import platform_rules
from editorial.models import MutuBaku, StepRecord, WorkingHours
from editorial.models.standards import KOREKSI, MENYIAPKAN, PERSETUJUAN
from monev.models import PageViewDaily
from publishers.social.models import DeliveryStatus, SocialAccount, SocialDelivery

from . import bulk

DOMAIN = "nasional.test"  # every generated court's host name ends in it
# First-instance courts in about the proportions of the Indonesian judiciary, and how many of them one
# appellate court oversees.
MIX = [("PN", 382), ("PA", 389), ("MS", 23), ("PTUN", 28), ("DILMIL", 19)]
PER_APPELLATE = {"PN": 11, "PA": 14, "MS": 23, "PTUN": 7, "DILMIL": 5}
TIMEZONES = ["Asia/Jakarta"] * 7 + ["Asia/Makassar"] * 2 + ["Asia/Jayapura"]
ACCOUNTS = [(platform_rules.FACEBOOK, "Facebook"), (platform_rules.INSTAGRAM, "Instagram"), (platform_rules.X, "X")]
CATEGORIES = ["Kegiatan", "Layanan Publik", "Sidang Keliling"]
ROLES = ("admin", "redaktur", "kasubag")  # one user per court for each step of the review, as the steps' actors
VIEW_DAYS = 7  # an item is read for a week after it is published, less each day


@dataclass
class CourtSpec:
    code: str
    appellate: int | None = None  # index in the plan of the court that hears its appeals


@dataclass
class CourtLedger:
    site_id: int
    timezone: str
    items: list = field(default_factory=list)  # (first_published_at, kind) kind: news / announcement
    steps: list = field(default_factory=list)  # (finished_at, working_seconds, standard_minutes, outcome)
    deliveries: list = field(default_factory=list)  # (created_at, status)
    views: list = field(default_factory=list)  # (date, views)


def plan(count):
    """`count` courts: appellate courts first, then the first-instance courts, each under one of them."""
    if count < 2:
        return [CourtSpec("PN") for _ in range(count)]
    total = sum(weight for _code, weight in MIX)
    for districts in range(count - 1, 0, -1):
        shares = [(code, districts * weight / total) for code, weight in MIX]
        numbers = {code: int(share) for code, share in shares}
        left = districts - sum(numbers.values())
        for code, _share in sorted(shares, key=lambda s: s[1] - int(s[1]), reverse=True)[:left]:
            numbers[code] += 1
        appellate = {code: math.ceil(n / PER_APPELLATE[code]) for code, n in numbers.items() if n}
        top = 1 if numbers["DILMIL"] else 0  # the Dilmilti answer to the Dilmiltama
        used = districts + sum(appellate.values()) + top
        if used <= count:
            break
    numbers[max(numbers, key=numbers.get)] += count - used  # what rounding left over
    courts = [CourtSpec("DILMILTAMA")] if top else []
    heads = {}
    for code, n in appellate.items():
        appeal = court_types.BY_CODE[code].appeal_type
        heads[code] = []
        for _ in range(n):
            heads[code].append(len(courts))
            courts.append(CourtSpec(appeal, appellate=0 if appeal == "DILMILTI" else None))
    for code, n in numbers.items():
        for number in range(n):
            courts.append(CourtSpec(code, appellate=heads[code][number % len(heads[code])]))
    return courts


class Generator:
    def __init__(self, *, courts, items, year, seed=2026, chunk=25, keep=False, log=print):
        self.count, self.items, self.year, self.chunk, self.keep, self.log = courts, items, year, chunk, keep, log
        self.rng = random.Random(seed)
        self.ledgers = []
        self.totals = dict.fromkeys(("courts", "pages", "revisions", "steps", "deliveries", "views"), 0)

    # --- shared set-up --------------------------------------------------------------------------------

    def prepare(self):
        self.locale_id = Locale.get_default().pk
        # the courts' sites went live before the year: their home and index pages are no item of it
        self.opened = datetime.datetime(self.year - 1, 12, 1, tzinfo=datetime.UTC)
        self.ct = {model: ContentType.objects.get_for_model(model).pk
                   for model in (Page, HomePage, NewsIndexPage, AnnouncementIndexPage, NewsPage, AnnouncementPage)}
        self.root = Page.get_first_root_node()
        last = Page.objects.filter(depth=2).order_by("-path").values_list("path", flat=True).first()
        self.next_step = Page._str2int(last[-Page.steplen:]) + 1 if last else 1
        self.categories = [NewsCategory.objects.get_or_create(
            slug=f"nasional-{name.lower().replace(' ', '-')}", defaults={"name": name})[0].pk for name in CATEGORIES]
        self.standards = {(step, social): MutuBaku.objects.minutes_for(step, ["B", "C"] if social else ["B"])
                          for step in (MENYIAPKAN, KOREKSI, PERSETUJUAN) for social in (False, True)}
        self.first_number = generated_courts().count() + 1

    def run(self):
        self.prepare()
        courts = self.create_courts(plan(self.count))
        for start in range(0, len(courts), self.chunk):
            with transaction.atomic():
                for court in courts[start:start + self.chunk]:
                    self.fill_court(court)
            self.log(f"{min(start + self.chunk, len(courts))}/{len(courts)} courts filled")
        if connection.vendor == "postgresql":
            # fresh statistics, so the planner knows the tables grew by millions of rows
            with connection.cursor() as cursor:
                for model in (Page, Revision, StepRecord, SocialDelivery, PageViewDaily):
                    cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
        return self

    # --- pages ------------------------------------------------------------------------------------------

    def page(self, pk, model, *, title, slug, parent_path, step, depth, url_path, published_at, numchild=0):
        return {"id": pk, "title": title, "draft_title": title, "slug": slug,
                "path": Page._get_path(parent_path, depth, step), "depth": depth, "numchild": numchild,
                "url_path": url_path, "content_type_id": self.ct[model], "live": True,
                "has_unpublished_changes": False, "first_published_at": published_at,
                "last_published_at": published_at, "latest_revision_created_at": published_at,
                "locale_id": self.locale_id, "translation_key": uuid.uuid4(),
                "show_in_menus": model in (NewsIndexPage, AnnouncementIndexPage)}

    def insert_pages(self, pages, specific):
        """The pages' rows in wagtailcore_page, then each page type's own rows ({model: [rows]})."""
        bulk.insert(Page, pages, with_pk=True)
        for model, rows in specific.items():
            bulk.insert(model, rows, with_pk=True)
        self.totals["pages"] += len(pages)

    # --- courts: sites, home pages, settings --------------------------------------------------------

    def create_courts(self, specs):
        numbers = range(self.first_number, self.first_number + len(specs))
        slugs = [f"{spec.code.lower()}-{number:04d}" for spec, number in zip(specs, numbers)]
        names = [f"{court_types.BY_CODE[spec.code].name} Nusantara {number:04d}"
                 for spec, number in zip(specs, numbers)]
        with transaction.atomic():
            ids = bulk.reserve_ids(Page, len(specs))
            homes = [self.page(pk, HomePage, title=name, slug=slug, parent_path=self.root.path,
                               step=self.next_step + i, depth=2, url_path=f"/{slug}/", numchild=2,
                               published_at=self.opened)
                     for i, (pk, name, slug) in enumerate(zip(ids, names, slugs))]
            self.insert_pages(homes, {HomePage: [{"page_ptr_id": pk, "intro": "Selamat datang.", "body": []}
                                                 for pk in ids]})
            Page.objects.filter(pk=self.root.pk).update(numchild=self.root.numchild + len(homes))
            self.root.numchild += len(homes)
            sites = Site.objects.bulk_create([
                Site(hostname=f"{slug}.{DOMAIN}", port=80, root_page_id=pk, site_name=name)
                for slug, name, pk in zip(slugs, names, ids)])
            CourtSettings.objects.bulk_create([
                CourtSettings(site=site, court_name=site.site_name, short_name=slug.upper(), court_type=spec.code,
                              appellate_court_id=sites[spec.appellate].pk if spec.appellate is not None else None)
                for site, spec, slug in zip(sites, specs, slugs)])
            timezones = [TIMEZONES[i % len(TIMEZONES)] for i in range(len(sites))]
            WorkingHours.objects.bulk_create([WorkingHours(site=site, timezone=tz)
                                              for site, tz in zip(sites, timezones)])
            User = get_user_model()
            User.objects.bulk_create([
                User(username=f"{slug}-{role}", first_name=role.title(), last_name=slug.upper(), password="!",
                     email=f"{role}@{slug}.{DOMAIN}")
                for slug in slugs for role in ROLES])
            SocialAccount.objects.bulk_create([
                SocialAccount(site=site, platform=platform, name=f"{label} {site.site_name}",
                              external_id=f"{platform}-{site.pk}", active=False)
                for site in sites for platform, label in ACCOUNTS])
        self.next_step += len(homes)
        self.totals["courts"] += len(sites)
        self.log(f"{len(sites)} courts created")
        return [Court(site, home, tz) for site, home, tz in zip(sites, homes, timezones)]

    # --- one court's year ----------------------------------------------------------------------------

    def fill_court(self, court):
        rng = random.Random(self.rng.random())
        site, home, tz = court.site, court.home, ZoneInfo(court.timezone)
        ledger = CourtLedger(site.pk, court.timezone)
        slug = home["slug"]
        published = sorted(self.working_moment(rng, tz) for _ in range(self.items))
        kinds = ["news" if rng.random() < 0.8 else "announcement" for _ in published]
        news_count = kinds.count("news")
        ids = bulk.reserve_ids(Page, 2 + len(published))
        revision_ids = bulk.reserve_ids(Revision, len(published))
        indexes = [
            self.page(ids[0], NewsIndexPage, title="Berita", slug="berita", parent_path=home["path"], step=1,
                      depth=3, url_path=f"/{slug}/berita/", numchild=news_count, published_at=self.opened),
            self.page(ids[1], AnnouncementIndexPage, title="Pengumuman", slug="pengumuman",
                      parent_path=home["path"], step=2, depth=3, url_path=f"/{slug}/pengumuman/",
                      numchild=len(kinds) - news_count, published_at=self.opened),
        ]
        pages = []
        specific = {NewsIndexPage: [{"page_ptr_id": ids[0]}], AnnouncementIndexPage: [{"page_ptr_id": ids[1]}],
                    NewsPage: [], AnnouncementPage: []}
        counters = {"news": 0, "announcement": 0}
        for pk, revision_id, published_at, kind in zip(ids[2:], revision_ids, published, kinds):
            counters[kind] += 1
            number = len(pages) + 1
            parent = indexes[0] if kind == "news" else indexes[1]
            model, word = (NewsPage, "Berita") if kind == "news" else (AnnouncementPage, "Pengumuman")
            item_slug = f"{word.lower()}-{number}"
            title = f"{word} {number} {site.site_name}"
            pages.append(self.page(pk, model, title=title, slug=item_slug, parent_path=parent["path"],
                                   step=counters[kind], depth=4, url_path=f"{parent['url_path']}{item_slug}/",
                                   published_at=published_at))
            pages[-1].update(latest_revision_id=revision_id, live_revision_id=revision_id)
            row = {"page_ptr_id": pk, "date": published_at.astimezone(tz).date(),
                   "body": [{"type": "paragraph", "value": f"<p>{title}.</p>", "id": str(uuid.uuid4())}],
                   "social_caption": "Informasi terbaru dari pengadilan."}
            if kind == "news":
                row.update(lead="Teras berita.", category_id=rng.choice(self.categories))
            specific[model].append(row)
            if self.keep:
                ledger.items.append((published_at, kind))
        self.insert_pages(indexes + pages, specific)
        self.revisions(pages)

        actors = {step: court.users.get(role) for step, role in zip((MENYIAPKAN, KOREKSI, PERSETUJUAN), ROLES)}
        speed = rng.uniform(0.5, 1.6)  # some courts work well within the standards, others do not
        failing = rng.uniform(0.0, 0.08)
        records, deliveries, views = [], [], {}
        for page in pages:
            social = rng.random() < 0.9
            records += self.steps(rng, page, site, actors, social, speed, ledger)
            if social:
                deliveries += self.deliveries(rng, page, site, court.accounts, failing, ledger)
            popularity = rng.paretovariate(1.5) * 40
            day = page["first_published_at"].astimezone(tz).date()
            for offset in range(VIEW_DAYS):
                n = int(popularity * 0.6 ** offset)
                if n:
                    views[(page["id"], day + datetime.timedelta(days=offset))] = n
        first_day = datetime.date(self.year, 1, 1)
        daily = rng.randrange(20, 400)
        for offset in range((datetime.date(self.year + 1, 1, 1) - first_day).days):
            views[(home["id"], first_day + datetime.timedelta(days=offset))] = daily + rng.randrange(0, daily)
        self.totals["steps"] += bulk.insert(StepRecord, records)
        self.totals["deliveries"] += bulk.insert(SocialDelivery, deliveries)
        self.totals["views"] += bulk.insert(PageViewDaily, [
            {"site_id": site.pk, "page_id": page_id, "date": day, "views": n} for (page_id, day), n in views.items()])
        if self.keep:
            ledger.views = [(day, n) for (_page_id, day), n in views.items()]
            self.ledgers.append(ledger)

    def working_moment(self, rng, tz):
        """A moment in working hours on a weekday of the year, in the court's time zone."""
        first = datetime.date(self.year, 1, 1)
        day = first + datetime.timedelta(days=rng.randrange((datetime.date(self.year + 1, 1, 1) - first).days))
        while day.weekday() >= 5:
            day -= datetime.timedelta(days=1)
        if day.year != self.year:
            day = first + datetime.timedelta(days=(7 - first.weekday()) % 7)
        return datetime.datetime.combine(day, datetime.time(8), tzinfo=tz) + datetime.timedelta(
            minutes=rng.randrange(8 * 60))

    def revisions(self, pages):
        """One revision per item, the one that is live (the pages' rows already name it: the foreign keys are
        checked at commit)."""
        bulk.insert(Revision, [
            {"id": page["live_revision_id"], "content_type_id": page["content_type_id"],
             "base_content_type_id": self.ct[Page], "object_id": str(page["id"]),
             "created_at": page["first_published_at"], "object_str": page["title"],
             "content": {"pk": page["id"], "title": page["title"], "draft_title": page["title"],
                         "slug": page["slug"], "live": True, "content_type": page["content_type_id"],
                         "first_published_at": page["first_published_at"].isoformat()}}
            for page in pages], with_pk=True)
        self.totals["revisions"] += len(pages)

    def steps(self, rng, page, site, actors, social, speed, ledger):
        """The item's passes, laid out backwards from its publication: drafting, the Redaktur's check (sent back
        now and then) and the Kasubag PTIP's approval."""
        plan_ = [(PERSETUJUAN, StepRecord.APPROVED), (KOREKSI, StepRecord.APPROVED)]
        if rng.random() < 0.12:
            plan_ += [(MENYIAPKAN, StepRecord.SUBMITTED), (KOREKSI, StepRecord.REJECTED)]
        plan_ += [(MENYIAPKAN, StepRecord.SUBMITTED)]
        end = page["first_published_at"]
        out = []
        for number, (step, outcome) in enumerate(plan_):
            standard = self.standards[(step, social)]
            seconds = max(60, int(standard * 60 * speed * rng.lognormvariate(-0.3, 0.6)))
            start = end - datetime.timedelta(seconds=seconds)
            out.append({"page_id": page["id"], "site_id": site.pk, "step": step, "actor_id": actors[step],
                        "started_at": start, "finished_at": end, "standard_minutes": standard,
                        "working_seconds": seconds, "outcome": outcome,
                        "returned": step == MENYIAPKAN and number < len(plan_) - 1})
            if self.keep:
                ledger.steps.append((end, seconds, standard, outcome))
            end = start - datetime.timedelta(minutes=rng.randrange(5, 120))
        return out

    def deliveries(self, rng, page, site, accounts, failing, ledger):
        out = []
        created_at = page["first_published_at"] + datetime.timedelta(seconds=30)
        for account_id, platform, name in accounts:
            roll = rng.random()
            if roll < failing:
                status = DeliveryStatus.FAILED
            elif roll < failing + 0.02:
                status = DeliveryStatus.NEEDS_CHECK
            elif roll < failing + 0.03:
                status = DeliveryStatus.CANCELLED
            else:
                status = DeliveryStatus.SENT
            sent = status == DeliveryStatus.SENT
            sent_at = created_at + datetime.timedelta(minutes=rng.randrange(1, 20)) if sent else None
            out.append({"page_id": page["id"], "site_id": site.pk, "account_id": account_id,
                        "page_title": page["title"], "platform": platform, "account_name": name,
                        "text": "Informasi terbaru dari pengadilan.", "status": str(status), "attempts": 1,
                        "created_at": created_at, "updated_at": sent_at or created_at, "sent_at": sent_at,
                        "platform_post_id": f"{platform}-{page['id']}" if sent else ""})
            if self.keep:
                ledger.deliveries.append((created_at, str(status)))
        return out


@dataclass
class Court:
    site: Site
    home: dict
    timezone: str
    users: dict = field(default_factory=dict)  # role -> user id
    accounts: list = field(default_factory=list)  # (id, platform, name)

    def __post_init__(self):
        slug = self.home["slug"]
        self.users = {username.rsplit("-", 1)[1]: pk for username, pk in get_user_model().objects.filter(
            username__startswith=f"{slug}-").values_list("username", "pk")}
        self.accounts = list(SocialAccount.objects.filter(site=self.site).order_by("pk").values_list(
            "pk", "platform", "name"))


def generate(courts, items, year, **kwargs):
    """Generate the data set; returns the Generator (its totals, and its ledgers with keep=True)."""
    return Generator(courts=courts, items=items, year=year, **kwargs).run()


def generated_courts():
    """The generated courts present in the database."""
    return Site.objects.filter(hostname__endswith=f".{DOMAIN}")
