"""The access policy's pure rules: tokens, clauses and the search forms of them."""

from django.contrib.auth.models import AnonymousUser
from wagtail.models import PageViewRestriction

from resource_hub.access.search import query_filter, suggest_context
from resource_hub.access.viewers import Viewer, clause_tokens

LOGIN = clause_tokens(PageViewRestriction.LOGIN, restriction_id=1, group_ids=())
GROUPS = clause_tokens(PageViewRestriction.GROUPS, restriction_id=2, group_ids=(7, 8))
PASSWORD = clause_tokens(PageViewRestriction.PASSWORD, restriction_id=3, group_ids=())

ANONYMOUS = Viewer(tokens=frozenset({"anyone"}))
SIGNED_IN = Viewer(tokens=frozenset({"anyone", "authenticated"}))
MEMBER = Viewer(tokens=frozenset({"anyone", "authenticated", "group:8"}))
SUPERUSER = Viewer(tokens=frozenset({"anyone", "authenticated", "group:*", "group:1"}))
TYPED_PASSWORD = Viewer(tokens=frozenset({"anyone", "password:3"}))


def test_every_restriction_on_the_path_must_let_the_viewer_in():
    assert ANONYMOUS.passes([])
    assert not ANONYMOUS.passes([LOGIN])
    assert SIGNED_IN.passes([LOGIN]) and not SIGNED_IN.passes([LOGIN, GROUPS])
    assert MEMBER.passes([LOGIN, GROUPS])
    assert SUPERUSER.passes([LOGIN, GROUPS])  # Wagtail lets superusers past groups...
    assert not SUPERUSER.passes([PASSWORD])  # ...but asks them for a password too
    assert TYPED_PASSWORD.passes([PASSWORD]) and not TYPED_PASSWORD.passes([PASSWORD, LOGIN])


def test_the_viewer_of_an_inactive_or_anonymous_user_holds_only_anyone(db, django_user_model):
    from resource_hub.access.viewers import viewer_of

    inactive = django_user_model.objects.create_user("gone", password="pw", is_active=False)
    assert viewer_of(AnonymousUser()).tokens == {"anyone"}
    assert viewer_of(inactive).tokens == {"anyone"}


def test_the_index_filter_excludes_documents_with_a_clause_the_viewer_lacks():
    nested = query_filter(MEMBER)["bool"]["must_not"][0]["nested"]
    assert nested["path"] == "access_clauses"
    assert nested["query"] == {
        "bool": {
            "must_not": [
                {"terms": {"access_clauses.tokens": ["anyone", "authenticated", "group:8"]}}
            ]
        }
    }


def test_a_title_is_suggested_only_to_those_who_may_see_it():
    assert suggest_context([]) == ["anyone"]
    assert suggest_context([LOGIN]) == ["authenticated"]
    assert suggest_context([LOGIN, GROUPS]) == ["group:*", "group:7", "group:8"]
    assert suggest_context([GROUPS, PASSWORD]) == ["nobody"]
