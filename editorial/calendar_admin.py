"""The "Hari libur" admin (Mutu Baku menu): national days read-only, each court keeps its own days.

National holidays and cuti bersama (rows without a site) come from editorial.holidays_seed and
are shown to every court but changed by nobody in the admin: the next seeding would undo it. A
Kasubag adds the court's own days off, or marks a national day as a working day for the court
(a court row with "tetap masuk kerja"; the national row's menu offers it prefilled). Wagtail's
generic views check the model permission only, so the views below also check the row.
"""

import django_filters
from django.contrib.admin.utils import unquote
from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button, HeaderButton
from wagtail.models import Site
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from core.courts import courts_for
from editorial.models import Holiday

ACTIONS = ("add", "change", "delete", "view")


def court_sites(user):
    """The courts whose calendar this user keeps: all for a superuser, else the sites whose root page they
    can publish (the court's Kasubag PTIP), provided they may change holidays at all."""
    if not (user and user.is_active and user.has_perm("editorial.change_holiday")):
        return Site.objects.none()
    return courts_for(user, actions=("publish",))


class HolidayPermissionPolicy(ModelPermissionPolicy):
    """Model permissions as usual, but a row can be changed only by its own court; national rows by nobody."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_any_permission(user, ACTIONS):
            return False
        if instance.site_id is None:
            return action == "view"
        if action == "view":
            return court_sites(user).filter(pk=instance.site_id).exists()
        return self.user_has_permission(user, action) and court_sites(user).filter(pk=instance.site_id).exists()

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        return Holiday.objects.filter(site__in=court_sites(user))


def visible_holidays(user):
    """National days and the days of the user's courts."""
    return Holiday.objects.filter(Q(site__isnull=True) | Q(site__in=court_sites(user))).select_related("site")


def holiday_years(request=None):
    years = {day.year for day in Holiday.objects.dates("date", "year")}
    years.add(timezone.localdate().year)
    return [(str(year), str(year)) for year in sorted(years, reverse=True)]


class HolidayFilterSet(WagtailFilterSet):
    # The list grows by some 25 national days a year; without a choice it starts at this year.
    year = django_filters.ChoiceFilter(label=gettext_lazy("Tahun"), choices=holiday_years, method="filter_year",
                                       empty_label=gettext_lazy("Tahun ini dan sesudahnya"))
    source = django_filters.ChoiceFilter(label=gettext_lazy("Sumber"), choices=Holiday.SOURCES,
                                         empty_label=gettext_lazy("Semua"))

    class Meta:
        model = Holiday
        fields = ["year", "source"]

    def filter_year(self, queryset, name, value):
        return queryset.filter(date__year=int(value))

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("year"):
            queryset = queryset.filter(date__year__gte=timezone.localdate().year)
        return queryset


class HolidayForm(WagtailAdminModelForm):
    """A court's own row: a day off, or a national day on which the court works after all."""

    class Meta:
        model = Holiday
        fields = ["date", "name", "site", "working_day"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        site_field = self.fields["site"]
        site_field.queryset = court_sites(self.for_user)
        site_field.required = True
        site_field.help_text = ""
        site_field.label = _("Pengadilan")
        if not self.instance.pk and site_field.queryset.count() == 1:
            site_field.initial = site_field.queryset.get().pk
            site_field.empty_label = None

    def clean(self):
        cleaned = super().clean()
        self.instance.source = Holiday.PENGADILAN
        day = cleaned.get("date")
        if cleaned.get("working_day") and day and not Holiday.objects.national().filter(date=day).exists():
            self.add_error("working_day", _("Tidak ada libur nasional atau cuti bersama pada tanggal ini, jadi "
                                            "hari ini sudah hari kerja."))
        return cleaned


class HolidayIndexView(generic.IndexView):
    def get_base_queryset(self):
        return visible_holidays(self.request.user)

    @cached_property
    def court_ids(self):
        # once per listing, not per row: the user's courts come from page permissions on each site's root
        return set(court_sites(self.request.user).values_list("pk", flat=True))

    def _may(self, action, instance):
        """The permission policy's answer for a row, without asking it again for every row of the page."""
        return instance.site_id in self.court_ids and self.user_has_permission(action)

    def get_edit_url(self, instance):
        return super().get_edit_url(instance) if self._may("change", instance) else None

    def get_delete_url(self, instance):
        return super().get_delete_url(instance) if self._may("delete", instance) else None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.site_id is None and self.user_has_permission("add"):
            query = urlencode({"date": instance.date.isoformat(), "working_day": "1"})
            buttons.append(Button(_("Pengadilan tetap masuk kerja"), url=f"{reverse(self.add_url_name)}?{query}",
                                  icon_name="calendar-check", priority=40))
        return buttons

    @property
    def header_buttons(self):
        buttons = super().header_buttons
        buttons.append(HeaderButton(_("Jam kerja"), url=reverse("wagtailsettings:edit",
                                                                args=["editorial", "workinghours"]),
                                    icon_name="time"))
        return buttons


class CourtRowMixin:
    """Edit and delete only a row of the user's own courts: a national row is refused, another court's is not found."""

    def dispatch(self, request, *args, **kwargs):
        # Refused here, not by raising PermissionDenied: Wagtail turns that into its "no permission" message
        # outside the user's admin language, so an English-speaking user would read it in Indonesian.
        if Holiday.objects.national().filter(pk=unquote(str(self.kwargs[self.pk_url_kwarg]))).exists():
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_object(self, queryset=None):
        instance = super().get_object(queryset)
        if instance.site_id is not None and not court_sites(self.request.user).filter(pk=instance.site_id).exists():
            raise Http404
        return instance


class HolidayCreateView(generic.CreateView):
    def get_initial(self):
        """?date=YYYY-MM-DD&working_day=1, from a national row's "Pengadilan tetap masuk kerja"."""
        initial = super().get_initial()
        try:
            day = parse_date(self.request.GET.get("date", ""))
        except ValueError:
            day = None
        if day is None:
            return initial
        initial["date"] = day
        national = Holiday.objects.national().filter(date=day).first()
        if self.request.GET.get("working_day") and national is not None:
            initial["working_day"] = True
            initial["name"] = _("Tetap masuk kerja: %(name)s") % {"name": national.name}
        return initial


class HolidayEditView(CourtRowMixin, generic.EditView):
    pass


class HolidayDeleteView(CourtRowMixin, generic.DeleteView):
    pass


class HolidayInspectView(generic.InspectView):
    """A row read-only; how a national row opens, with no edit or delete button."""

    def get_object(self, queryset=None):
        instance = super().get_object(queryset)
        if not visible_holidays(self.request.user).filter(pk=instance.pk).exists():
            raise Http404
        return instance

    def get_edit_url(self):
        return super().get_edit_url() if self.object.site_id is not None else None

    def get_delete_url(self):
        return super().get_delete_url() if self.object.site_id is not None else None

    def get_site_display_value(self):
        return self.object.site or _("Semua pengadilan")

    def get_working_day_display_value(self):
        return _("Ya") if self.object.working_day else _("Tidak")


class HolidayHistoryView(generic.HistoryView):
    def get_base_object_queryset(self):  # its get_queryset lists the log entries
        return visible_holidays(self.request.user)


class HolidayUsageView(generic.UsageView):
    def get_base_object_queryset(self):
        return visible_holidays(self.request.user)


class HolidayViewSet(ModelViewSet):
    model = Holiday
    icon = "date"
    menu_label = gettext_lazy("Hari libur")
    form_fields = ["date", "name", "site", "working_day"]
    list_display = [
        "day_label",
        "name",
        StatusTagColumn("label", label=gettext_lazy("Sumber"), primary=lambda row: row.site_id is not None),
        Column("site", label=gettext_lazy("Pengadilan"), accessor=lambda row: row.site or _("Semua pengadilan")),
    ]
    list_per_page = 100
    filterset_class = HolidayFilterSet
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["date", "name", "source", "site", "working_day"]
    index_view_class = HolidayIndexView
    add_view_class = HolidayCreateView
    edit_view_class = HolidayEditView
    delete_view_class = HolidayDeleteView
    inspect_view_class = HolidayInspectView
    history_view_class = HolidayHistoryView
    usage_view_class = HolidayUsageView

    def get_form_class(self, for_update=False):
        return HolidayForm


register_permission_policy(Holiday, HolidayPermissionPolicy(Holiday))
