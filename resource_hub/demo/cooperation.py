"""The demo's cooperation records: agreements, an alliance, a centre and a training base
between Chinese and ASEAN institutions (issue 18), so the institutions' "Cooperation"
sections and the cross-border network have something to show on a fresh site.

Recorded and released by the holding institution's demo editor through the services,
so the cross-border rule is checked as for anyone. Idempotent (found by slug).
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from resource_hub.core.vocabularies import EducationLevel, Language, Licence, ResourceType
from resource_hub.records.models import AchievementPage, RecordPage
from resource_hub.records.services import record_create_draft, record_release

from .topics import LEVELS, TOPICS


@dataclass(frozen=True)
class PartyRow:
    institution: str  # slug
    role: str = "party"
    joined: date | None = None
    left: date | None = None


@dataclass(frozen=True)
class CooperationRow:
    slug: str
    institution: str  # slug of the holding institution (also a party)
    kind: str  # resource type code
    title: str
    title_zh: str
    abstract: str
    topic: str
    level: str
    signed_on: date
    ends_on: date | None
    parties: tuple[PartyRow, ...]
    creator: str


# fmt: off
ROWS = (
    CooperationRow(
        "cooperation-rice-training-agreement", "guangxi-zuojiang",
        "achievement-cooperation-agreement",
        "Agreement on joint training in rice production technology",
        "水稻生产技术联合培养合作协议",
        "Guangxi Zuojiang University and Mekong Delta University of Agriculture train "
        "technicians together: shared courses, two-way teacher visits and a joint field "
        "practice season each year.",
        "rice", "vocational", date(2023, 9, 21), date(2028, 9, 20),
        (PartyRow("guangxi-zuojiang", "lead"), PartyRow("mekong-delta-agri")),
        "Huang Wenjie",
    ),
    CooperationRow(
        "cooperation-solar-teacher-exchange", "yunnan-agri",
        "achievement-cooperation-agreement",
        "Memorandum of understanding on solar technician teacher exchange",
        "太阳能技术师资交流合作备忘录",
        "A three-year exchange of vocational teachers in photovoltaic installation between "
        "Yunnan, Vientiane and Phnom Penh, with a shared set of practical assessments.",
        "solar", "vocational", date(2021, 9, 10), date(2024, 9, 9),
        (PartyRow("yunnan-agri", "lead"), PartyRow("vientiane-tech"), PartyRow("phnom-penh-tech")),
        "Zhao Min",
    ),
    CooperationRow(
        "cooperation-ev-curriculum-agreement", "shenzhen-bay",
        "achievement-cooperation-agreement",
        "Agreement on co-developing an electric vehicle maintenance curriculum",
        "新能源汽车维修课程共建协议",
        "Shenzhen Bay Polytechnic and Kallang Polytechnic write and teach a shared "
        "curriculum for electric vehicle maintenance, with mutual recognition of credits.",
        "ev", "vocational", date(2024, 9, 25), date(2029, 9, 24),
        (PartyRow("shenzhen-bay", "lead"), PartyRow("kallang-poly")),
        "Chen Hao",
    ),
    CooperationRow(
        "cooperation-lancang-mekong-alliance", "lancang-mekong",
        "achievement-alliance",
        "Lancang-Mekong Vocational Education Alliance for Agriculture",
        "澜湄农业职业教育联盟",
        "An alliance of colleges and research institutes along the Lancang-Mekong that "
        "share teaching materials, practice farms and teacher training in agriculture.",
        "rice", "vocational", date(2022, 9, 15), None,
        (
            PartyRow("lancang-mekong", "lead", date(2022, 9, 15)),
            PartyRow("yunnan-agri", "member", date(2022, 9, 15)),
            PartyRow("chao-phraya-tech", "member", date(2022, 9, 15)),
            PartyRow("vientiane-tech", "member", date(2023, 3, 1)),
            PartyRow("tonle-sap-agri", "member", date(2023, 9, 20), date(2025, 6, 30)),
            PartyRow("ayeyarwady-tech", "member", date(2024, 5, 10)),
        ),
        "Li Jianguo",
    ),
    CooperationRow(
        "cooperation-digital-commerce-centre", "hangzhou-commerce",
        "achievement-centre",
        "China–Indonesia Digital Commerce Cooperation Centre",
        "中国—印度尼西亚数字商贸合作中心",
        "A centre at Nusantara Institute of Technology, founded with Hangzhou Digital "
        "Commerce College, for short courses and internships in cross-border e-commerce.",
        "ecommerce", "higher", date(2025, 9, 20), None,
        (PartyRow("hangzhou-commerce", "lead"), PartyRow("nusantara-tech")),
        "Wang Lei",
    ),
    CooperationRow(
        "cooperation-tropical-agriculture-base", "hainan-tropical",
        "achievement-training-base",
        "China–Philippines Tropical Agriculture Training Base",
        "中国—菲律宾热带农业实训基地",
        "A training base run by Hainan Tropical Agriculture Training Base and Luzon "
        "Technical Skills Training Centre, training farmers and technicians in tropical crops.",
        "aquaculture", "lifelong", date(2024, 9, 24), date(2030, 9, 23),
        (PartyRow("hainan-tropical", "lead"), PartyRow("luzon-tech-training")),
        "Lin Xiaoyan",
    ),
)
# fmt: on


def cooperation_load(*, pages: dict, users: dict) -> int:
    """Create the cooperation records that are missing; returns how many were created."""
    made = set(
        RecordPage.objects.filter(slug__in=[r.slug for r in ROWS]).values_list("slug", flat=True)
    )
    created = 0
    for row in ROWS:
        slugs = {row.institution, *(party.institution for party in row.parties)}
        if row.slug in made or not slugs <= set(pages):
            continue  # already there, or an institution of it was not loaded
        with transaction.atomic():
            _record(row, pages, users[("editor", row.institution)])
        created += 1
    return created


def _record(row: CooperationRow, pages: dict, editor):
    record = record_create_draft(
        user=editor,
        institution=pages[row.institution],
        record_class=AchievementPage,
        creators=[{"name": row.creator, "role": "contributor"}],
        keywords=["China–ASEAN", "cooperation"],
        translations=[
            {"language": Language.objects.get(code="zh"), "title": row.title_zh, "abstract": ""}
        ],
        education_levels=list(EducationLevel.objects.filter(code__in=LEVELS[row.level])),
        parties=[
            {
                "institution": pages[party.institution],
                "role": party.role,
                "joined": party.joined,
                "left": party.left,
            }
            for party in row.parties
        ],
        title=row.title,
        slug=row.slug,
        abstract=row.abstract,
        language=Language.objects.get(code="en"),
        subject_id=TOPICS[row.topic][0],
        resource_type=ResourceType.objects.get(code=row.kind),
        licence=Licence.objects.get(code="CC-BY-4.0"),
        year=row.signed_on.year,
        achievement_date=row.signed_on,
        cross_border=True,
        signed_on=row.signed_on,
        ends_on=row.ends_on,
    )
    record_release(user=editor, record=record)
    return record
