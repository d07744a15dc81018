"""The load scenario bench/load.py runs: visitors, teachers and editors at once.

(The leading _ keeps `make bench`, which runs every bench/*.py, from running it alone.)

Run by bench/load.py (`make load`), which prepares the site and writes the plan
this file reads (LOAD_PLAN: a JSON file of API tokens, pages, queries and the
record to deposit). Aimed only at 127.0.0.1: it refuses any other host.

- Visitors (all users but the teachers and editors) read the home page, search
  (the page and the API, with and without a facet), open record pages and
  download open files (our redirect, then the signed URL on the S3 server).
- Teachers deposit through the API as docs/api/example_client.py does: a
  draft, an upload of a new PDF of LOAD_SIZE bytes in parts PUT straight to
  the bucket, complete (the worker assembles and checks it), attach, submit.
- Editors release what their institution's teachers submitted.

What each teacher and editor made is written to the plan's `results` file at
the end, so load.py can check that nothing was lost.
"""

import itertools
import json
import os
import random
import threading
import time
from urllib.parse import urlsplit

from _pdf import pdf_bytes
from locust import HttpUser, between, events, task
from locust.exception import StopUser

PLAN = json.loads(open(os.environ["LOAD_PLAN"], encoding="utf-8").read())  # noqa: SIM115
SIZE = int(PLAN["size"])
BROWSER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0 Safari/537.36"
)
HTTPS = {"X-Forwarded-Proto": "https", "User-Agent": BROWSER}  # as the TLS proxy would say
#: Submitted records waiting for their institution's editor, and what was done.
SUBMITTED: dict[str, list[int]] = {row["slug"]: [] for row in PLAN["institutions"]}
RESULTS = {"deposited": [], "released": [], "failed_deposits": 0}
LOCK = threading.Lock()
pick = random.Random().choice  # noqa: S311 - which page a visitor reads, not a secret
_teacher_seat = itertools.count()
_editor_seat = itertools.count()


def loopback_only(url: str) -> str:
    if urlsplit(url).hostname != "127.0.0.1":
        raise SystemExit(f"the load scenario only aims at 127.0.0.1, not {url}")
    return url


@events.test_start.add_listener
def _check_host(environment, **_kwargs):
    loopback_only(environment.host)


@events.test_stop.add_listener
def _write_results(environment, **_kwargs):
    with LOCK, open(PLAN["results"], "w", encoding="utf-8") as out:
        json.dump({**RESULTS, "unreleased": SUBMITTED}, out)


class Baseline(HttpUser):
    """The baseline: /robots.txt, the least work a request to the site does. Run alone,
    before the scenario."""

    wait_time = between(1, 3)

    def on_start(self):
        self.client.headers.update(HTTPS)

    @task
    def robots(self):
        self.client.get("/robots.txt", name="robots.txt")


class Visitor(HttpUser):
    """Someone reading the site: searches, pages, downloads (the most of the users)."""

    weight = 1
    wait_time = between(1, 3)

    def on_start(self):
        self.client.headers.update(HTTPS)

    @task(1)
    def home(self):
        self.client.get("/", name="home page")

    @task(4)
    def search_page(self):
        self.client.get("/search/", params={"q": pick(PLAN["queries"])}, name="search page")

    @task(2)
    def search_facet(self):
        query, facet = pick(PLAN["queries"]), pick(PLAN["facets"])
        self.client.get("/search/", params={"q": query, **facet}, name="search page + facet")

    @task(2)
    def search_api(self):
        self.client.get("/api/v1/search", params={"q": pick(PLAN["queries"])}, name="API search")

    @task(3)
    def record_page(self):
        self.client.get(pick(PLAN["pages"]), name="record page")

    @task(1)
    def download(self):
        answer = self.client.get(
            pick(PLAN["downloads"]), allow_redirects=False, name="download (redirect)"
        )
        if answer.status_code == 302:
            # The signed URL on the S3 server: the bytes, outside our site.
            self.client.get(
                loopback_only(answer.headers["Location"]), headers={}, name="download (S3)"
            )


class Teacher(HttpUser):
    """Deposits one record with one new file per round, through the API."""

    fixed_count = int(os.environ.get("LOAD_TEACHERS", "7"))
    wait_time = between(2, 5)

    def on_start(self):
        rows = PLAN["institutions"]
        self.institution = rows[next(_teacher_seat) % int(PLAN["editors"])]
        self.client.headers.update(
            {**HTTPS, "Authorization": f"Bearer {self.institution['teacher_token']}"}
        )

    def _ok(self, answer, what: str, *expected: int) -> dict | None:
        if answer.status_code not in expected:
            answer.failure(f"{what}: {answer.status_code} {answer.text[:300]}")
            return None
        answer.success()
        return answer.json()

    @task
    def deposit(self):
        with self.client.post(
            "/api/v1/records", json=PLAN["record"], name="API: create draft", catch_response=True
        ) as answer:
            record = self._ok(answer, "create draft", 201)
        if record is None:
            return self._failed()
        document = self._upload()
        if document is None:
            return self._failed()
        with self.client.post(
            f"/api/v1/records/{record['id']}/files",
            json={"document": document["id"]},
            name="API: attach file",
            catch_response=True,
        ) as answer:
            if self._ok(answer, "attach", 201) is None:
                return self._failed()
        with self.client.post(
            f"/api/v1/records/{record['id']}/submit", name="API: submit", catch_response=True
        ) as answer:
            if self._ok(answer, "submit", 200) is None:
                return self._failed()
        with LOCK:
            RESULTS["deposited"].append({"record": record["id"], "document": document["id"]})
            SUBMITTED[self.institution["slug"]].append(record["id"])

    def _failed(self):
        with LOCK:
            RESULTS["failed_deposits"] += 1

    def _upload(self) -> dict | None:
        data = pdf_bytes(SIZE)
        body = {"collection": self.institution["collection"], "filename": "lecture.pdf"}
        with self.client.post(
            "/api/v1/uploads",
            json={**body, "size": len(data)},
            name="API: start upload",
            catch_response=True,
        ) as answer:
            upload = self._ok(answer, "start upload", 201)
        if upload is None:
            return None
        size, count = upload["part_size"], upload["part_count"]
        with self.client.post(
            upload["links"]["parts"],
            json={"parts": list(range(1, count + 1))},
            name="API: sign parts",
            catch_response=True,
        ) as answer:
            signed = self._ok(answer, "sign parts", 200)
        if signed is None:
            return None
        for part in signed["parts"]:
            start = (part["number"] - 1) * size
            with self.client.put(
                loopback_only(part["url"]),
                data=data[start : start + size],
                headers={"Authorization": None},  # the signature is in the URL
                name=f"S3: PUT part ({size // 2**20} MiB)",
                catch_response=True,
            ) as answer:
                if self._ok_plain(answer) is False:
                    return None
        with self.client.post(
            upload["links"]["complete"], name="API: complete upload", catch_response=True
        ) as answer:
            status = self._ok(answer, "complete", 200, 202)
        deadline = time.monotonic() + 300
        while status is not None and status["state"] == "completing":
            if time.monotonic() > deadline:
                return None
            time.sleep(1)
            with self.client.get(
                upload["links"]["self"], name="API: upload status", catch_response=True
            ) as answer:
                status = self._ok(answer, "upload status", 200)
        if status is None or status["state"] != "completed":
            return None
        return status["document"]

    @staticmethod
    def _ok_plain(answer) -> bool:
        if answer.status_code != 200:
            answer.failure(f"{answer.status_code} {answer.text[:300]}")
            return False
        answer.success()
        return True


class Editor(HttpUser):
    """Releases its institution's submitted records as they arrive."""

    fixed_count = int(os.environ.get("LOAD_EDITORS", "3"))
    wait_time = between(1, 3)

    def on_start(self):
        seat = next(_editor_seat)
        if seat >= int(PLAN["editors"]):
            raise StopUser
        self.institution = PLAN["institutions"][seat]
        self.client.headers.update(
            {**HTTPS, "Authorization": f"Bearer {self.institution['editor_token']}"}
        )

    @task
    def release(self):
        with LOCK:
            waiting = SUBMITTED[self.institution["slug"]]
            record = waiting.pop(0) if waiting else None
        if record is None:
            # Nothing to review yet: what an editor looks at meanwhile.
            self.client.get("/api/v1/records", name="API: records (editor)")
            return
        with self.client.post(
            f"/api/v1/records/{record}/release",
            json={"comment": "Released during the load test."},
            name="API: release",
            catch_response=True,
        ) as answer:
            if answer.status_code != 200:
                answer.failure(f"release: {answer.status_code} {answer.text[:300]}")
                with LOCK:
                    SUBMITTED[self.institution["slug"]].append(record)
                return
            answer.success()
        with LOCK:
            RESULTS["released"].append(record)
