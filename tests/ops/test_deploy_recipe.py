"""deploy/ stays true to the code: the environment example lists exactly what production
reads and passes `check --deploy`; the units, the nightly jobs and nginx's limits agree
with the commands and settings they name."""

import ast
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import get_commands, load_command_class

from resource_hub.imports.forms import FORM_ZIP_MAX_SIZE
from resource_hub.settings.environment import _parse_env_file
from tests.conftest import require

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
SETTINGS = ROOT / "resource_hub" / "settings"
EXAMPLE = DEPLOY / "resource-hub.env.example"
#: Read before the settings are: by manage.py and wsgi.py.
READ_OUTSIDE_SETTINGS = {"DJANGO_SETTINGS_MODULE"}


def settings_modules(name: str, seen: set[str] | None = None) -> set[str]:
    """`name` and every settings module it imports (`from .x import ...`), transitively."""
    seen = set() if seen is None else seen
    if name in seen:
        return seen
    seen.add(name)
    for node in ast.walk(ast.parse((SETTINGS / f"{name}.py").read_text())):
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
            settings_modules(node.module, seen)
    return seen


def variables_read(modules) -> set[str]:
    """Names passed to env_str/env_int/... and os.environ.get in these modules."""
    names = set()
    for module in modules:
        for node in ast.walk(ast.parse((SETTINGS / f"{module}.py").read_text())):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func, first = node.func, node.args[0]
            reader = (isinstance(func, ast.Name) and func.id.startswith("env_")) or (
                ast.unparse(func) == "os.environ.get"
            )
            if reader and isinstance(first, ast.Constant):
                names.add(first.value)
    return names


def example_names() -> tuple[set[str], set[str]]:
    """(set, commented out) variable names of the example."""
    active, commented = set(), set()
    for line in EXAMPLE.read_text().splitlines():
        if match := re.fullmatch(r"([A-Z][A-Z0-9_]*)=.*", line):
            active.add(match[1])
        elif match := re.fullmatch(r"#([A-Z][A-Z0-9_]*)=.*", line):
            commented.add(match[1])
    return active, commented


def test_the_environment_example_lists_exactly_what_production_reads():
    modules = settings_modules("production")
    assert {"base", "storage", "search", "email", "signin", "api", "environment"} <= modules
    read = variables_read(modules) | READ_OUTSIDE_SETTINGS

    active, commented = example_names()

    assert active | commented == read
    assert not active & commented
    # Only make run's address and local files are left out in production.
    assert commented == {"RUN_HOST", "RUN_PORT", "MEDIA_ROOT"}


def test_the_environment_example_has_no_comment_after_a_value():
    # systemd's EnvironmentFile= keeps "value  # comment" whole, comment included.
    for line in EXAMPLE.read_text().splitlines():
        if line and not line.startswith("#"):
            assert " #" not in line and "\t#" not in line, line


def test_the_environment_example_passes_check_deploy():
    env = _parse_env_file(EXAMPLE)
    env["SECRET_KEY"] = secrets.token_urlsafe(64)
    clean = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG"}}

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def unit(name: str) -> dict[str, list[str]]:
    """A unit file's keys and their values (a key may repeat)."""
    found: dict[str, list[str]] = {}
    for line in (DEPLOY / "systemd" / name).read_text().splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, value = line.split("=", 1)
            found.setdefault(key, []).append(value)
    return found


@pytest.mark.parametrize(
    "name",
    ["resource-hub-web.service", "resource-hub-worker@.service", "resource-hub-nightly.service"],
)
def test_every_unit_reads_the_environment_file_and_is_hardened(name):
    found = unit(name)

    assert found["EnvironmentFile"] == ["/etc/resource-hub/resource-hub.env"]
    assert found["User"] == ["resource-hub"]
    assert found["NoNewPrivileges"] == ["true"]
    assert found["ProtectSystem"] == ["strict"]
    assert found["PrivateTmp"] == ["true"]
    assert found["CapabilityBoundingSet"] == [""]
    if name != "resource-hub-nightly.service":
        assert found["Restart"] == ["always"]


@pytest.mark.parametrize(
    "name",
    [
        "resource-hub-web.service",
        "resource-hub-worker@1.service",
        "resource-hub-nightly.service",
        "resource-hub-nightly.timer",
    ],
)
def test_systemd_itself_accepts_every_unit(name, tmp_path):
    """systemd's own parser (`systemd-analyze verify`, which needs no running systemd)
    reads each unit without a complaint: its directives and values, and the programs it
    starts, with the application where the units expect it (here: this checkout)."""
    analyze = shutil.which("systemd-analyze")
    require("systemd-analyze", analyze is not None, "Debian's systemd package")
    for path in (DEPLOY / "systemd").iterdir():
        text = path.read_text().replace("/srv/resource-hub/app", str(ROOT))
        (tmp_path / path.name).write_text(text)
    if name.startswith("resource-hub-worker@"):
        shutil.copy(tmp_path / "resource-hub-worker@.service", tmp_path / name)

    done = subprocess.run(  # noqa: S603 - systemd's own checker on our units
        [analyze, "verify", "--man=no", str(tmp_path / name)],
        capture_output=True,
        text=True,
        check=False,
    )

    assert (done.returncode, done.stderr) == (0, "")


def test_the_units_start_what_the_repository_has():
    web = unit("resource-hub-web.service")["ExecStart"][0]
    worker = unit("resource-hub-worker@.service")["ExecStart"][0]
    nightly = unit("resource-hub-nightly.service")["ExecStart"][0]

    assert "--config /srv/resource-hub/app/deploy/gunicorn.conf.py" in web
    assert web.endswith("resource_hub.wsgi:application")
    assert " manage.py worker " in worker
    assert nightly == "/srv/resource-hub/app/deploy/nightly.sh"
    assert os.access(DEPLOY / "nightly.sh", os.X_OK)
    assert os.access(DEPLOY / "manage", os.X_OK)


def test_the_nightly_jobs_are_commands_with_options_they_accept(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # production's
    commands = get_commands()
    jobs = [
        line.split()[1:]
        for line in (DEPLOY / "nightly.sh").read_text().splitlines()
        if line.startswith("job ")
    ]

    assert [job[0] for job in jobs] == [
        "search_index",
        "search_index",
        "files_sweep",
        "prune_db_task_results",
        "clearsessions",
    ]
    for name, *args in jobs:
        command = load_command_class(commands[name], name)
        command.create_parser("manage.py", name).parse_args([a.strip("'") for a in args])


def test_gunicorn_listens_where_nginx_sends():
    config = {}
    exec((DEPLOY / "gunicorn.conf.py").read_text(), config)  # noqa: S102 - our own file
    nginx = (DEPLOY / "nginx" / "resource-hub.conf").read_text()

    assert f"server {config['bind']} " in nginx
    assert config["bind"].startswith("127.0.0.1:")


def test_nginx_takes_the_forms_that_work_without_javascript():
    nginx = (DEPLOY / "nginx" / "resource-hub.conf").read_text()
    size = re.search(r"client_max_body_size (\d+)m;", nginx)

    assert int(size[1]) * 1024 * 1024 > FORM_ZIP_MAX_SIZE
    assert "alias /srv/resource-hub/app/static/;" in nginx  # STATIC_ROOT under the app


def test_the_cors_rules_allow_what_the_uploader_does():
    [rule] = json.loads((DEPLOY / "s3" / "cors.json").read_text())["CORSRules"]

    assert "PUT" in rule["AllowedMethods"]
    assert rule["ExposeHeaders"] == ["ETag"]
    assert rule["AllowedOrigins"] == ["https://hub.example.org"]
