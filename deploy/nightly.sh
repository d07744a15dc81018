#!/bin/sh
# Nightly maintenance, run by resource-hub-nightly.service as the site's user with
# its environment. Every job runs even when an earlier one failed; the exit status
# is 1 when any failed, so the unit shows "failed" and its log says which.
set -u
cd "$(dirname "$0")/.."
manage() { .venv/bin/python manage.py "$@"; }
failed=""
job() {
  echo "== $*"
  manage "$@" || failed="$failed
  manage.py $*"
}

# The search index: repair what the queue missed, then copy download counts.
job search_index verify --fix --no-progress
job search_index downloads --no-progress
# Abandoned uploads and objects no document names (older than a day); exit 1
# also reports documents whose object is missing.
job files_sweep --no-progress
# Finished task results (the worker's heartbeat keeps the recent ones), sessions.
job prune_db_task_results --min-age-days 14 --queue-name '*'
job clearsessions

if [ -n "$failed" ]; then
  echo "failed:$failed" >&2
  exit 1
fi
