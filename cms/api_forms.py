"""The form API v3 binds a page's input to: the editor's own form, reporting StreamField errors block by block.

Wagtail's v3 API validates a create or update with the page's admin form (``api_base_form_class``, else the
edit handler's form) and reports each form error under its field. A StreamField's error is one
``StreamBlockValidationError`` whose message is only "Validation error in StreamBlock"; the per-block errors
inside it would be lost. So the API form files them under the block's path instead, written the way the
editor names its inputs (``body-1-value-image-image`` = ``body[1].value.image.image`` in the JSON), and the
v3 error handler (editorial/api/errors.py) turns that name back into a path.
"""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

PATH_SEPARATOR = "-"


def block_error_messages(error, path):
    """Flatten a (possibly nested) block validation error into ``[(path, message, code)]``.

    ``path`` is a tuple such as ``("body",)``; a stream child adds its index and ``"value"`` (the key its
    content has in the API's block JSON), a struct child its name, a list child its index.
    """
    from wagtail.blocks.list_block import ListBlockValidationError
    from wagtail.blocks.stream_block import StreamBlockValidationError

    block_errors = getattr(error, "block_errors", None)
    if block_errors is None:
        return [(path, message, item.code or "invalid") for item in error.error_list for message in item]
    found = [(path, message, err.code or "invalid")
             for err in error.non_block_errors.as_data() for message in err]
    for key, child_error in block_errors.items():
        if isinstance(error, StreamBlockValidationError):
            child_path = (*path, int(key), "value")
        elif isinstance(error, ListBlockValidationError):
            child_path = (*path, int(key))
        else:
            child_path = (*path, key)
        found.extend(block_error_messages(child_error, child_path))
    return found


def validation_error_messages(error):
    """A model or form ``ValidationError`` as ``[(path, message, code)]``, block errors included."""
    if not hasattr(error, "error_dict"):
        return block_error_messages(error, ())
    found = []
    for field, errors in error.error_dict.items():
        path = () if field == NON_FIELD_ERRORS else (field,)
        for err in errors:
            found.extend(block_error_messages(err, path))
    return found


class BlockErrorPathsMixin:
    def add_error(self, field, error):
        # A partial update narrows the form to the fields sent, but the model's clean() may still name another
        # field (hero_alt, when only hero_image is sent). Django refuses an error for a field the form lacks
        # (ValueError, so a 500); file it under that field's name like any other.
        if field is None and isinstance(error, ValidationError) and hasattr(error, "error_dict"):
            elsewhere = {name for name in error.error_dict if name != NON_FIELD_ERRORS and name not in self.fields}
            for name in elsewhere:
                self._errors.setdefault(name, self.error_class()).extend(error.error_dict[name])
            rest = {name: errors for name, errors in error.error_dict.items() if name not in elsewhere}
            if not rest:
                return
            error = ValidationError(rest)
        super().add_error(field, error)

    def full_clean(self):
        super().full_clean()
        if not self._errors:
            return
        for field, errors in list(self._errors.items()):
            nested = [err for err in errors.as_data() if hasattr(err, "block_errors")]
            if not nested:
                continue
            del self._errors[field]
            for err in nested:
                for path, message, code in block_error_messages(err, (field,)):
                    key = PATH_SEPARATOR.join(str(part) for part in path)
                    self._errors.setdefault(key, self.error_class()).append(ValidationError(message, code=code))


def api_form_class(form_class):
    """``form_class`` (the page's admin form) with block errors reported by path, for ``api_base_form_class``."""
    return type(form_class)(f"API{form_class.__name__}", (BlockErrorPathsMixin, form_class),
                            {"__module__": __name__})
