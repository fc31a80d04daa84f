"""Community routes: accounts, profiles, contributions, reuse, comments, follows, feeds and
collaboration. The Declaration's routes sit below DeclarationPage, wherever it is in the tree
(community/declaration/urls.py)."""

from django.db import transaction
from django.urls import include, path

from allauth.account import views as account_views

from community import feed_views, feeds
from community.account import views as account
from community.collaboration import views as collaboration
from community.contributions import views as contributions
from community.engagement import views as engagement
from community.members import views as members

community_patterns = [
    path("members/profile/", account.profile, name="profile"),
    path("members/profile/edit/", members.profile_edit, name="profile_edit"),
    path("members/contributions/", contributions.member_contributions, name="contributions"),
    path("members/contributions/<int:page_id>/edit/", contributions.edit, name="contribution_edit"),
    path("members/my-data.json", account.data_download, name="data_download"),
    path("members/delete/", account.delete_account, name="delete_account"),
    path("members/following/", engagement.follows, name="follows"),
    path("members/following/<int:follow_id>/stop/", engagement.unfollow, name="unfollow"),
    path("follow/", engagement.follow, name="follow"),
    path("unsubscribe/<uuid:token>/", engagement.unsubscribe, name="unsubscribe"),
    path("contribute/", contributions.choose_type, name="contribute"),
    path("contribute/<slug:type_slug>/", contributions.submit, name="contribute_type"),
    path(
        "contribute/submitted/<int:page_id>/",
        contributions.submitted,
        name="contribution_submitted",
    ),
    path("reuse/<int:page_id>/", engagement.reuse_record, name="reuse"),
    path("reuse/<int:page_id>/remove/", engagement.reuse_remove, name="reuse_remove"),
    path("comments/on/<int:page_id>/", engagement.comment_create, name="comment"),
    path("comments/<int:comment_id>/report/", engagement.comment_report, name="comment_report"),
    path("collaborate/", collaboration.opportunity_list, name="opportunities"),
    path("collaborate/new/", collaboration.opportunity_create, name="opportunity_create"),
    path("collaborate/<int:pk>/", collaboration.opportunity_detail, name="opportunity_detail"),
    path(
        "collaborate/<int:pk>/interest/",
        collaboration.express_interest,
        name="opportunity_interest",
    ),
    path("collaborate/<int:pk>/close/", collaboration.opportunity_close, name="opportunity_close"),
    path("feeds/", feed_views.feed_index, name="feeds"),
    path("feeds/<str:format_name>/all/", feeds.feed, name="feed_all"),
    path("feeds/<str:format_name>/<str:kind>/<str:slug>/", feeds.feed, name="feed"),
]

# allauth's URL names (account_login...) must stay un-namespaced; ours live under "community:".
urlpatterns = [
    # allauth's email page in one transaction: the re-check community.signals queues when an
    # address is deleted or unconfirmed then runs after allauth's own email_removed handling,
    # which is the one that tells the member what happened.
    path("accounts/email/", transaction.atomic(account_views.email), name="account_email"),
    path("accounts/", include("allauth.urls")),
    path("", include((community_patterns, "community"))),
]
