"""The one access policy: who may see, download, change or release what.

Every surface asks it (pages, files, previews, thumbnails, Wagtail's
/documents/ URLs, exports, search in the engine and in the database,
suggestions, listings and their counts, the desk, the admin, the API) and no
surface writes an access rule of its own. Each rule is stated once and offered
in the forms the surfaces need, in the spirit of InvenioRDM's permission
policies (an object check and a query filter per rule):

- see a released record: `records.can_view_released`; as queries,
  `records.visible_records` (database) and `search.document_fields` +
  `search.query_filter` (index);
- see a record at all, released or not (the desk, the admin): `records.can_view`
  (also its author and whoever may edit it);
- download, preview, thumbnail: `documents.can_download`;
- edit, submit, release, reject, unpublish, withdraw: `records.can_<action>`;
- attach or detach a file: `records.can_attach_file`, `records.can_detach_file`;
- read and post in the conversation between a record's author and its
  reviewers: `records.can_discuss`; open its review page: `records.can_moderate`.
- read usage reports (COUNTER IR and PR, the admin's dashboard):
  `usage.can_read_usage_reports`, and the records a report counts:
  `usage.usage_report_records` (an institution's released records, members-only
  ones included: the report is for the institution about its own items).

"Released" is Wagtail's `live`; who may see a released record is decided by
Wagtail's view restrictions on the record **and on every page above it**
(login, groups, password), exactly as Wagtail itself serves pages
(`BaseViewRestriction.accept_request`). Each restriction becomes a *clause*,
a set of tokens, any one of which satisfies it (`viewers.clause_tokens`); a
viewer is a set of tokens (`viewers.Viewer`); a record is visible when every
clause on its path shares a token with the viewer. The same clauses are
written into the search document, so the index filter is that rule too.

The policy sits low in the project: it imports Wagtail and Django only, and
looks record models up by name (`django.apps`), so every app, records and
files included, can ask it.
"""
