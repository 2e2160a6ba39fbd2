from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishersConfig(AppConfig):
    """What the three publishing apps share: the outbox core and the migration history of their tables.

    Social media (publishers.social), webhooks (publishers.webhooks) and the static site
    (publishers.website) are apps of their own with their models, migrations, ready() and
    wagtail_hooks.py. Their tables were created by this app's migrations 0001-0004; 0005 hands
    them over (tables renamed, content types relabelled, so rows and granted permissions stay).
    """

    name = "publishers"
    verbose_name = _("Publikasi dan media sosial")
    default_auto_field = "django.db.models.BigAutoField"
