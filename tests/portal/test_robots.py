"""robots.txt (issue 12, part 7): the sitemap's absolute address; the admin and the desk are
not for crawlers, the API is."""


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_work_spaces(
    client, db, settings
):
    settings.SITE_BASE_URL = "https://hub.example.org"

    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    desk = "".join(f"Disallow: /{code}/desk/\n" for code, _name in settings.LANGUAGES)
    assert response.content.decode() == (
        "User-agent: *\n"
        "Disallow: /admin/\n"
        f"{desk}"
        "Allow: /api/\n"
        "\n"
        "Sitemap: https://hub.example.org/sitemap.xml\n"
    )
    assert "Disallow: /zh-hans/desk/\n" in desk and "Disallow: /my/desk/\n" in desk
    assert response["Cache-Control"] == "public, max-age=86400"
    assert client.get("/sitemap.xml").status_code == 200
    assert client.head("/robots.txt").status_code == client.head("/sitemap.xml").status_code == 200
