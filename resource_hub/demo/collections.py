"""The demo's curated collections: editors' picks across institutions and countries, so a
fresh site has a collections page worth opening, and "Download all files" and the course
package of a collection can be tried. Idempotent (found by slug).

Each collection picks released public records on its topics (demo/topics.py), those with
files first, from any institution, as an editor choosing from the whole repository would;
so a collection's "Download all files" has something to give.
Titles and descriptions are English, with a Simplified Chinese translation.
"""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef

from resource_hub.access.records import visible_records
from resource_hub.access.viewers import viewer_of
from resource_hub.core.vocabularies import Language
from resource_hub.records.models import (
    CuratedCollectionItem,
    CuratedCollectionPage,
    RecordFile,
    RecordPage,
)
from resource_hub.records.models.collections import CuratedCollectionTranslation

from .topics import TOPICS


@dataclass(frozen=True)
class CollectionRow:
    institution: str  # slug of the curating institution
    slug: str
    topics: tuple[str, ...]  # demo topics its records are about; () for any
    title: str
    description: str
    title_zh: str
    description_zh: str
    size: int = 8


# fmt: off
COLLECTIONS = [
    CollectionRow(
        "yunnan-agri", "starter-kit-agriculture-and-health", (),
        "Starter kit: agriculture, health and the environment",
        "Released teaching materials with their files, picked by the college's editors "
        "for new teachers across the region.",
        "入门资源包：农业、健康与环境",
        "学院编辑为区域内新教师挑选的已发布教学资源，均附有文件。",
        6,
    ),
    CollectionRow(
        "chao-phraya-tech", "china-asean-picks", (),
        "China–ASEAN picks",
        "Materials and achievements from institutions in several countries, with files.",
        "中国—东盟精选",
        "来自多个国家院校的教学资源与成果，均附有文件。",
    ),
    CollectionRow(
        "mekong-delta-agri", "rice-along-the-mekong", ("rice", "food-safety"),
        "Rice along the Mekong: from paddy to plate",
        "Lesson plans, field studies and food-safety materials on growing, processing and "
        "selling rice, from colleges in Viet Nam, Cambodia, Laos and Yunnan.",
        "湄公河畔的水稻：从稻田到餐桌",
        "来自越南、柬埔寨、老挝和云南院校的水稻种植、加工、销售与食品安全教学资源和实地研究。",
    ),
    CollectionRow(
        "visayas-fisheries", "aquaculture-and-coastal-livelihoods", ("aquaculture",),
        "Aquaculture and coastal livelihoods",
        "Pond and cage culture, hatchery practice and the business of small fish farms, "
        "for vocational and university courses.",
        "水产养殖与沿海生计",
        "池塘与网箱养殖、育苗实践以及小型养殖场经营，适用于职业院校和大学课程。",
    ),
    CollectionRow(
        "seria-energy", "solar-and-electric-vehicles", ("solar", "ev"),
        "Solar power and electric vehicles: a technician's shelf",
        "Installing and maintaining rooftop solar systems and servicing electric vehicles "
        "safely, with worksheets and practical tasks.",
        "太阳能与电动汽车：技术员书架",
        "屋顶光伏系统的安装与维护、电动汽车的安全检修，附练习单与实操任务。",
    ),
    CollectionRow(
        "hangzhou-commerce", "cross-border-e-commerce", ("ecommerce",),
        "Cross-border e-commerce for vocational students",
        "Running an online shop that sells across borders: listings, payments, logistics "
        "and customer service between China and ASEAN markets.",
        "面向职业院校学生的跨境电商",
        "经营跨境网店：商品上架、支付、物流以及面向中国与东盟市场的客户服务。",
    ),
    CollectionRow(
        "andaman-hospitality", "hospitality-and-tourism", ("tourism", "hotel"),
        "Welcoming visitors: hospitality and tourism",
        "Front office, housekeeping, guiding and sustainable tourism, picked for training "
        "centres and colleges that prepare staff for hotels and tour operators.",
        "迎接游客：酒店与旅游",
        "前厅、客房、导游与可持续旅游，为培养酒店与旅行社从业人员的培训中心和院校精选。",
    ),
    CollectionRow(
        "penang-skills", "robotics-and-programming-workshop", ("robotics", "python"),
        "Robotics and programming workshop",
        "Build, wire and program small robots; first steps in Python for school leavers "
        "and apprentices.",
        "机器人与编程工作坊",
        "搭建、接线并编程小型机器人；面向毕业生和学徒的 Python 入门。",
    ),
    CollectionRow(
        "guangxi-zuojiang", "learning-chinese-in-asean-classrooms", ("chinese",),
        "Learning Chinese in ASEAN classrooms",
        "Chinese as a foreign language for secondary schools, universities and adult "
        "learners, with materials made by teachers on both sides of the border.",
        "东盟课堂里的中文学习",
        "面向中学、大学和成人学习者的对外汉语教学资源，由边境两侧的教师共同编写。",
    ),
    CollectionRow(
        "borneo-forestry", "climate-and-tropical-forests", ("climate",),
        "Climate change and tropical forests",
        "Peatland, mangroves and a warming climate: lessons and research reports for "
        "secondary and university teachers.",
        "气候变化与热带森林",
        "泥炭地、红树林与气候变暖：供中学和大学教师使用的课程与研究报告。",
    ),
    CollectionRow(
        "kallang-poly", "care-and-community-health", ("elderly-care", "dengue"),
        "Care for older people and community health",
        "Elderly care skills and dengue prevention in the community, for health and social "
        "care programmes and lifelong learners.",
        "老年照护与社区健康",
        "老年照护技能与社区登革热防控，适用于卫生与社会照护专业及终身学习者。",
    ),
    CollectionRow(
        "hai-van-school", "mathematics-for-school-teachers", ("maths",),
        "Mathematics for school teachers",
        "Worksheets, lesson plans and problem sets for primary and secondary mathematics, "
        "shared by schools across the region.",
        "中小学教师数学资源",
        "区域内学校共享的中小学数学练习单、教案与习题集。",
    ),
    CollectionRow(
        "phnom-penh-tech", "networks-for-beginners", ("networks",),
        "Computer networks for beginners",
        "Cabling, switching and small-office networks, with practical tasks for ICT "
        "diplomas.",
        "计算机网络入门",
        "布线、交换与小型办公网络，附面向信息技术专业文凭课程的实操任务。",
    ),
    CollectionRow(
        "vientiane-tech", "heritage-and-inclusion", ("heritage", "braille"),
        "Heritage and inclusive classrooms",
        "Cultural heritage along the Lancang–Mekong, and teaching blind and low-vision "
        "students with braille: materials for teachers who want every learner included.",
        "文化遗产与融合课堂",
        "澜沧江—湄公河沿岸的文化遗产，以及用盲文教授视障学生：为希望每位学生都能参与的教师准备的资源。",
    ),
]
# fmt: on


def collections_load(*, admin, pages: dict) -> int:
    """Create the demo collections that are missing; how many were created.

    One whose institution is not loaded (a small `--institutions`) or that has no
    records to pick yet is left out, and made by a later, larger load.
    """
    wanted = [row for row in COLLECTIONS if row.institution in pages]
    existing = set(
        CuratedCollectionPage.objects.filter(slug__in=[row.slug for row in wanted]).values_list(
            "slug", flat=True
        )
    )
    todo = [row for row in wanted if row.slug not in existing]
    if not todo:
        return 0
    public = (
        visible_records(viewer_of(None), RecordPage.objects.all())
        .annotate(has_files=Exists(RecordFile.objects.filter(record=OuterRef("pk"))))
        .order_by("-has_files", "pk")
    )
    chinese = Language.objects.get(code="zh")
    created = 0
    for row in todo:
        picks = list(_picks(public, row))
        if not picks:
            continue
        collection = CuratedCollectionPage(
            title=row.title, slug=row.slug, description=row.description
        )
        collection.items = [
            CuratedCollectionItem(record_id=pk, sort_order=order) for order, pk in enumerate(picks)
        ]
        collection.translations = [
            CuratedCollectionTranslation(
                language=chinese, title=row.title_zh, description=row.description_zh
            )
        ]
        pages[row.institution].add_child(instance=collection)
        collection.save_revision(user=admin).publish(user=admin)
        created += 1
    return created


def _picks(public, row: CollectionRow):
    """Up to `row.size` public records on the row's topics, those with files first.

    Without topics: records with files from the whole repository, spread out.
    """
    if not row.topics:
        return public.filter(has_files=True).values_list("pk", flat=True)[: row.size * 4 : 4]
    subjects = [TOPICS[topic][0] for topic in row.topics]
    return public.filter(subject_id__in=subjects).values_list("pk", flat=True)[: row.size]
