"""The court's public content model: one module per page type family."""

from .announcements import AnnouncementIndexPage, AnnouncementPage  # noqa: F401
from .documents import PublicDocument, PublicInformationPage  # noqa: F401
from .home import HomePage  # noqa: F401
from .news import NewsCategory, NewsIndexPage, NewsPage, NewsPageTag  # noqa: F401
from .site_settings import CourtSettings  # noqa: F401
from .standard import StandardPage  # noqa: F401
