"""The court's social media accounts and the delivery outbox (SOP C steps 3-4).

A SocialAccount is one connected account of one court (a Wagtail Site). A
SocialDelivery is one post of one item to one account: created when the
item is first published, then driven by the worker (publishers.social.outbox)
through menunggu → sedang dikirim → terkirim / gagal / perlu dicek.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core import crypto, platform_rules
from core.outbox import OutboxDelivery

PLATFORM_CHOICES = [
    (platform_rules.FACEBOOK, _("Facebook")),
    (platform_rules.INSTAGRAM, _("Instagram")),
    (platform_rules.X, _("X")),
    (platform_rules.TELEGRAM, _("Telegram")),
    (platform_rules.THREADS, _("Threads")),
]

EXPIRY_WARNING_DAYS = 7


class SocialAccountQuerySet(models.QuerySet):
    def for_site(self, site):
        return self.filter(site=site)

    def usable(self):
        return self.filter(active=True)


class SocialAccount(models.Model):
    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("situs pengadilan"), on_delete=models.CASCADE,
        related_name="social_accounts",
    )
    platform = models.CharField(_("platform"), max_length=20, choices=PLATFORM_CHOICES)
    name = models.CharField(_("nama kanal"), max_length=200)
    external_id = models.CharField(
        _("ID di platform"), max_length=100,
        help_text=_("ID halaman Facebook, akun Instagram, pengguna X atau kanal Telegram."),
    )
    handle = models.CharField(_("nama akun"), max_length=200, blank=True)
    # The profile picture the platform reported when connecting (Facebook Page, Instagram), for the editor's
    # preview; platforms that give none (Telegram bots cannot link one) show the name's initial instead.
    avatar_url = models.URLField(_("foto profil"), max_length=1000, blank=True, editable=False)
    # Fernet ciphertext of a JSON dict; read and written only through .credentials
    credentials_encrypted = models.TextField(editable=False, blank=True)
    token_expires_at = models.DateTimeField(_("token berlaku sampai"), null=True, blank=True)
    active = models.BooleanField(
        _("aktif"), default=True, help_text=_("Kanal nonaktif tidak menerima kiriman baru."),
    )
    needs_reconnect = models.BooleanField(_("perlu disambungkan ulang"), default=False)
    last_error = models.TextField(_("masalah terakhir"), blank=True)
    last_checked_at = models.DateTimeField(_("terakhir diperiksa"), null=True, blank=True)
    expiry_warned_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Set from rate-limit headers (X x-rate-limit-reset, Meta usage headers): no calls before this.
    paused_until = models.DateTimeField(null=True, blank=True, editable=False)
    connected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("disambungkan oleh"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    connected_at = models.DateTimeField(_("disambungkan pada"), default=timezone.now)

    # Posting times (publishers.social.schedule): the slots an item "in the next free slot" takes, the least
    # time between two posts of this channel, and how many posts a day it takes at most.
    WORKING_DAYS, EVERY_DAY = "kerja", "semua"
    slot_times = models.CharField(
        _("jam kiriman"), max_length=200, blank=True,
        help_text=_("Jam kirim untuk konten yang memilih slot berikutnya, dipisah koma, misalnya 08:00, 19:00. "
                    "Kosong: dikirim saat konten tayang."))
    slot_days = models.CharField(_("hari kiriman"), max_length=10, default=WORKING_DAYS,
                                 choices=[(WORKING_DAYS, _("Hari kerja (Senin–Jumat)")), (EVERY_DAY, _("Setiap hari"))])
    min_gap_minutes = models.PositiveIntegerField(
        _("jeda minimal (menit)"), default=0,
        help_text=_("Waktu paling sedikit antara dua kiriman di kanal ini. 0: tanpa jeda."))
    daily_limit = models.PositiveIntegerField(
        _("batas kiriman per hari"), null=True, blank=True,
        help_text=_("Kiriman melebihi batas ini menunggu hari berikutnya. Kosong: batas platform saja."))

    objects = SocialAccountQuerySet.as_manager()

    class Meta:
        verbose_name = _("kanal media sosial")
        verbose_name_plural = _("kanal media sosial")
        ordering = ["site", "platform", "name"]
        constraints = [
            models.UniqueConstraint(fields=["site", "platform", "external_id"], name="unique_social_account"),
        ]

    def __str__(self):
        return f"{self.get_platform_display()}: {self.name}"

    # Credentials are write-only from the user's point of view: nothing renders them.
    @property
    def credentials(self):
        return crypto.decrypt(self.credentials_encrypted)

    @credentials.setter
    def credentials(self, value):
        self.credentials_encrypted = crypto.encrypt(value or {})

    def __repr__(self):  # never include credentials
        return f"<SocialAccount {self.pk} {self.platform} {self.external_id}>"

    HEALTH_OK = "ok"
    HEALTH_EXPIRING = "expiring"
    HEALTH_RECONNECT = "reconnect"
    HEALTH_INACTIVE = "inactive"

    def health(self, now=None):
        now = now or timezone.now()
        if not self.active:
            return self.HEALTH_INACTIVE
        if self.needs_reconnect or (self.token_expires_at and self.token_expires_at <= now):
            return self.HEALTH_RECONNECT
        if self.token_expires_at and self.token_expires_at - now <= timedelta(days=EXPIRY_WARNING_DAYS):
            return self.HEALTH_EXPIRING
        return self.HEALTH_OK

    def health_label(self, now=None):
        now = now or timezone.now()
        health = self.health(now)
        if health == self.HEALTH_INACTIVE:
            return _("nonaktif")
        if health == self.HEALTH_RECONNECT:
            return _("perlu disambungkan ulang")
        if health == self.HEALTH_EXPIRING:
            days = max(0, (self.token_expires_at - now).days)
            return ngettext("tersambung, kedaluwarsa dalam %(days)d hari",
                            "tersambung, kedaluwarsa dalam %(days)d hari", days) % {"days": days}
        return _("tersambung")

    health_label.short_description = _("kondisi")


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("menunggu")
    SENDING = "sending", _("sedang dikirim")
    IN_FLIGHT = "in_flight", _("sedang dikirim")
    SENT = "sent", _("terkirim")
    FAILED = "failed", _("gagal")
    NEEDS_CHECK = "needs_check", _("perlu dicek")
    CANCELLED = "cancelled", _("dibatalkan")
    REMOVED = "removed", _("dihapus dari platform")


# Rows the worker still owns (retries, crash recovery).
OPEN_STATUSES = [DeliveryStatus.PENDING, DeliveryStatus.SENDING, DeliveryStatus.IN_FLIGHT]


class SocialDelivery(OutboxDelivery):
    """One post of one item to one account; see publishers.social.outbox for the state machine.

    The outbox fields (status, attempts, next attempt and lease, claim token, error) come from core.outbox.
    """

    Status = DeliveryStatus
    OPEN_STATUSES = OPEN_STATUSES

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("konten"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="social_deliveries",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    account = models.ForeignKey(
        SocialAccount, verbose_name=_("kanal"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="deliveries",
    )
    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("situs pengadilan"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    # Snapshots, so the report still reads right after a page or account is deleted.
    page_title = models.CharField(_("judul konten"), max_length=255)
    page_url = models.URLField(_("alamat konten"), max_length=500, blank=True)
    platform = models.CharField(_("platform"), max_length=20, choices=PLATFORM_CHOICES)
    account_name = models.CharField(_("nama kanal"), max_length=200)
    round = models.PositiveSmallIntegerField(_("putaran"), default=1)

    # What the Kasubag approved, fixed at publish time.
    text = models.TextField(_("teks"))
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    crop = models.CharField(max_length=20, blank=True)

    status = models.CharField(_("status"), max_length=20, choices=DeliveryStatus.choices,
                              default=DeliveryStatus.PENDING)
    # When the irreversible call was (about to be) made: the start of the window to search when confirming.
    in_flight_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Non-secret results of the harmless preparation (uploaded media ids, container id).
    prepared = models.JSONField(default=dict, blank=True, editable=False)

    # When it was planned to go out (its posting time, slot, gap or daily limit) and why it waits until then.
    planned_at = models.DateTimeField(_("dijadwalkan"), null=True, blank=True)
    wait_reason = models.CharField(_("alasan menunggu"), max_length=300, blank=True)

    platform_post_id = models.CharField(_("ID kiriman"), max_length=100, blank=True)
    permalink = models.URLField(_("tautan kiriman"), max_length=500, blank=True)
    error_detail = models.TextField(_("pesan platform"), blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("kiriman media sosial")
        verbose_name_plural = _("kiriman media sosial")
        ordering = ["-created_at", "platform"]
        constraints = [
            models.UniqueConstraint(fields=["page", "account", "round"], name="unique_delivery_per_round"),
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="delivery_due")]
        permissions = [
            ("retry_socialdelivery", _("Dapat mengulang atau membatalkan kiriman media sosial")),
        ]

    def __str__(self):
        return f"{self.page_title} → {self.get_platform_display()} ({self.get_status_display()})"


class DeliveryAttempt(models.Model):
    """What happened on each call of the worker for one delivery (shown in the item's status page)."""

    OUTCOMES = [
        ("sent", _("terkirim")),
        ("retry", _("akan dicoba lagi")),
        ("failed", _("gagal")),
        ("unsure", _("belum pasti")),
        ("confirmed", _("dipastikan terkirim")),
        ("not_posted", _("dipastikan belum terkirim")),
        ("needs_check", _("perlu dicek")),
        ("manual", _("tindakan pengguna")),
        ("removed", _("dihapus")),
    ]

    delivery = models.ForeignKey(SocialDelivery, on_delete=models.CASCADE, related_name="log")
    at = models.DateTimeField(_("waktu"), default=timezone.now)
    outcome = models.CharField(_("hasil"), max_length=20, choices=OUTCOMES)
    message = models.TextField(_("keterangan"), blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("riwayat kiriman")
        verbose_name_plural = _("riwayat kiriman")
