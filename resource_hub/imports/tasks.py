"""The admin's imports, in the background: the check (a dry run), then the import.

Both call `jobs.job_execute` (the job's stored sheet and ZIP, as the job's
user). Running a task twice is safe: a job no longer in the state the task
expects is left alone, and the import finds its records again by their
identifiers.
"""

from django_tasks import task

from . import jobs


@task()
def import_check(job_id: str) -> str:
    """Check the job's sheet and files (nothing is written) and keep the report."""
    return jobs.job_execute(job_id=job_id, dry_run=True)


@task()
def import_run(job_id: str) -> str:
    """Import the job's sheet and files, row by row, and keep the report."""
    return jobs.job_execute(job_id=job_id, dry_run=False)
