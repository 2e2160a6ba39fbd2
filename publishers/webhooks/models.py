"""Webhook endpoints and their deliveries (the same outbox rules as the social channels).

The signing secret is stored encrypted with the social token keys (core.crypto)
and is write-only: forms never render it back.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import crypto, outbound
from core.outbox import OutboxDelivery

EVENT_PUBLISHED = "page.published"
EVENT_UNPUBLISHED = "page.unpublished"
EVENT_CHOICES = [
    (EVENT_PUBLISHED, _("konten diterbitkan")),
    (EVENT_UNPUBLISHED, _("konten ditarik")),
]


class WebhookStatus(models.TextChoices):
    PENDING = "pending", _("menunggu")
    SENDING = "sending", _("sedang dikirim")
    SENT = "sent", _("terkirim")
    FAILED = "failed", _("gagal")


WEBHOOK_OPEN_STATUSES = [WebhookStatus.PENDING, WebhookStatus.SENDING]


class WebhookEndpoint(models.Model):
    # Each court (Wagtail Site) registers its own receivers and gets only its own pages' events.
    site = models.ForeignKey("wagtailcore.Site", verbose_name=_("situs pengadilan"), on_delete=models.CASCADE,
                             related_name="+")
    name = models.CharField(_("nama"), max_length=200)
    url = models.URLField(_("alamat URL"), max_length=500, help_text=_("Alamat http(s) yang menerima POST JSON."))
    # Fernet ciphertext of {"secret": ...}; read and written only through .secret
    secret_encrypted = models.TextField(editable=False, blank=True)
    on_published = models.BooleanField(_("saat konten diterbitkan"), default=True)
    on_unpublished = models.BooleanField(_("saat konten ditarik"), default=True)
    active = models.BooleanField(_("aktif"), default=True, help_text=_("Webhook nonaktif tidak menerima kiriman baru."))
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )

    class Meta:
        verbose_name = _("webhook")
        verbose_name_plural = _("webhook")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        # Only public addresses (core.outbound); checked again, after resolving the name, at every send.
        problem = outbound.url_problem(self.url) if self.url else None
        if problem:
            raise ValidationError({"url": problem})

    def __repr__(self):  # never include the secret
        return f"<WebhookEndpoint {self.pk} {self.url}>"

    @property
    def secret(self):
        return crypto.decrypt(self.secret_encrypted).get("secret", "") if self.secret_encrypted else ""

    @secret.setter
    def secret(self, value):
        self.secret_encrypted = crypto.encrypt({"secret": value or ""})

    def wants(self, event):
        return {EVENT_PUBLISHED: self.on_published, EVENT_UNPUBLISHED: self.on_unpublished}.get(event, False)

    def events_display(self):
        return ", ".join(str(label) for event, label in EVENT_CHOICES if self.wants(event)) or "-"

    events_display.short_description = _("peristiwa")


class WebhookDelivery(OutboxDelivery):
    """One event to one endpoint. The uuid travels as the signed webhook-id header: receivers de-duplicate on it.

    The outbox fields (status, attempts, next attempt and lease, claim token, error) come from core.outbox.
    """

    Status = WebhookStatus
    OPEN_STATUSES = WEBHOOK_OPEN_STATUSES

    delivery_id = models.UUIDField(_("ID kiriman"), default=uuid.uuid4, unique=True, editable=False)
    endpoint = models.ForeignKey(WebhookEndpoint, verbose_name=_("webhook"), on_delete=models.CASCADE,
                                 related_name="deliveries")
    event = models.CharField(_("peristiwa"), max_length=40, choices=EVENT_CHOICES)
    page = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    page_title = models.CharField(_("judul konten"), max_length=255)
    # The JSON body, fixed when the event happened: a retry sends the same body.
    payload = models.JSONField(default=dict, editable=False)

    status = models.CharField(_("status"), max_length=20, choices=WebhookStatus.choices,
                              default=WebhookStatus.PENDING)
    response_code = models.PositiveSmallIntegerField(_("kode jawaban"), null=True, blank=True)
    error_detail = models.TextField(_("jawaban penerima"), blank=True)

    class Meta:
        verbose_name = _("kiriman webhook")
        verbose_name_plural = _("kiriman webhook")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="webhook_delivery_due")]

    def __str__(self):
        return f"{self.get_event_display()}: {self.page_title} → {self.endpoint}"
