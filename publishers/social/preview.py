"""The social draft preview in the page editor: the script that counts and previews each post as the editor
types (static/publishers/social/js/social-preview.js) and the context it asks the server for."""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Page

from cms.models.social import LINKLESS_KINDS, SOCIAL_KINDS
from core import platform_rules
from publishers.social.models import SocialAccount


@require_GET
def social_preview_context(request, page_id):
    """What the social draft preview needs that the editor form lacks: the link each post will carry and
    the court's connected, active channels (one preview card each; the form's ticks leave some out).

    page_id is the page being edited, or the parent of a page being created
    (?parent=1); the link of a new page is the parent's URL plus its slug.
    """
    page = get_object_or_404(Page, pk=page_id)
    perms = page.permissions_for_user(request.user)
    if request.GET.get("parent"):
        if not perms.can_add_subpage():
            return JsonResponse({"error": "forbidden"}, status=403)
        base = page.specific_deferred.full_url or ""
        current = ""
    else:
        if not perms.can_edit():
            return JsonResponse({"error": "forbidden"}, status=403)
        parent = page.get_parent()
        base = (parent.specific_deferred.full_url or "") if parent else ""
        current = page.specific_deferred.full_url or ""
    site = page.get_site()
    accounts = SocialAccount.objects.for_site(site).usable() if site else SocialAccount.objects.none()
    return JsonResponse({
        "base_url": base,
        "page_url": current,
        "channels": [
            {"id": account.pk, "platform": account.platform, "name": account.name, "handle": account.handle,
             "avatar": account.avatar_url, "initial": (account.name.strip()[:1] or "?").upper()}
            for account in accounts.order_by("platform", "name")
        ],
        "kinds": SOCIAL_KINDS,
        "linkless": sorted(LINKLESS_KINDS),
        "rules": {
            kind: {"label": str(rules.label), "limit": rules.caption_limit, "weighted": rules.weighted,
                   "emoji_bytes": rules.emoji_bytes, "max_hashtags": rules.max_hashtags}
            for kind, rules in platform_rules.RULES.items() if kind in SOCIAL_KINDS
        },
        "labels": {
            "heading": _("Pratinjau media sosial"),
            "disabled": _("Posting ke media sosial tidak dicentang: konten ini tidak akan dikirim."),
            "no_channels": _("Pengadilan ini belum menyambungkan kanal media sosial yang aktif: konten ini tidak "
                             "dikirim ke media sosial."),
            "all_left_out": _("Semua kanal dilewati untuk konten ini: konten ini tidak dikirim ke media sosial."),
            "link_pending": _("tautan dibuat saat terbit"),
            "too_long": _("melebihi batas karakter"),
            "too_many_hashtags": _("lebih dari %(limit)s tagar"),
            "no_image": _("Tanpa gambar"),
        },
    })


def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("publishers/social/css/social-preview.css"))


def editor_js():
    # twitter-text counts X posts as X does; deferred scripts run in order, so it is there for the preview.
    return format_html(
        '<script src="{}" defer></script><script src="{}" data-context-url="{}" defer></script>',
        static("publishers/social/js/vendor/twitter-text.js"),
        static("publishers/social/js/social-preview.js"),
        reverse("social_preview_context", args=[0]),
    )
