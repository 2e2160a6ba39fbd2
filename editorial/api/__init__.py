"""The editorial workflow on Wagtail's v3 API (token authenticated, described in its OpenAPI document),
and validation errors that name their fields."""

from functools import wraps

_registered = set()


def register(api):
    """Add the workflow routes and the field-naming validation errors to Wagtail's v3 API; must run before
    ``api.urls`` is first read (cms/urls.py), hence from EditorialConfig.ready()."""
    if id(api) in _registered:  # Ninja refuses a second mount of the same router
        return
    from editorial.api import errors
    from editorial.api.workflow import router

    api.add_router("/pages/", router)
    errors.register(api)
    _valid_optional_auth(api)
    _registered.add(id(api))


def _valid_optional_auth(api):
    """Make the OpenAPI document valid: Wagtail 8.0's AllowAnonymous fallback is emitted as an "http"
    security scheme without the required "scheme" (openapi-spec-validator rejects the document).
    OpenAPI's own way to say "a token is optional" is an empty requirement object, so use that.
    Ninja has no hook for this, hence the wrapper; drop it once Wagtail emits a valid scheme."""
    original = api.get_openapi_schema

    @wraps(original)
    def get_openapi_schema(*args, **kwargs):
        schema = original(*args, **kwargs)
        schemes = schema.get("components", {}).get("securitySchemes", {})
        anonymous = [name for name, scheme in schemes.items()
                     if scheme.get("type") == "http" and "scheme" not in scheme]
        for name in anonymous:
            del schemes[name]
        if anonymous:
            for operations in schema.get("paths", {}).values():
                for operation in operations.values():
                    if isinstance(operation, dict) and "security" in operation:
                        operation["security"] = [
                            {} if set(req) & set(anonymous) else req for req in operation["security"]]
        return schema

    api.get_openapi_schema = get_openapi_schema
