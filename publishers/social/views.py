"""Admin views: connecting channels, each item's delivery status (SOP C step 4) and what people can do there."""

import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log
from wagtail.models import Page

from core import platform_rules
from publishers.social import media, oauth, outbox, permissions
from publishers.social.channels import CHANNELS, channel_url
from publishers.social.forms import ConnectForm, MetaSelectForm, ReconnectTelegramForm, TelegramConnectForm
from publishers.social.models import OPEN_STATUSES, DeliveryStatus, SocialAccount, SocialDelivery

S = DeliveryStatus
INDEX = "social_accounts:index"


class ChannelManagerMixin:
    def dispatch(self, request, *args, **kwargs):
        if not permissions.can_manage_channels(request.user):
            raise PermissionDenied
        self.sites = permissions.managed_sites(request.user)
        return super().dispatch(request, *args, **kwargs)

    def managed_site(self, pk):
        site = self.sites.filter(pk=pk).first()
        if site is None:
            raise PermissionDenied
        return site


class ChannelFormMixin(ChannelManagerMixin, WagtailAdminTemplateMixin):
    """The connect forms: the courts the user manages to choose from, under "Kanal media sosial"."""

    header_icon = "site"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["sites"] = self.sites
        return kwargs

    def get_breadcrumbs_items(self):
        return [{"url": reverse(INDEX), "label": _("Kanal media sosial")}, {"url": "", "label": self.page_title}]


class ConnectView(ChannelFormMixin, FormView):
    """Step one of connecting a channel: which court and which platform."""

    page_title = gettext_lazy("Sambungkan kanal media sosial")
    template_name = "publishers/social/connect.html"
    form_class = ConnectForm

    def get_initial(self):
        return {name: self.request.GET[name] for name in ("site", "provider") if self.request.GET.get(name)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(meta_ready=oauth.meta_configured(), x_ready=oauth.x_configured(),
                       threads_ready=oauth.threads_configured())
        return context

    def form_valid(self, form):
        site, provider = form.cleaned_data["site"], form.cleaned_data["provider"]
        if provider == "telegram":
            return redirect(reverse("social_accounts:connect_telegram") + f"?site={site.pk}")
        try:
            if provider == "threads":
                return redirect(threads_start(self.request, site))
            if provider == "meta":
                if not oauth.meta_configured():
                    raise oauth.OAuthProblem(_("Aplikasi Meta belum diatur: isi WARTA_META_APP_ID dan "
                                               "WARTA_META_APP_SECRET di server."))
                return redirect(oauth.meta_start(self.request, site))
            if not oauth.x_configured():
                raise oauth.OAuthProblem(_("Aplikasi X belum diatur: isi WARTA_X_CONSUMER_KEY dan "
                                           "WARTA_X_CONSUMER_SECRET di server."))
            return redirect(oauth.x_start(self.request, site))
        except oauth.OAuthProblem as problem:
            form.add_error(None, str(problem))
            return self.form_invalid(form)


def threads_start(request, site):
    if not oauth.threads_configured():
        raise oauth.OAuthProblem(_("Aplikasi Threads belum diatur: isi WARTA_THREADS_APP_ID dan "
                                   "WARTA_THREADS_APP_SECRET di server."))
    return oauth.threads_start(request, site)


class TelegramConnectView(ChannelFormMixin, FormView):
    page_title = gettext_lazy("Sambungkan kanal Telegram")
    template_name = "publishers/social/telegram_connect.html"
    form_class = TelegramConnectForm

    def get_initial(self):
        return {"site": self.request.GET["site"]} if self.request.GET.get("site") else {}

    def form_valid(self, form):
        bot, chat = form.checked
        account = oauth.save_account(
            form.cleaned_data["site"], self.request.user, platform="telegram", external_id=str(chat["id"]),
            name=form.cleaned_data["name"] or chat.get("title") or form.cleaned_data["channel"],
            handle=chat.get("username", ""), credentials={"bot_token": form.cleaned_data["bot_token"].strip()},
        )
        messages.success(self.request, _("Kanal %(name)s tersambung.") % {"name": account.name})
        return redirect(INDEX)


class CallbackView(ChannelManagerMixin, View):
    """Where Facebook and X send the person back after they approve Warta."""

    def get(self, request, provider):
        try:
            if provider == "meta":
                oauth.meta_finish(request)
                return redirect("social_accounts:connect_meta_select")
            if provider in ("x", "threads"):
                account = oauth.x_finish(request) if provider == "x" else oauth.threads_finish(request)
                messages.success(request, _("Kanal %(name)s tersambung.") % {"name": account.name})
                return redirect(INDEX)
        except oauth.OAuthProblem as problem:
            messages.error(request, str(problem))
            return redirect("social_accounts:add")
        raise Http404


class MetaSelectView(ChannelManagerMixin, WagtailAdminTemplateMixin, FormView):
    page_title = gettext_lazy("Pilih Halaman Facebook dan akun Instagram")
    header_icon = "site"
    template_name = "publishers/social/meta_select.html"
    form_class = MetaSelectForm

    def dispatch(self, request, *args, **kwargs):
        try:
            self.site_id, self.candidates = oauth.meta_candidates(request)
        except oauth.OAuthProblem as problem:
            messages.error(request, str(problem))
            return redirect("social_accounts:add")
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["candidates"] = self.candidates
        return kwargs

    def form_valid(self, form):
        site = self.managed_site(self.site_id)
        accounts = oauth.meta_save(self.request, site, form.chosen())
        messages.success(self.request, _("Tersambung: %(names)s.") % {"names": ", ".join(a.name for a in accounts)})
        return redirect(INDEX)


# Managing a connected channel -------------------------------------------------------------------

class ChannelActionMixin(ChannelManagerMixin, WagtailAdminTemplateMixin):
    """A confirmation page for one channel of a court the user manages; the change happens on POST."""

    header_icon = "site"

    def dispatch(self, request, *args, **kwargs):
        if not permissions.can_manage_channels(request.user):
            raise PermissionDenied
        self.account = get_object_or_404(
            SocialAccount.objects.filter(site__in=permissions.managed_sites(request.user)), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.account.name

    def get_breadcrumbs_items(self):
        return [{"url": reverse(INDEX), "label": _("Kanal media sosial")},
                {"url": reverse("social_accounts:edit", args=[self.account.pk]), "label": self.account.name},
                {"url": "", "label": self.get_page_title()}]

    def back(self):
        next_url = get_valid_next_url_from_request(self.request)
        return redirect(next_url or INDEX)


class ActivationView(ChannelActionMixin, TemplateView):
    """Deactivate a channel (no new posts go there, open ones are cancelled) or activate it again."""

    template_name = "publishers/social/activation.html"
    activate = False

    def get_page_title(self):
        return _("Aktifkan kanal") if self.activate else _("Nonaktifkan kanal")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(account=self.account, activate=self.activate,
                       open_count=self.account.deliveries.filter(status__in=OPEN_STATUSES).count())
        return context

    def post(self, request, pk):
        account = self.account
        if account.active != self.activate:
            account.active = self.activate
            account.save(update_fields=["active"])
            log(instance=account, action="wagtail.edit", user=request.user, uuid=uuid.uuid4())
        if self.activate:
            messages.success(request, _("Kanal %(name)s aktif lagi: konten yang terbit berikutnya juga dikirim ke "
                                        "kanal ini.") % {"name": account.name})
        else:
            messages.success(request, _("Kanal %(name)s dinonaktifkan: konten yang terbit berikutnya tidak dikirim "
                                        "ke kanal ini.") % {"name": account.name})
        return self.back()


class ReconnectView(ChannelActionMixin, FormView):
    """Connect a channel again: Telegram checks the bot (a new token, or the stored one) with Telegram;
    Facebook, Instagram and X go through the platform's login again, which renews the stored token."""

    template_name = "publishers/social/reconnect.html"
    form_class = ReconnectTelegramForm

    def get_page_title(self):
        return _("Sambungkan ulang kanal")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["account"] = self.account
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        provider = self.provider()
        context.update(account=self.account, provider=provider,
                       provider_label=self.account.get_platform_display(),
                       provider_ready={"meta": oauth.meta_configured, "threads": oauth.threads_configured}.get(
                           provider, oauth.x_configured)())
        return context

    def provider(self):
        return {platform_rules.TELEGRAM: "telegram", platform_rules.X: "x",
                platform_rules.THREADS: "threads"}.get(self.account.platform, "meta")

    def post(self, request, pk):
        provider = self.provider()
        if provider == "telegram":
            return super().post(request, pk)
        try:
            if provider == "threads":
                return redirect(threads_start(request, self.account.site))
            if provider == "meta":
                if not oauth.meta_configured():
                    raise oauth.OAuthProblem(_("Aplikasi Meta belum diatur: isi WARTA_META_APP_ID dan "
                                               "WARTA_META_APP_SECRET di server."))
                return redirect(oauth.meta_start(request, self.account.site))
            if not oauth.x_configured():
                raise oauth.OAuthProblem(_("Aplikasi X belum diatur: isi WARTA_X_CONSUMER_KEY dan "
                                           "WARTA_X_CONSUMER_SECRET di server."))
            return redirect(oauth.x_start(request, self.account.site))
        except oauth.OAuthProblem as problem:
            messages.error(request, str(problem))
            return redirect("social_accounts:reconnect", self.account.pk)

    def form_valid(self, form):
        account = form.save(self.request.user)
        messages.success(self.request, _("Kanal %(name)s tersambung ulang: Warta sudah memeriksa bot dan izinnya "
                                         "di Telegram.") % {"name": account.name})
        if not account.active:
            messages.warning(self.request, _("Kanal ini masih nonaktif. Aktifkan agar menerima kiriman baru."))
        return self.back()


# Status of one item's deliveries ------------------------------------------------------------------

def _page_for(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not permissions.can_view_page_status(request.user, page):
        raise PermissionDenied
    return page


class PageStatusView(WagtailAdminTemplateMixin, TemplateView):
    """Every channel's state for one item: menunggu, terkirim (link), gagal (why), perlu dicek."""

    header_icon = "site"
    template_name = "publishers/social/page_status.html"

    def dispatch(self, request, page_id):
        self.page = _page_for(request, page_id)
        return super().dispatch(request, page_id)

    def get_page_title(self):
        return _("Status media sosial")

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [{"url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
                 "label": self.page.get_admin_display_title()},
                {"url": "", "label": _("Status media sosial")}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        deliveries = list(
            SocialDelivery.objects.filter(page=self.page).select_related("account").prefetch_related("log__user")
            .order_by("-round", "platform", "account_name")
        )
        for delivery in deliveries:
            delivery.actions = [
                {"url": reverse("social_status:action", args=[delivery.pk, name]), "label": label,
                 "secondary": name in ("cancel", "remove"), "link_input": "permalink" if name == "mark_sent" else ""}
                for name, label in available_actions(delivery, user, self.page)
            ]
            if delivery.status == S.NEEDS_CHECK and delivery.account is not None:
                delivery.channel_url = channel_url(delivery.account)
            if delivery.status == S.FAILED and permissions.can_manage_channels(user):
                delivery.fix_url = reverse("social_status:fix", args=[delivery.pk])
        context.update(
            item=self.page, deliveries=deliveries, can_repost=permissions.can_manage_channels(user) and self.page.live,
            social_enabled=getattr(self.page, "social_enabled", False),
        )
        return context


ACTIONS = {
    "retry": gettext_lazy("Coba lagi"),
    "resend": gettext_lazy("Belum ada, kirim lagi"),
    "mark_sent": gettext_lazy("Sudah terkirim"),
    "cancel": gettext_lazy("Batalkan"),
    "remove": gettext_lazy("Hapus dari platform"),
    "mark_removed": gettext_lazy("Tandai sudah dihapus"),
}


def available_actions(delivery, user, page):
    actions = []
    if permissions.can_retry(user):
        if delivery.status in (S.FAILED, S.CANCELLED):
            actions.append("retry")
        if delivery.status == S.NEEDS_CHECK:
            actions += ["mark_sent", "resend"]
        if delivery.status in (S.PENDING, S.FAILED, S.NEEDS_CHECK):
            actions.append("cancel")
    if permissions.can_manage_channels(user) and delivery.status == S.SENT and not page.live:
        can_remove = delivery.account is not None and getattr(CHANNELS.get(delivery.platform), "can_remove", False)
        actions.append("remove" if can_remove else "mark_removed")
    return [(name, ACTIONS[name]) for name in actions]


class DeliveryActionView(View):
    def post(self, request, delivery_id, action):
        delivery = get_object_or_404(SocialDelivery.objects.select_related("account"), pk=delivery_id)
        page = _page_for(request, delivery.page_id)
        if action not in dict(available_actions(delivery, request.user, page)):
            raise PermissionDenied
        user = request.user
        try:
            if action in ("retry", "resend"):
                outbox.retry(delivery, user)
                messages.success(request, _("%(channel)s akan dikirim lagi.") % {"channel": delivery.account_name})
            elif action == "cancel":
                outbox.cancel(delivery, user)
                messages.success(request, _("Kiriman ke %(channel)s dibatalkan.") % {"channel": delivery.account_name})
            elif action == "mark_sent":
                outbox.mark_sent(delivery, user, permalink=request.POST.get("permalink", "").strip())
                messages.success(request, _("Kiriman ke %(channel)s ditandai terkirim.")
                                 % {"channel": delivery.account_name})
            elif action == "remove":
                outbox.remove(delivery, user)
                messages.success(request, _("Kiriman dihapus dari %(channel)s.") % {"channel": delivery.account_name})
            elif action == "mark_removed":
                outbox.mark_removed(delivery, user)
                messages.success(request, _("Kiriman ditandai sudah dihapus."))
        except outbox.ActionNotAllowed as problem:
            messages.error(request, str(problem))
        return redirect("social_status:page", page.pk)


class RepostView(WagtailAdminTemplateMixin, TemplateView):
    """The Kasubag asks for the current version to be posted again (or to channels connected later)."""

    header_icon = "site"
    template_name = "publishers/social/repost.html"

    def dispatch(self, request, page_id):
        self.page = _page_for(request, page_id)
        site = self.page.get_site()
        if site is None or not permissions.managed_sites(request.user).filter(pk=site.pk).exists():
            raise PermissionDenied
        self.accounts = SocialAccount.objects.for_site(site).usable() if site else SocialAccount.objects.none()
        return super().dispatch(request, page_id)

    def get_page_title(self):
        return _("Kirim lagi ke media sosial")

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [{"url": reverse("social_status:page", args=[self.page.pk]), "label": _("Status media sosial")},
                {"url": "", "label": _("Kirim lagi")}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        posted = set(SocialDelivery.objects.filter(page=self.page, status=S.SENT).values_list("account_id", flat=True))
        left_out = media.excluded_ids(self.page)
        context.update(item=self.page, accounts=[(a, a.pk not in posted and a.pk not in left_out, a.pk in left_out)
                                                 for a in self.accounts])
        return context

    def post(self, request, page_id):
        if not self.page.live:
            messages.error(request, _("Konten ini tidak tayang; terbitkan dulu sebelum dikirim ke media sosial."))
            return redirect("social_status:page", self.page.pk)
        chosen = self.accounts.filter(pk__in=request.POST.getlist("accounts"))
        if not chosen:
            messages.error(request, _("Pilih paling sedikit satu kanal."))
            return redirect("social_status:repost", self.page.pk)
        with transaction.atomic():
            created = outbox.create_round(self.page, self.page.live_revision, chosen, user=request.user)
        messages.success(request, _("%(count)d kiriman baru dijadwalkan.") % {"count": len(created)})
        return redirect("social_status:page", self.page.pk)

