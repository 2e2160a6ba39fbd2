from django.db import models
from django.utils.translation import gettext_lazy as _


class PageViewDaily(models.Model):
    """Views of one page on one day. One row per page per day, incremented on
    write, so reading a year costs the same however busy the site was. No
    cookies, no IP addresses, no user agents are stored."""

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+",
                             verbose_name=_("situs"))
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+",
                             verbose_name=_("halaman"))
    date = models.DateField(_("tanggal"))
    views = models.PositiveIntegerField(_("dilihat"), default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "date"], name="unique_pageview_day")]
        indexes = [models.Index(fields=["site", "date"])]
        verbose_name = _("kunjungan harian")
        verbose_name_plural = _("kunjungan harian")

    def __str__(self):
        return f"{self.page_id} {self.date}: {self.views}"


class AccessLogImport(models.Model):
    """How far a web server access log has been imported, so a re-run counts nothing twice.

    A log is recognised by the hash of its first line (it survives appends;
    a rotated file is a new log)."""

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    log_key = models.CharField(max_length=64)
    offset = models.PositiveBigIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["site", "log_key"], name="unique_access_log")]
