import pytest

from resource_hub.records.models import AccessLevel, TeachingResourcePage
from resource_hub.records.services import record_release


@pytest.fixture
def joint_world(world, make_record, make_cooperation):
    """Institution A (China) and B (Thailand) working together, and what must not count.

    Counted: a released public agreement of A with B as party (2024) and a
    released public teaching resource of A with B contributing (2025).
    Not counted: the same joint record unreleased, or released for registered
    users only, and a released record of A alone.
    """

    def released(record):
        record_release(user=world.editor_a, record=record)
        record.refresh_from_db()
        return record

    return {
        "agreement": released(make_cooperation()),
        "joint": released(
            make_record(
                record_class=TeachingResourcePage,
                title="Rice value chains, a joint course",
                contributing_institutions=[world.inst_b],
                year=2025,
            )
        ),
        "draft": make_record(title="Draft joint course", contributing_institutions=[world.inst_b]),
        "restricted": released(
            make_record(
                title="Members' joint course",
                contributing_institutions=[world.inst_b],
                access_level=AccessLevel.REGISTERED,
            )
        ),
        "alone": released(make_record(title="A's own course")),
    }
