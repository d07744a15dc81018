"""Settings come from the environment, and production refuses to start half-configured."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from resource_hub.settings.environment import _parse_env_file

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    """Run manage.py in a fresh process with only the given settings variables."""
    clean = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG"}}
    clean.update(RH_IGNORE_ENV_FILES="1", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = manage(
        "check",
        DJANGO_SETTINGS_MODULE="resource_hub.settings.production",
        ALLOWED_HOSTS="hub.example.org",
    )

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = manage(
        "check",
        DJANGO_SETTINGS_MODULE="resource_hub.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
    )

    assert result.returncode != 0
    assert "ALLOWED_HOSTS must list" in result.stderr


def test_check_deploy_is_clean_under_production_settings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="resource_hub.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="hub.example.org",
        S3_BUCKET="resource-hub",
        S3_ENDPOINT_URL="https://s3.example.org",
        ELASTICSEARCH_URL="https://search.example.org:9200",
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_half_configured_s3_is_refused():
    result = manage("check", S3_ENDPOINT_URL="http://127.0.0.1:59000")

    assert result.returncode != 0
    assert "S3_BUCKET is not" in result.stderr


def test_env_file_parsing(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text(
        "# comment\n\nexport DATABASE_URL='postgres://u:p@127.0.0.1:5432/db'\n"
        'S3_BUCKET=files   # where files go\nS3_LOCATION=   # none\nSECRET_KEY="a#b c"\n',
        encoding="utf-8",
    )

    assert _parse_env_file(env_file) == {
        "DATABASE_URL": "postgres://u:p@127.0.0.1:5432/db",
        "S3_BUCKET": "files",
        "S3_LOCATION": "",
        "SECRET_KEY": "a#b c",
    }


def test_env_file_with_a_bad_line_names_the_line(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text("S3_BUCKET=files\nthis is not a setting\n", encoding="utf-8")

    with pytest.raises(ImproperlyConfigured, match=r"\.env:2"):
        _parse_env_file(env_file)
