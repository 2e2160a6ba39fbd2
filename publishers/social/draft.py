"""The social channels' part in the social draft of news and announcements (cms.social_draft).

In the editor: the court's channels as ticks right after "posting ke media sosial" (each ticked unless the item
leaves it out) and the delivery status at the end of the tab. In the page's clean(): each platform's caption and
image rules, for the channels the item goes to.
"""

from django import forms
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.widgets import AdminDateTimeInput

from cms import social_draft
from core import platform_rules
from publishers.social import schedule
from publishers.social.media import court_accounts, edit_time_errors, excluded_ids, page_kinds
from publishers.social.panels import SocialStatusPanel

FIELD = "social_channels"
TIMING, POST_AT = "social_timing", "social_post_at"
CHANNEL_TIMING = "social_channel_timing"


class ChannelCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes that also say they were on the page: unticked boxes send nothing, so without the marker
    "every channel unticked" could not be told from a form that never showed them (an API write)."""

    def render(self, name, value, attrs=None, renderer=None):
        boxes = super().render(name, value, attrs, renderer)
        return format_html('{}<input type="hidden" name="{}-shown" value="1">', boxes, name)

    def value_omitted_from_data(self, data, files, name):
        return f"{name}-shown" not in data


class ChannelTimingWidget(forms.Widget):
    """One select per channel of the court ("as above", at go-live, next slot, the chosen time), with a marker
    that the choice was on the page (an API write that never showed it keeps the item's)."""

    channels = ()  # [(account id, label)], set per form

    def choices(self):
        return [("", _("Ikuti waktu kirim di atas")), (schedule.TAYANG, _("Saat konten tayang")),
                (schedule.SLOT, _("Slot kanal berikutnya")), (schedule.WAKTU, _("Waktu tertentu (Kirim pada)"))]

    def render(self, name, value, attrs=None, renderer=None):
        value = value or {}
        rows = []
        for pk, label in self.channels:
            chosen = value.get(pk, "") or ""
            options = format_html_join("", '<option value="{}"{}>{}</option>', (
                (key, " selected" if key == chosen else "", text) for key, text in self.choices()))
            rows.append((f"{name}-{pk}", _("Waktu kirim %(channel)s") % {"channel": label}, f"{name}-{pk}", options))
        return format_html('<div class="social-channel-timing">{}</div><input type="hidden" name="{}-shown" '
                           'value="1">', format_html_join("", '<p><label for="id_{}">{}</label> '
                                                              '<select id="id_{}" name="{}">{}</select></p>',
                                                          ((i, label, i, i, o) for i, label, _n, o in rows)), name)

    def id_for_label(self, id_):
        return ""  # each select carries its own label

    def value_from_datadict(self, data, files, name):
        if f"{name}-shown" not in data:
            return None
        return {pk: data.get(f"{name}-{pk}", "") for pk, _label in self.channels}

    def value_omitted_from_data(self, data, files, name):
        return f"{name}-shown" not in data


class ChannelTimingField(forms.Field):
    widget = ChannelTimingWidget

    def clean(self, value):
        value = super().clean(value)
        if value is None:
            return None
        if any(mode and mode not in schedule.MODES for mode in value.values()):
            raise forms.ValidationError(_("Pilihan waktu kirim kanal tidak dikenal."))
        return {pk: mode for pk, mode in value.items() if mode}


def timing_fields():
    return {
        TIMING: forms.ChoiceField(
            label=_("Waktu kirim"), required=False, widget=forms.RadioSelect, initial=schedule.TAYANG,
            choices=[(schedule.TAYANG, _("Saat konten tayang")),
                     (schedule.SLOT, _("Slot kanal berikutnya (jam kiriman yang diatur Kasubag PTIP)")),
                     (schedule.WAKTU, _("Waktu tertentu"))],
            help_text=_("Jeda minimal dan batas harian tiap kanal tetap berlaku; yang menunggu tampil dengan "
                        "alasannya di status kiriman.")),
        POST_AT: forms.DateTimeField(label=_("Kirim pada"), required=False, widget=AdminDateTimeInput,
                                     help_text=_("Hanya untuk pilihan Waktu tertentu.")),
        CHANNEL_TIMING: ChannelTimingField(
            label=_("Waktu kirim per kanal"), required=False,
            help_text=_("Bila satu kanal perlu cara lain, misalnya Instagram pada slotnya sementara kanal lain "
                        "saat tayang.")),
    }


def channels_field():
    return forms.TypedMultipleChoiceField(
        label=_("Kirim ke kanal"), required=False, coerce=int, widget=ChannelCheckboxes,
        help_text=_("Hapus centang kanal yang tidak perlu menerima konten ini. Pilihan ini disimpan bersama "
                    "konten, sehingga Redaktur dan Kasubag PTIP melihat dan dapat mengubahnya."),
    )


class SocialChannelsExtension(social_draft.SocialDraftExtension):
    def panels(self, slot):
        if slot == social_draft.AFTER_SWITCH:
            return [FieldPanel(FIELD), FieldPanel(TIMING), FieldPanel(POST_AT), FieldPanel(CHANNEL_TIMING)]
        if slot == social_draft.END:
            return [SocialStatusPanel()]
        return []

    def form_fields(self):
        return {FIELD: channels_field(), **timing_fields()}

    def init_form(self, form):
        if TIMING in form.fields:
            mode, at = schedule.item_choice(form.instance)
            form.fields[TIMING].initial = mode
            form.fields[POST_AT].initial = timezone.localtime(at) if at else None
        if FIELD not in form.fields:
            return
        form.channels = list(court_accounts(form.instance))
        if not form.channels:
            del form.fields[FIELD]  # nothing connected: the preview says so
            form.fields.pop(CHANNEL_TIMING, None)
            return
        if CHANNEL_TIMING in form.fields:
            widget = form.fields[CHANNEL_TIMING].widget
            widget.channels = [(account.pk, f"{account.get_platform_display()}: {account.name}")
                               for account in form.channels]
            form.fields[CHANNEL_TIMING].initial = schedule.channel_modes(form.instance)
        left_out = excluded_ids(form.instance)
        field = form.fields[FIELD]
        field.choices = [(account.pk, f"{account.get_platform_display()}: {account.name}")
                         for account in form.channels]
        field.initial = [account.pk for account in form.channels if account.pk not in left_out]

    def clean_form(self, form, cleaned_data):
        self.clean_timing(form, cleaned_data)
        name = form.add_prefix(FIELD)
        if FIELD in form.fields and f"{name}-shown" in form.data:
            ticked = set(cleaned_data.get(FIELD) or [])
            offered = {account.pk for account in form.channels}
            # A channel that is inactive now keeps the item's choice for when it is active again.
            kept = [pk for pk in sorted(excluded_ids(form.instance)) if pk not in offered]
            form.instance.social_excluded_channels = sorted(kept + [pk for pk in offered if pk not in ticked])

    def clean_timing(self, form, cleaned_data):
        """The item's posting-time choice, kept with the page (and so with every revision the reviewers see)."""
        if TIMING not in form.fields or form.add_prefix(TIMING) not in form.data:
            return  # a form that never showed the choice (an API write) keeps the item's
        mode = cleaned_data.get(TIMING) or schedule.TAYANG
        at = cleaned_data.get(POST_AT)
        channels = {pk: own for pk, own in schedule.channel_modes(form.instance).items()
                    if pk not in {account.pk for account in getattr(form, "channels", [])}}  # inactive ones keep theirs
        if CHANNEL_TIMING in form.fields and form.add_prefix(CHANNEL_TIMING) + "-shown" in form.data:
            channels.update(cleaned_data.get(CHANNEL_TIMING) or {})
        else:
            channels = schedule.channel_modes(form.instance)
        if mode == schedule.WAKTU or schedule.WAKTU in channels.values():
            if at is None:
                form.add_error(POST_AT, _("Isi waktu kirim, atau pilih cara kirim yang lain."))
                return
            if at <= timezone.now() and at != schedule.item_choice(form.instance)[1]:
                form.add_error(POST_AT, _("Waktu kirim harus di masa depan."))
                return
        value = {"mode": mode}
        if at is not None and (mode == schedule.WAKTU or schedule.WAKTU in channels.values()):
            value["at"] = at.isoformat()
        if channels:
            value["channels"] = {str(pk): own for pk, own in sorted(channels.items())}
        form.instance.social_schedule = value

    def errors(self, page):
        errors = {}
        # Only the platforms this item goes to: the court's active channels it does not leave out.
        for kind in page_kinds(page):
            problems = platform_rules.caption_errors(kind, page.social_text(kind))
            if problems:
                override = f"social_caption_{kind}"
                field = override if getattr(page, override, "") else "social_caption"
                errors.setdefault(field, []).extend(problems)
        # image size, format and aspect for the platforms this court has connected
        for field, problems in edit_time_errors(page).items():
            errors.setdefault(field, []).extend(problems)
        return errors
