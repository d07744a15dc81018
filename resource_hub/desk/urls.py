from django.urls import path

from .views import membership, records, review, submissions

app_name = "desk"

urlpatterns = [
    path("", submissions.my_submissions, name="submissions"),
    path("records/new/", records.record_new, name="record-new"),
    path("records/<int:pk>/", records.record_review, name="record-review"),
    path("records/<int:pk>/edit/", records.record_edit, name="record-edit"),
    path("records/<int:pk>/files/", records.record_files, name="record-files"),
    path("records/<int:pk>/files/attach/", records.record_file_attach, name="record-attach"),
    path(
        "records/<int:pk>/files/<int:document_id>/remove/",
        records.record_file_detach,
        name="record-detach",
    ),
    path("records/<int:pk>/comments/", records.record_comment_view, name="record-comment"),
    path("records/<int:pk>/submit/", submissions.record_submit_view, name="record-submit"),
    path("records/<int:pk>/submitted/", records.record_submitted, name="record-submitted"),
    path("records/<int:pk>/withdraw/", submissions.record_withdraw_view, name="record-withdraw"),
    path("review/", review.review_list, name="review"),
    path("review/<int:pk>/", review.review_detail, name="review-detail"),
    path("review/<int:pk>/approve/", review.review_approve, name="review-approve"),
    path("review/<int:pk>/reject/", review.review_reject, name="review-reject"),
    path("membership/", membership.membership, name="membership"),
    path("membership/request/", membership.membership_request, name="membership-request"),
    path("membership/invite/", membership.invitation_new, name="invitation-new"),
    path(
        "membership/invitations/<int:pk>/resend/",
        membership.invitation_resend,
        name="invitation-resend",
    ),
    path(
        "membership/requests/<int:pk>/answer/",
        membership.membership_request_answer,
        name="membership-answer",
    ),
    path("invitations/<str:token>/", membership.invitation, name="invitation"),
]
