"""Factories for the court content model (wagtail-factories)."""

import datetime

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cms.models import AnnouncementIndexPage, AnnouncementPage, HomePage, NewsCategory, NewsIndexPage, NewsPage

PASSWORD = "test-pass-123"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@pn-contoh.go.id")
    first_name = factory.LazyAttribute(lambda o: o.username.title())
    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save(update_fields=["password"])

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        for name in extracted or []:
            self.groups.add(Group.objects.get(name=name))


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Pengadilan Negeri Uji"
    intro = "Selamat datang."


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Berita"
    slug = "berita"


class AnnouncementIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = AnnouncementIndexPage

    title = "Pengumuman"
    slug = "pengumuman"


class NewsCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsCategory
        django_get_or_create = ("slug",)

    name = "Kegiatan"
    slug = "kegiatan"


class NewsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"Berita uji {n}")
    date = factory.LazyFunction(lambda: datetime.date(2026, 11, 2))
    lead = "Teras berita uji."
    body = wagtail_factories.StreamFieldFactory({})
    category = factory.SubFactory(NewsCategoryFactory)
    social_caption = "Berita terbaru dari pengadilan."


class AnnouncementPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = AnnouncementPage

    title = factory.Sequence(lambda n: f"Pengumuman uji {n}")
    date = factory.LazyFunction(lambda: datetime.date(2026, 11, 2))
    body = wagtail_factories.StreamFieldFactory({})
    social_caption = "Pengumuman dari pengadilan."


def submitted_monev_report(site, kasubag, overview="Situs dan kanal media sosial berjalan baik."):
    """October 2026's monev report of `site`, submitted by the Kasubag PTIP: it waits for the Sekretaris."""
    import datetime

    from wagtail.models import Workflow

    from monev import archive_setup
    from monev.models import MonevReport

    report = MonevReport(site=site, period_kind="bulan", period_start=datetime.date(2026, 10, 1), live=False,
                         overview=overview)
    report.full_clean(exclude=["title"])
    report.save()
    report.save_revision(user=kasubag)
    Workflow.objects.get(name=archive_setup.WORKFLOW_NAME).start(report, kasubag)
    return report
