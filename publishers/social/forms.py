"""Admin forms for channels. Tokens are write-only: fields never render a stored value."""

import uuid

from django import forms
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.log_actions import log

from core import crypto, platform_rules
from publishers.social import schedule
from publishers.social.channels import DeliveryError
from publishers.social.channels.telegram import TelegramChannel
from publishers.social.models import SocialAccount

# Hook: fn(account) -> a short text (the channel's best posting hours from its engagement) or None.
BEST_TIME_HOOK = "social_best_time_hint"

PROVIDERS = [
    ("meta", _("Facebook dan Instagram (masuk dengan akun Facebook admin Halaman)")),
    ("x", _("X (masuk dengan akun X pengadilan)")),
    ("threads", _("Threads (masuk dengan akun Threads pengadilan)")),
    ("telegram", _("Telegram (token bot dari @BotFather)")),
]


class SiteChoiceMixin:
    """The court a channel is connected for.

    A user who manages one court never chooses: the form uses that court even when the page was opened
    without ``?site=`` (the field is left out of the page). A user who manages several picks one, visibly.
    """

    def limit_sites(self, sites):
        field = self.fields["site"]
        field.error_messages["invalid_choice"] = _("Pengadilan itu tidak termasuk yang kanalnya Anda kelola.")
        self.only_site = sites.first() if sites.count() == 1 else None
        # The widget first: setting the queryset hands its choices to the widget.
        field.widget = forms.HiddenInput() if self.only_site is not None else forms.RadioSelect()
        field.queryset = sites
        if self.only_site is not None:
            field.required = False
            field.initial = self.only_site
            self.initial["site"] = self.only_site.pk
        else:
            field.error_messages["required"] = _("Pilih pengadilan yang memiliki kanal ini.")
            chosen = str(self.initial.get("site") or "")
            if not (chosen.isdigit() and sites.filter(pk=int(chosen)).exists()):
                self.initial.pop("site", None)

    def clean_site(self):
        site = self.cleaned_data.get("site")
        return site or self.only_site


class ConnectForm(SiteChoiceMixin, forms.Form):
    site = forms.ModelChoiceField(label=_("Situs pengadilan"), queryset=None, empty_label=None)
    provider = forms.ChoiceField(
        label=_("Platform"), choices=PROVIDERS, widget=forms.RadioSelect,
        error_messages={"required": _("Pilih platform kanal yang akan disambungkan.")},
    )

    def __init__(self, *args, sites, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_sites(sites)


class TelegramConnectForm(SiteChoiceMixin, forms.Form):
    site = forms.ModelChoiceField(label=_("Situs pengadilan"), queryset=None, empty_label=None)
    channel = forms.CharField(
        label=_("Kanal"), max_length=100,
        help_text=_("Nama kanal seperti @infopnuji, atau ID kanal privat (diawali -100)."),
    )
    bot_token = forms.CharField(
        label=_("Token bot"), widget=forms.PasswordInput(render_value=False),
        help_text=_("Dari @BotFather. Bot harus menjadi admin kanal dengan izin memposting. Token tidak akan "
                    "ditampilkan lagi."),
    )
    name = forms.CharField(label=_("Nama kanal di Warta"), max_length=200, required=False,
                           help_text=_("Kosongkan untuk memakai judul kanal."))

    def __init__(self, *args, sites, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_sites(sites)
        self.checked = None

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        account = SocialAccount(platform=platform_rules.TELEGRAM, external_id=cleaned["channel"].strip(),
                                name=cleaned["channel"])
        account.credentials = {"bot_token": cleaned["bot_token"].strip()}
        self.checked = check_telegram(account, self)
        return cleaned


def check_telegram(account, form, field="bot_token"):
    """Ask Telegram about the bot and the channel; put what is wrong on the form. Returns (bot, chat) or None."""
    try:
        bot, chat, member = TelegramChannel(account).inspect()
    except DeliveryError as error:
        form.add_error(field, error.message)
        return None
    if member.get("status") != "administrator" or not member.get("can_post_messages", False):
        form.add_error(field, _("Bot @%(bot)s belum menjadi admin kanal ini dengan izin memposting. Tambahkan bot "
                                "sebagai admin di pengaturan kanal, lalu coba lagi.") % {"bot": bot.get("username")})
        return None
    return bot, chat


class ReconnectTelegramForm(forms.Form):
    """Check a Telegram channel again with Telegram, with a new bot token or the stored one."""

    bot_token = forms.CharField(
        label=_("Token bot baru"), required=False, widget=forms.PasswordInput(render_value=False),
        help_text=_("Kosongkan untuk memeriksa lagi token yang tersimpan (misalnya setelah bot dijadikan admin "
                    "kanal lagi). Token tidak akan ditampilkan."),
    )

    def __init__(self, *args, account, **kwargs):
        super().__init__(*args, **kwargs)
        self.account = account

    def clean(self):
        cleaned = super().clean()
        token = (cleaned.get("bot_token") or "").strip()
        if not token:
            try:
                token = self.account.credentials.get("bot_token", "")
            except crypto.TokenDecryptionError:
                token = ""
            if not token:
                self.add_error("bot_token", _("Token yang tersimpan tidak dapat dipakai lagi. Isi token bot dari "
                                              "@BotFather."))
                return cleaned
        probe = SocialAccount(platform=self.account.platform, external_id=self.account.external_id,
                              name=self.account.name)
        probe.credentials = {"bot_token": token}
        self.checked = check_telegram(probe, self)
        self.token = token
        return cleaned

    def save(self, user):
        _bot, chat = self.checked
        account = self.account
        account.credentials = {"bot_token": self.token}
        account.handle = chat.get("username", "") or account.handle
        account.needs_reconnect = False
        account.last_error = ""
        account.paused_until = None
        account.last_checked_at = timezone.now()
        account.connected_by = user
        account.connected_at = timezone.now()
        account.save()
        log(instance=account, action="wagtail.edit", user=user, uuid=uuid.uuid4())
        return account


class MetaSelectForm(forms.Form):
    accounts = forms.MultipleChoiceField(label=_("Akun yang disambungkan"), widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.candidates = candidates
        labels = dict(platform_rules.RULES)
        self.fields["accounts"].choices = [
            (str(index), f"{labels[c['platform']].label}: {c['name']}" + (f" (@{c['handle']})" if c["handle"] else ""))
            for index, c in enumerate(candidates)
        ]
        self.fields["accounts"].initial = [str(index) for index in range(len(candidates))]

    def chosen(self):
        return [self.candidates[int(index)] for index in self.cleaned_data["accounts"]]


class SocialAccountForm(WagtailAdminModelForm):
    """Editing a channel: its name and whether it is active. A Telegram bot token can be replaced, never read."""

    new_bot_token = forms.CharField(
        label=_("Token bot baru"), required=False, widget=forms.PasswordInput(render_value=False),
        help_text=_("Isi hanya untuk mengganti token. Token yang tersimpan tidak pernah ditampilkan."),
    )

    class Meta:
        model = SocialAccount
        fields = ["name", "active", "slot_times", "slot_days", "min_gap_minutes", "daily_limit"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.platform != platform_rules.TELEGRAM:
            del self.fields["new_bot_token"]
        # A form without the posting-time fields (an older page, a script) keeps the channel's own.
        for name in ("slot_days", "min_gap_minutes"):
            self.fields[name].required = False
        # "Best time to post" from the channel's own engagement history, beside the slots (the apps that
        # collect the metrics answer the hook: monev).
        hints = [hint for fn in hooks.get_hooks(BEST_TIME_HOOK) if (hint := fn(self.instance))]
        if hints and "slot_times" in self.fields:
            self.fields["slot_times"].help_text = format_html(
                "{}<br><strong class=\"social-best-time\">{}</strong>", self.fields["slot_times"].help_text,
                " ".join(str(hint) for hint in hints))

    def clean_slot_days(self):
        return self.cleaned_data.get("slot_days") or self.instance.slot_days or SocialAccount.WORKING_DAYS

    def clean_min_gap_minutes(self):
        value = self.cleaned_data.get("min_gap_minutes")
        return self.instance.min_gap_minutes if value is None else value

    def clean_slot_times(self):
        text = self.cleaned_data.get("slot_times", "")
        try:
            slots = schedule.parse_slots(text)
        except ValueError as bad:
            raise forms.ValidationError(
                _("“%(value)s” bukan jam. Tulis jam:menit dipisah koma, misalnya 08:00, 19:00."),
                params={"value": str(bad)}) from None
        return ", ".join(slot.strftime("%H:%M") for slot in slots)

    def clean(self):
        cleaned = super().clean()
        token = (cleaned.get("new_bot_token") or "").strip()
        if token:
            probe = SocialAccount(platform=self.instance.platform, external_id=self.instance.external_id,
                                  name=self.instance.name)
            probe.credentials = {"bot_token": token}
            check_telegram(probe, self, field="new_bot_token")
        return cleaned

    def save(self, commit=True):
        account = super().save(commit=False)
        token = (self.cleaned_data.get("new_bot_token") or "").strip()
        if token:
            account.credentials = {"bot_token": token}
            account.needs_reconnect = False
            account.last_error = ""
        if commit:
            account.save()
        return account
