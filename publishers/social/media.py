"""The image each platform receives: a Wagtail rendition cut around the focal point.

The same function serves the edit-time check and the delivery, so what the
editor is told is exactly what is sent. Instagram and Facebook fetch the image
themselves, so it must be reachable at an absolute public URL
(settings.WARTA_BASE_URL + the rendition's URL).
"""

from django.conf import settings
from django.utils.translation import gettext as _

from core import platform_rules

# Sizes the platforms recommend for each crop the editor can choose.
CROP_SIZES = {
    "portrait": "fill-1080x1350",  # 4:5
    "square": "fill-1080x1080",
    "landscape": "fill-1200x628",  # 1.91:1
}
JPEG = "format-jpeg|jpegquality-85"
SMALLER_JPEG = "format-jpeg|jpegquality-70"
# Platforms that cannot post without an image.
IMAGE_REQUIRED = {platform_rules.INSTAGRAM}


def filter_spec(crop, quality=JPEG):
    return f"{CROP_SIZES.get(crop, CROP_SIZES['square'])}|{quality}"


def rendition_for(image, crop, kind):
    """The rendition to send to one platform; falls back to a lower JPEG quality if it is too large."""
    rendition = image.get_rendition(filter_spec(crop))
    if rendition.file.size > platform_rules.RULES[kind].max_image_bytes:
        rendition = image.get_rendition(filter_spec(crop, SMALLER_JPEG))
    return rendition


def public_url(rendition):
    url = rendition.url
    if url.startswith("/"):
        url = settings.WARTA_BASE_URL.rstrip("/") + url
    return url


def rendition_errors(rendition, kind):
    return platform_rules.image_errors(kind, rendition.width, rendition.height, rendition.file.size)


def image_errors_for_page(page, kinds):
    """Problems with the page's social image for the given platforms, as {form field: [messages]}.

    Called at edit time (the page's clean) so nothing is refused after approval.
    """
    if not getattr(page, "social_enabled", False):
        return {}
    image = page.social_image_or_hero()
    field = "social_image"
    errors = []
    if image is None:
        for kind in kinds:
            if kind in IMAGE_REQUIRED:
                errors.append(
                    _("%(platform)s hanya menerima kiriman bergambar: pilih gambar untuk media sosial "
                      "atau gambar utama.") % {"platform": platform_rules.RULES[kind].label}
                )
        return {field: errors} if errors else {}
    for kind in kinds:
        try:
            rendition = rendition_for(image, page.social_crop, kind)
        except Exception:  # Willow raises many kinds of errors for broken files
            errors.append(_("Gambar tidak dapat diolah; unggah ulang gambar dalam format JPEG atau PNG."))
            break
        errors.extend(rendition_errors(rendition, kind))
    return {field: errors} if errors else {}


def court_site_of(page):
    """The court (Site) a page belongs to, also before its first save, so only that court's accounts count."""
    from wagtail.models import Site

    if page.pk and page.url_path:
        return page.get_site()
    parent = getattr(page, "_parent_page_for_clean", None)  # set by the admin form (cms.models.social)
    if parent is not None:
        return parent.get_site()
    if page.path:  # placed in the tree by add_child, not saved yet
        for site in Site.objects.select_related("root_page"):
            if page.path.startswith(site.root_page.path):
                return site
    return None


def court_accounts(page):
    """The usable (active) channels of the page's court, which its post goes to unless the item leaves one out."""
    from publishers.social.models import SocialAccount

    site = court_site_of(page)
    accounts = SocialAccount.objects.usable()
    if site is not None:
        accounts = accounts.for_site(site)
    return accounts


def excluded_ids(page):
    """The channels this item leaves out (a per-item choice saved in the page's revisions)."""
    ids = getattr(page, "social_excluded_channels", None) or []
    return {int(pk) for pk in ids if str(pk).isdigit()}


def page_accounts(page):
    """The channels this item will be posted to: the court's usable channels minus those it leaves out."""
    return court_accounts(page).exclude(pk__in=excluded_ids(page))


def page_kinds(page):
    return sorted(set(page_accounts(page).values_list("platform", flat=True)))


def edit_time_errors(page):
    """What the page's clean() should refuse for the social image, for the channels the item goes to."""
    return image_errors_for_page(page, page_kinds(page))
