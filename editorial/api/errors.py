"""Validation errors of the v3 API: every one names its field by path, with a translated message.

Wagtail 8.0's handlers (wagtail.api.v3.errors) answer 422 but pass Pydantic's English messages through, turn
a plain Django ``ValidationError`` (a model's ``full_clean()`` when a page is published, say) into bare
messages without their fields, and let a malformed StreamField block (its JSON is typed ``list[Any]`` and
flattened unchecked into form data by ``wagtail.api.v3.form_data.flatten_block_value``) end in a 500. These
handlers replace Wagtail's for those exceptions and keep its problem+json shape
(``{"type", "title", "status", "detail", "errors": [{"type", "loc", "msg"}]}``).
"""

import json
import re
import traceback

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.forms import Field as FormField
from django.http.request import RawPostDataException
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja.errors import ValidationError as NinjaValidationError
from pydantic import ValidationError as PydanticValidationError
from wagtail.api.v3 import form_data
from wagtail.api.v3.errors import problem_response
from wagtail.api.v3.registry import registry
from wagtail.blocks import BaseStreamBlock, BaseStructBlock, ChooserBlock, ListBlock
from wagtail.utils.forms import FormValidationError

from cms.api_forms import PATH_SEPARATOR, validation_error_messages

# Pydantic's error types (https://docs.pydantic.dev/latest/errors/validation_errors/) in Indonesian;
# placeholders come from the error's ``ctx`` (and ``msg``, the original message). Types not listed keep
# Pydantic's message.
PYDANTIC_MESSAGES = {
    "missing": FormField.default_error_messages["required"],
    "string_type": gettext_lazy("Isi dengan teks."),
    "string_too_long": gettext_lazy("Paling banyak %(max_length)s karakter."),
    "string_too_short": gettext_lazy("Paling sedikit %(min_length)s karakter."),
    "int_type": gettext_lazy("Isi dengan bilangan bulat."),
    "int_parsing": gettext_lazy("Isi dengan bilangan bulat."),
    "int_from_float": gettext_lazy("Isi dengan bilangan bulat."),
    "float_type": gettext_lazy("Isi dengan angka."),
    "float_parsing": gettext_lazy("Isi dengan angka."),
    "bool_type": gettext_lazy("Isi dengan true atau false."),
    "bool_parsing": gettext_lazy("Isi dengan true atau false."),
    "date_type": gettext_lazy("Isi dengan tanggal berbentuk TTTT-BB-HH, misalnya 2026-12-31."),
    "date_parsing": gettext_lazy("Isi dengan tanggal berbentuk TTTT-BB-HH, misalnya 2026-12-31."),
    "date_from_datetime_parsing": gettext_lazy("Isi dengan tanggal berbentuk TTTT-BB-HH, misalnya 2026-12-31."),
    "date_from_datetime_inexact": gettext_lazy("Isi dengan tanggal berbentuk TTTT-BB-HH, misalnya 2026-12-31."),
    "datetime_type": gettext_lazy("Isi dengan tanggal dan jam ISO 8601, misalnya 2026-12-31T08:00:00+07:00."),
    "datetime_parsing": gettext_lazy("Isi dengan tanggal dan jam ISO 8601, misalnya 2026-12-31T08:00:00+07:00."),
    "datetime_from_date_parsing": gettext_lazy(
        "Isi dengan tanggal dan jam ISO 8601, misalnya 2026-12-31T08:00:00+07:00."),
    "list_type": gettext_lazy("Isi dengan daftar (array JSON)."),
    "too_long": gettext_lazy("Paling banyak %(max_length)s butir."),
    "too_short": gettext_lazy("Paling sedikit %(min_length)s butir."),
    "dict_type": gettext_lazy("Isi dengan objek JSON."),
    "model_type": gettext_lazy("Isi dengan objek JSON."),
    "model_attributes_type": gettext_lazy("Isi dengan objek JSON."),
    "literal_error": gettext_lazy("Pilih salah satu: %(expected)s."),
    "enum": gettext_lazy("Pilih salah satu: %(expected)s."),
    "union_tag_invalid": gettext_lazy("Jenis konten %(tag)s tidak dikenal; pilihan: %(expected_tags)s."),
    "union_tag_not_found": gettext_lazy("Sebutkan jenis konten di meta.type."),
    "greater_than": gettext_lazy("Isi dengan nilai lebih dari %(gt)s."),
    "greater_than_equal": gettext_lazy("Isi dengan nilai paling sedikit %(ge)s."),
    "less_than_equal": gettext_lazy("Isi dengan nilai paling banyak %(le)s."),
    "json_invalid": gettext_lazy("Isi permintaan bukan JSON yang sah."),
    "extra_forbidden": gettext_lazy("Isian ini tidak dikenal."),
    # Raised by Wagtail's rich text input conversion; its own (English) message says what was wrong.
    "rich_text_format_error": gettext_lazy(
        "Teks kaya tidak dapat dibaca; kirim HTML, atau {\"format\": \"db_html\" atau \"db_markdown\", "
        "\"content\": ...}. (%(msg)s)"),
}

# A form input name in the editor's scheme, e.g. "body-1-value-image-image" (cms/api_forms.py).
_INPUT_NAME = re.compile(r"[A-Za-z_]\w*(?:-\w+)+")


def register(api):
    for exc_class in (PydanticValidationError, NinjaValidationError, DjangoValidationError):
        api.add_exception_handler(exc_class, validation_error)
    # What flatten_block_value raises on a block of the wrong shape; anything else is handled as before.
    for exc_class in (LookupError, TypeError, AttributeError, ValueError):
        api.add_exception_handler(exc_class, malformed_block)


def validation_error(request, exc):
    errors = _block_input_errors(exc)
    request_part = False  # Ninja's locations start with the request part: ("body", parameter, page type, ...)
    if errors is not None:
        pass
    elif isinstance(exc, FormValidationError):
        keys = _input_keys(request)
        errors = [{"type": code, "loc": _input_path(_path(path), keys), "msg": str(message)}
                  for path, coded_messages in exc.loc_errors for message, code in coded_messages]
    elif isinstance(exc, DjangoValidationError):
        errors = [{"type": code, "loc": list(path), "msg": str(message)}
                  for path, message, code in validation_error_messages(exc)]
    else:
        request_part = isinstance(exc, NinjaValidationError)
        raw = exc.errors if request_part else exc.errors(include_url=False)
        errors = []
        for error in raw:
            loc = _path(error.get("loc", ()))
            if error.get("type") in ("union_tag_invalid", "union_tag_not_found"):
                loc = [*loc, "meta", "type"]  # the page type is chosen by meta.type
            errors.append({"type": error.get("type", "invalid"), "loc": loc, "msg": _pydantic_message(error)})
    return unprocessable(errors, request_part=request_part)


def malformed_block(request, exc):
    errors = _block_input_errors(exc)
    if errors is not None:
        return unprocessable(errors)
    # As Wagtail's own fallback for unexpected exceptions does.
    if not settings.DEBUG:
        raise exc
    return problem_response(status=500, detail=str(exc))


def unprocessable(errors, request_part=False):
    """422 problem+json; ``detail`` names the fields too, for clients that show only that."""
    fields = []
    for error in errors:
        label = _field_label(error["loc"], request_part)
        if label and label not in fields:
            fields.append(label)
    if fields:
        detail = _("Isian tidak valid: %(fields)s.") % {"fields": ", ".join(fields)}
    else:
        detail = _("Isian tidak valid.")
    return problem_response(status=422, detail=detail, errors=errors)


def _pydantic_message(error):
    kind, ctx = error.get("type"), error.get("ctx") or {}
    if kind in ("value_error", "assertion_error") and ctx.get("error"):
        return str(ctx["error"])
    template = PYDANTIC_MESSAGES.get(kind)
    if template is None:
        return str(error.get("msg", ""))
    try:
        return str(template) % {**ctx, "msg": error.get("msg", "")}
    except (KeyError, TypeError, ValueError):
        return str(error.get("msg", ""))


def _path(loc):
    path = []
    for part in loc:
        if isinstance(part, str) and _INPUT_NAME.fullmatch(part):
            path.extend(int(p) if p.isdigit() else p for p in part.split(PATH_SEPARATOR))
        else:
            path.append(part)
    return path


def _input_keys(request):
    try:
        payload = json.loads(request.body or b"{}")
    # A multipart upload (an image or document) has had its stream read into request.FILES: no JSON keys.
    except (ValueError, UnicodeDecodeError, RawPostDataException):
        return set()
    return set(payload) if isinstance(payload, dict) else set()


def _input_path(path, keys):
    """API v3 takes a foreign key as ``<field>_id`` (its input schema's alias) but the form reports the error
    under ``<field>``; name it as the request did."""
    if path and isinstance(path[0], str) and path[0] not in keys and f"{path[0]}_id" in keys:
        return [f"{path[0]}_id", *path[1:]]
    return path


def _field_label(loc, request_part):
    """The field part of a location, e.g. "lead" or "body.1.value.image"."""
    parts = list(loc)
    if request_part and parts:
        # ("body", parameter, [page type,] field, ...) or ("query" | "path", parameter)
        parts = parts[2:] if parts[0] == "body" else parts[1:]
        if parts and isinstance(parts[0], str) and registry.has(parts[0]):
            parts = parts[1:]
        if not parts:
            parts = list(loc)[1:]
    return ".".join(str(part) for part in parts)


def _block_input_errors(exc):
    """If ``exc`` was raised while Wagtail flattened a StreamField's JSON into form data, its error list.

    The innermost ``flatten_block_value`` frame says where: its ``prefix`` is the block's input name and,
    in a stream or list, ``i`` the item being read.
    """
    frames = [frame for frame, _line in traceback.walk_tb(exc.__traceback__)
              if frame.f_code is form_data.flatten_block_value.__code__]
    if not frames:
        return None
    local = frames[-1].f_locals
    block = local.get("block")
    path = _path([local.get("prefix", "")])
    label = str(getattr(block, "label", None) or getattr(block, "name", "") or "")
    if isinstance(block, (BaseStreamBlock, ListBlock)) and "i" in local:
        path.append(local["i"])
    item = local.get("item")
    if isinstance(block, BaseStreamBlock) and isinstance(item, dict) and "type" in item \
            and item["type"] not in block.child_blocks:
        message = _("Jenis blok %(type)s tidak dikenal; jenis yang diterima: %(types)s.") % {
            "type": item["type"], "types": ", ".join(block.child_blocks)}
        return [{"type": "unknown_block_type", "loc": [*path, "type"], "msg": message}]
    if isinstance(block, BaseStreamBlock):
        message = _('Setiap blok berbentuk {"type": ..., "value": ...}, seperti yang diberikan API baca.')
    elif isinstance(block, BaseStructBlock):
        message = _("Blok %(block)s berisi objek JSON dengan bagian: %(parts)s.") % {
            "block": label, "parts": ", ".join(block.child_blocks)}
    elif isinstance(block, ListBlock):
        message = _("Blok %(block)s berisi daftar (array JSON).") % {"block": label}
    elif isinstance(block, ChooserBlock):
        message = _("Blok %(block)s berisi id %(model)s (bilangan bulat).") % {
            "block": label, "model": block.model_class._meta.verbose_name}
    else:
        message = _("Nilai blok %(block)s tidak sesuai bentuknya.") % {"block": label}
    return [{"type": "invalid_block", "loc": path, "msg": message}]
