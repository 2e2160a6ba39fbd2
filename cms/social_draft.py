"""Where the social media draft of news and announcements is sent is not the content model's business.

The draft's fields live on the page (cms/models/social.py). An app that sends it somewhere registers a
SocialDraftExtension here, in its AppConfig.ready(): the form fields it offers in the editor, what it writes
back onto the page from them, the checks for the places the item goes to and the panels it adds to the
"Media sosial" tab. With none registered the tab holds the draft's own fields and the page checks only
what holds everywhere (the number of hashtags).
"""

# Where an extension's panels go in the "Media sosial" tab.
AFTER_SWITCH = "after_switch"  # right after "posting ke media sosial"
END = "end"  # after every field of the draft

_extensions = []


class SocialDraftExtension:
    """One app's part in the social draft. Every method is optional."""

    def panels(self, slot):
        """The panels to show at `slot` (AFTER_SWITCH or END) of the tab; bound when the editor is built."""
        return []

    def form_fields(self):
        """New form fields, {name: field}, declared on every form class built for the page (its panels name
        them like model fields)."""
        return {}

    def init_form(self, form):
        """Set up the page's admin form (form.instance is the page, maybe not saved yet)."""

    def clean_form(self, form, cleaned_data):
        """Write what the form's own fields decided onto the page, before the page's clean() runs."""

    def errors(self, page):
        """What the page's clean() refuses for the places this draft goes to: {field name: [messages]}."""
        return {}


def register(extension):
    """Add an extension (once per class, so a second ready() changes nothing)."""
    if not any(type(existing) is type(extension) for existing in _extensions):
        _extensions.append(extension)


def extensions():
    return tuple(_extensions)
