"""Deposit a file in Resource Hub through the REST API, end to end.

    python docs/api/example_client.py --base-url https://hub.example.org \
        --teacher-token wagtail_… --editor-token wagtail_…

As the teacher: create a draft, upload a file (20 MiB by default, made up
here; or --file) through the upload API in parts, attach it, submit the
record. As the editor of the same institution: release it. Then, as anyone:
find it with GET /records?q=. Each step prints what it did; any error
prints the API's message and stops. Only `requests` is needed.

Tokens: Account → API tokens in the admin, or
`manage.py api_tokens create --user teacher1 --name import`.
"""

import argparse
import hashlib
import io
import sys
import time
import uuid

import requests

MIB = 1024 * 1024


class ApiFailure(Exception):
    pass


class Api:
    def __init__(self, base_url: str, token: str | None = None):
        self.base = base_url.rstrip("/") + "/api/v1"
        self.session = requests.Session()
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def call(self, method: str, path: str, expect: int | tuple[int, ...] = 200, **kwargs):
        response = self.session.request(method, self.base + path, timeout=60, **kwargs)
        if response.status_code == 429:  # rate limited: wait as asked, once
            time.sleep(int(response.headers.get("Retry-After", "1")))
            response = self.session.request(method, self.base + path, timeout=60, **kwargs)
        if response.status_code not in (expect if isinstance(expect, tuple) else (expect,)):
            try:
                error = response.json()["error"]
                detail = f"{error['code']}: {error['message']}"
            except (ValueError, KeyError):
                detail = response.text[:300]
            raise ApiFailure(f"{method} {path} answered {response.status_code} ({detail})")
        return response.json() if response.content else None


def lesson_file(size: int) -> bytes:
    """Plain-text lesson notes of `size` bytes (the server checks content, not names)."""
    line = "Bài 1 · 第一课 · บทที่ 1 · Lesson 1: measuring soil moisture in the field.\n"
    data = line.encode() * (size // len(line.encode()) + 1)
    return data[:size]


def upload(api: Api, payload: bytes, filename: str) -> int:
    """The upload API: start, sign parts, PUT each part to its URL, complete.

    Returns the new document's id.
    """
    collections = api.call("GET", "/uploads/collections")["collections"]
    started = api.call(
        "POST",
        "/uploads",
        expect=201,
        json={
            "collection": collections[0]["id"],
            "filename": filename,
            "size": len(payload),
            "sha256": hashlib.sha256(payload).hexdigest(),
        },
    )
    numbers = list(range(1, started["part_count"] + 1))
    signed = api.call("POST", f"/uploads/{started['id']}/parts", json={"parts": numbers})
    part_size = started["part_size"]
    for part in signed["parts"]:
        start = (part["number"] - 1) * part_size
        body = payload[start : start + part["size"]]
        url = (
            part["url"]
            if part["url"].startswith("http")
            else api.base[: -len("/api/v1")] + part["url"]
        )
        sent = requests.put(url, data=io.BytesIO(body), timeout=120)
        if sent.status_code != 200:
            raise ApiFailure(f"part {part['number']} was refused: {sent.status_code}")
        print(f"  part {part['number']}/{len(numbers)} sent ({len(body) / MIB:.1f} MiB)")
    # 201: checked during the request; 202: a worker checks it, ask until it has decided.
    done = api.call("POST", f"/uploads/{started['id']}/complete", expect=(201, 202))
    while done["state"] == "completing":
        time.sleep(1)
        done = api.call("GET", f"/uploads/{started['id']}")
    if done["state"] != "completed":
        raise ApiFailure(f"the file was not accepted: {done['error']['message']}")
    return done["document"]["id"]


def deposit(base_url: str, teacher_token: str, editor_token: str, size: int, path=None) -> dict:
    teacher, editor, anyone = (
        Api(base_url, teacher_token),
        Api(base_url, editor_token),
        Api(base_url),
    )
    types = anyone.call("GET", "/vocabularies/resource-types")["entries"]
    material = next(t["code"] for t in types if t.get("applies_to") == "material" and t["active"])
    word = f"soilmoisture{uuid.uuid4().hex[:8]}"
    title = f"Measuring soil moisture ({word})"

    record = teacher.call(
        "POST",
        "/records",
        expect=201,
        headers={"Idempotency-Key": str(uuid.uuid4())},  # safe to retry after a timeout
        json={
            "kind": "material",
            "title": title,
            "abstract": "Field exercises for vocational students of agriculture.",
            "year": 2026,
            "language": "en",
            "resource_type": material,
            "licence": "CC-BY-4.0",
            "keywords": ["soil", "irrigation"],
            "creators": [{"name": "Nguyễn Thị Lan", "orcid": "0000-0002-1825-0097"}],
            "translations": [{"language": "vi", "title": "Đo độ ẩm của đất"}],
        },
    )
    print(f"draft {record['id']} created: {record['title']}")

    payload = open(path, "rb").read() if path else lesson_file(size)  # noqa: SIM115
    document = upload(teacher, payload, "soil-moisture-notes.txt")
    print(f"file uploaded as document {document} ({len(payload) / MIB:.1f} MiB)")
    teacher.call("POST", f"/records/{record['id']}/files", expect=201, json={"document": document})
    print("file attached")
    teacher.call("POST", f"/records/{record['id']}/submit")
    print("submitted for review")
    released = editor.call("POST", f"/records/{record['id']}/release", json={"comment": "Thanks"})
    print(f"released by the editor: {released['links']['html']}")

    for _attempt in range(30):  # the search index is updated just after the release
        found = anyone.call("GET", "/records", params={"q": word})
        if any(item["id"] == record["id"] for item in found["results"]):
            print(f"found with GET /records?q={word}")
            return released
        time.sleep(1)
    raise ApiFailure(f"the released record was not found by q={word}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--teacher-token", required=True)
    parser.add_argument("--editor-token", required=True)
    parser.add_argument("--size-mib", type=int, default=20, help="size of the made-up file")
    parser.add_argument("--file", help="upload this file instead (its type is checked)")
    args = parser.parse_args(argv)
    try:
        deposit(
            args.base_url, args.teacher_token, args.editor_token, args.size_mib * MIB, args.file
        )
    except ApiFailure as failure:
        print(f"stopped: {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
