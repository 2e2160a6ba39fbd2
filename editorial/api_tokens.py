"""API tokens in the admin: each user lists, creates and revokes their own v3 API tokens.

Wagtail 8 ships the APIToken model and bearer auth but no admin screens for it. The plaintext is
only returned by APIToken.create_token, so it is rendered once in the creation response and never
stored; later loads show only the prefix.
"""

from django import forms
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.models import APIToken


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Nama token"), max_length=255,
        help_text=gettext_lazy("Untuk mengenali token ini, misalnya nama aplikasi yang memakainya."),
    )


def _tokens(user):
    return APIToken.objects.filter(user=user).order_by("-created", "-id")


def index(request):
    return TemplateResponse(request, "editorial/api_tokens/index.html", {
        "tokens": _tokens(request.user), "form": TokenForm(),
        "page_title": _("Token API"), "header_title": _("Token API"), "header_icon": "key",
    })


def create(request):
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token, plaintext = APIToken.create_token(user=request.user, name=form.cleaned_data["name"])
        # The plaintext goes into this response only; it cannot be recovered later.
        response = TemplateResponse(request, "editorial/api_tokens/created.html", {
            "token": token, "plaintext": plaintext, "page_title": _("Token API dibuat"),
            "header_title": _("Token API dibuat"), "header_icon": "key",
        })
        response["Cache-Control"] = "no-store"
        return response
    return TemplateResponse(request, "editorial/api_tokens/index.html", {
        "tokens": _tokens(request.user), "form": form, "page_title": _("Token API"), "header_title": _("Token API"),
        "header_icon": "key",
    })


@require_POST
def revoke(request, token_id):
    token = get_object_or_404(APIToken, pk=token_id, user=request.user)  # only one's own tokens
    if token.revoked_at is None:
        token.revoke()
        messages.success(request, _("Token '%(name)s' dicabut.") % {"name": token.name})
    return redirect("editorial_api_tokens")


def urls():
    return [
        path("token-api/", index, name="editorial_api_tokens"),
        path("token-api/buat/", create, name="editorial_api_tokens_create"),
        path("token-api/<int:token_id>/cabut/", revoke, name="editorial_api_tokens_revoke"),
    ]


def account_menu_item(request):
    return {"url": reverse("editorial_api_tokens"), "label": _("Token API"),
            "help_text": _("Buat dan cabut token untuk mengakses API alur redaksi atas nama Anda.")}
