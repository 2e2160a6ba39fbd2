from tests.factories import NewsPageFactory


def test_news_page_renders(court, client):
    page = NewsPageFactory(parent=court.news_index, title="Sidang keliling di Kecamatan Maju")
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Sidang keliling di Kecamatan Maju" in response.content.decode()
