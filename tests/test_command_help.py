"""Every management command of ours answers `--help` (its texts are translatable)."""

import pytest
from django.core.management import get_commands, load_command_class

OURS = sorted(
    (app, name)
    for name, app in get_commands().items()
    if app.startswith(("resource_hub", "search"))
)


def test_there_are_commands_to_check():
    assert {"backup", "restore", "search_index", "files_sweep"} <= {name for _app, name in OURS}


@pytest.mark.parametrize(("app", "name"), OURS, ids=[name for _app, name in OURS])
def test_help_is_printable(app, name):
    command = load_command_class(app, name)
    text = command.create_parser("manage.py", name).format_help()
    assert text.startswith(f"usage: manage.py {name}")
