"""A visitor's query with control characters: never a 500 (PostgreSQL refuses a NUL in any text)."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url, params", [
    ("/cari/", {"q": "sidang\x00"}),
    ("/berita/", {"kategori": "a\x00", "tag": "b\x00"}),
    ("/api/v2/pages/", {"search": "a\x00b"}),
    ("/api/v2/images/", {"search": "a\x00"}),
    ("/api/v2/documents/", {"search": "a\x00"}),
    ("/api/v2/pages/find/", {"html_path": "/berita/\x00/"}),
])
def test_a_nul_in_a_visitors_query_is_not_a_500(court, client, url, params):
    """PostgreSQL refuses a NUL in any text: the site drops it from its own queries, the API answers 400 why."""
    response = client.get(url, params)
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert "karakter kendali" in response.json()["message"]
