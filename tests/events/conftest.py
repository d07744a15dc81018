import pytest

from resource_hub.records.services import record_release


@pytest.fixture
def release(world):
    """Release a record as its institution's editor."""

    def release(record):
        editor = world.editor_b if record.get_parent().pk == world.inst_b.pk else world.editor_a
        return record_release(user=editor, record=record)

    return release
