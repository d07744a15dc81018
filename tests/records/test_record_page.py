"""The record page: metadata in the viewer's language, citations, JSON-LD, Open Graph, size."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import translation

from resource_hub.core.vocabularies import Language, ResourceType
from resource_hub.records.models import AccessLevel, AchievementPage, RecordRelation
from resource_hub.records.selectors import record_stable_url

from .record_page_helpers import full_record


class HeadParser(HTMLParser):
    """JSON-LD scripts, Open Graph tags, headings and the share input of a page."""

    def __init__(self):
        super().__init__()
        self.json_ld, self.og, self.headings, self.inputs = [], {}, [], []
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_ld = True
            self.json_ld.append("")
        elif tag == "meta" and attrs.get("property", "").startswith("og:"):
            self.og[attrs["property"]] = attrs["content"]
        elif re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        elif tag == "input":
            self.inputs.append(attrs)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_ld = False

    def handle_data(self, data):
        if self._in_ld:
            self.json_ld[-1] += data


def parse(response):
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


def test_record_page_shows_all_metadata_creators_and_licence(client, world, postgres_db):
    record = full_record(world, contributing_institutions=[world.inst_b])

    response = client.get(record.url)

    body = response.content.decode()
    assert response.status_code == 200
    for text in ["水稻栽培技术", "李伟", "Nguyễn Văn An", "Somchai Jaidee", world.inst_b.title]:
        assert text in body
    assert '<a class="orcid" href="https://orcid.org/0000-0002-1825-0097" rel="noopener">' in body
    assert 'href="https://creativecommons.org/licenses/by/4.0/" rel="license noopener"' in body
    assert "BY 4.0" in body and "Everyone" in body  # badge terms and access level
    assert 'lang="th">เทคนิคการปลูกข้าว' in body  # other translations keep their lang


def test_english_viewer_reads_the_translated_title_marked_as_such(client, world, postgres_db):
    record = full_record(world)

    body = client.get(record.url).content.decode()

    assert '<h1 lang="en">Rice cultivation techniques</h1>' in body
    assert "Translated title" in body
    assert '<span lang="zh">水稻栽培技术</span>' in body
    assert 'lang="en">A lesson plan for second-year students' in body


def test_chinese_viewer_reads_the_original(client, world, postgres_db):
    record = full_record(world)

    with translation.override("zh-hans"):
        body = client.get(record.url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()

    assert '<h1 lang="zh">水稻栽培技术</h1>' in body
    assert "Translated title" not in body


def test_cite_this_shows_apa_and_gbt_with_export_links(client, world, postgres_db):
    record = full_record(world)

    body = client.get(record.url).content.decode()

    assert "李伟, Nguyễn, V. A., Jaidee, S., &amp; 王芳. (2025). <i>水稻栽培技术</i>" in body
    assert "李伟, NGUYỄN V A, JAIDEE S, 等. 水稻栽培技术[EB/OL]." in body
    for label in ["BibTeX", "RIS", "CSL-JSON", "Dublin Core XML"]:
        assert f">{label}</a>" in body


def test_share_link_is_a_labelled_read_only_input_with_the_stable_url(client, world, postgres_db):
    record = full_record(world)

    response = client.get(record.url)

    (share,) = [i for i in parse(response).inputs if i.get("id") == "share-url"]
    assert "readonly" in share and share["value"] == record_stable_url(record)
    assert '<label for="share-url">' in response.content.decode()


def test_teaching_resource_json_ld_is_a_learning_resource(client, world, postgres_db):
    record = full_record(world)

    (data,) = [json.loads(text) for text in parse(client.get(record.url)).json_ld]

    assert data["@type"] == "LearningResource"
    assert data["name"] == "水稻栽培技术" and data["inLanguage"] == "zh"
    assert data["learningResourceType"] == "lesson plan"
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["author"][0]["@id"] == "https://orcid.org/0000-0002-1825-0097"
    assert data["author"][0]["sameAs"] == data["author"][0]["@id"]
    assert data["publisher"]["name"] == world.inst_a.title
    assert data["keywords"] == "水稻, rice"  # the author's order (taggit: through row id)


def test_achievement_json_ld_types(client, world, postgres_db):
    paper = full_record(world, record_class=AchievementPage, kind="achievement", doi="10.1000/p1")
    award = full_record(
        world,
        record_class=AchievementPage,
        kind="achievement",
        title="Provincial teaching award",
        resource_type=ResourceType.objects.get(code="achievement-award"),
    )

    (paper_data,) = [json.loads(t) for t in parse(client.get(paper.url)).json_ld]
    (award_data,) = [json.loads(t) for t in parse(client.get(award.url)).json_ld]

    assert paper_data["@type"] == "ScholarlyArticle"
    assert paper_data["identifier"] == "https://doi.org/10.1000/p1"
    assert award_data["@type"] == "CreativeWork"


def test_json_ld_cannot_be_closed_by_a_title(client, world, postgres_db):
    record = full_record(world, title="</script><script>alert(1)</script>", translations=[])

    response = client.get(record.url)

    assert b"<script>alert(1)" not in response.content
    (data,) = [json.loads(t) for t in parse(response).json_ld]
    assert data["name"] == "</script><script>alert(1)</script>"


def test_open_graph_tags(client, world, postgres_db):
    record = full_record(world)

    og = parse(client.get(record.url)).og

    assert og["og:title"] == "Rice cultivation techniques"
    assert og["og:url"] == record.get_full_url()
    assert og["og:type"] == "article" and og["og:locale"] == "en_US"
    assert og["og:description"].startswith("A lesson plan")
    assert "og:image" not in og  # no thumbnail


def test_members_only_record_names_no_files_to_crawlers(client, world, postgres_db, s3_storage):
    record = full_record(
        world, access_level=AccessLevel.INSTITUTION, files=[("exam.txt", b"Answers\n")]
    )
    client.force_login(world.member_a)

    response = client.get(record.url)

    (data,) = [json.loads(t) for t in parse(response).json_ld]
    assert "associatedMedia" not in data
    # The member still sees the file: its title (the name without extension)
    # and its download button.
    (item,) = record.files.all()
    body = response.content.decode()
    assert '<p class="file-title">exam</p>' in body
    assert f"{reverse('files:download', args=[item.document_id])}?record={record.pk}" in body


def test_public_record_lists_its_files_with_download_buttons(
    client, world, postgres_db, s3_storage
):
    record = full_record(world, files=[("notes.txt", b"Lesson notes\n")])

    response = client.get(record.url)

    body = response.content.decode()
    (data,) = [json.loads(t) for t in parse(response).json_ld]
    (media,) = data["associatedMedia"]
    assert media["encodingFormat"] == "text/plain"
    assert 'class="button"' in body and "13\xa0bytes" in body


def test_related_records_are_only_those_the_viewer_may_see(client, world, postgres_db):
    public = full_record(world, title="Open related lesson", translations=[])
    members = full_record(
        world, title="Members related", translations=[], access_level=AccessLevel.INSTITUTION
    )
    draft = full_record(world, title="Draft related", translations=[], release=False)
    record = full_record(world, translations=[])
    for position, target in enumerate([members, public, draft]):
        RecordRelation.objects.create(record=record, target=target, sort_order=position)

    anonymous = client.get(record.url).content.decode()
    client.force_login(world.member_a)
    member = client.get(record.url).content.decode()

    assert "Open related lesson" in anonymous and "Members related" not in anonymous
    assert member.index("Members related") < member.index("Open related lesson")
    assert "Draft related" not in anonymous + member


def test_page_is_light_and_headings_are_in_order(client, world, postgres_db):
    record = full_record(world, language=Language.objects.get(code="zh"))

    response = client.get(record.url)

    css = sum(
        Path(finders.find(name)).stat().st_size for name in ("css/site.css", "css/record.css")
    )
    assert len(response.content) + css < 200_000
    headings = parse(response).headings
    assert headings.count(1) == 1 and headings[0] == 1
    assert all(b - a <= 1 for a, b in zip(headings, headings[1:], strict=False))
    assert b"<script src" not in response.content  # works without JavaScript


def test_draft_page_does_not_leak(client, world, postgres_db):
    draft = full_record(world, title="Unreleased secret", translations=[], release=False)

    response = client.get(draft.get_url())

    assert response.status_code == 404
    assert b"Unreleased secret" not in response.content


def with_thumbnail(record):
    item = record.files.select_related("document").get()
    item.document.thumbnail = "thumbnails/cover.webp"  # the name is enough for the page
    item.document.save(update_fields=["thumbnail"])
    return item.document


def test_og_image_only_for_a_public_record_with_a_thumbnail(client, world, postgres_db, s3_storage):
    public = full_record(world, files=[("a.txt", b"A\n")])
    members = full_record(
        world, files=[("b.txt", b"B\n")], access_level=AccessLevel.INSTITUTION, translations=[]
    )
    document = with_thumbnail(public)
    with_thumbnail(members)

    public_og = parse(client.get(public.url)).og
    client.force_login(world.member_a)
    members_og = parse(client.get(members.url)).og

    assert public_og["og:image"].endswith(reverse("files:thumbnail", args=[document.pk]))
    assert public_og["og:image"].startswith("http")
    assert "og:image" not in members_og
