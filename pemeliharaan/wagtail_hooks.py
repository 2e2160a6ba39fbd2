from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet, SnippetChosenView
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from . import views
from .forms import AssetForm
from .models import Asset
from .panels import ExpiringAssetsPanel
from .permissions import AssetPermissionPolicy, asset_courts, visible_assets

register_permission_policy(Asset, AssetPermissionPolicy(Asset))


class ExpiryColumn(Column):
    """A warning when the warranty or licence ends within 30 days."""

    def get_value(self, instance):
        warnings = instance.expiry_warnings(timezone.localdate())
        if not warnings:
            return ""
        return format_html('<span class="w-status w-status--label pemeliharaan-expiring">{}</span>',
                           format_html_join("; ", "{} {} {}", ((label, _("berakhir"), day.strftime("%d/%m/%Y"))
                                                                for label, day in warnings)))


class AssetIndexView(IndexView):
    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        user = self.request.user
        if asset_courts(user, "add").exists():
            buttons.append(HeaderButton(_("Impor dari lembar kerja"), url=reverse("pemeliharaan_import"),
                                        icon_name="upload"))
        if asset_courts(user, "view").exists():
            buttons.append(HeaderButton(_("Label QR (PDF)"), url=reverse("pemeliharaan_labels"), icon_name="doc-full"))
        return buttons


class _CourtAssets:
    def get_object_list(self):
        return visible_assets(self.request.user)


class AssetChooseView(_CourtAssets, ChooseView):
    pass


class AssetChooseResultsView(_CourtAssets, ChooseResultsView):
    pass


class AssetChosenView(SnippetChosenView):
    def get_object(self, pk):
        return visible_assets(self.request.user).get(pk=pk)


class AssetChooserViewSet(SnippetChooserViewSet):
    choose_view_class = AssetChooseView
    choose_results_view_class = AssetChooseResultsView
    chosen_view_class = AssetChosenView


class AssetViewSet(SnippetViewSet):
    chooser_viewset_class = AssetChooserViewSet
    model = Asset
    icon = "desktop"
    menu_label = _("Aset TI")
    menu_name = "pemeliharaan_aset"
    add_to_admin_menu = True
    menu_order = 270
    url_prefix = "pemeliharaan/aset"
    url_namespace = "pemeliharaan_aset"
    index_view_class = AssetIndexView
    list_filter = ["kind"]
    search_fields = ["code", "name", "location"]
    list_display = ["code", "name", "kind", "court", "location", "holder", "warranty_until", "licence_until",
                    ExpiryColumn("expiry", label=_("Peringatan"))]
    edit_handler = ObjectList([FieldPanel("court"), FieldPanel("code"), FieldPanel("name"), FieldPanel("kind"),
                               FieldPanel("location"), FieldPanel("holder"), FieldPanel("purchase_date"),
                               FieldPanel("warranty_until"), FieldPanel("licence_until"), FieldPanel("notes")],
                              base_form_class=AssetForm)

    def get_queryset(self, request):
        return visible_assets(request.user).select_related("court", "holder")

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            if "pk" in str(pattern.pattern):
                pattern.callback = views.court_walled(pattern.callback)
        return patterns


register_snippet(AssetViewSet)


@hooks.register("register_admin_urls")
def urls():
    return [path("pemeliharaan/aset-impor/", views.ImportView.as_view(), name="pemeliharaan_import"),
            path("pemeliharaan/aset-label/", views.LabelsView.as_view(), name="pemeliharaan_labels")]


@hooks.register("construct_homepage_panels")
def expiring_panel(request, panels):
    panels.append(ExpiringAssetsPanel(request.user))
