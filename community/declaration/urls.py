"""The routes below DeclarationPage, relative to wherever the page sits in the tree.

DeclarationPage names this module (`subpage_urlconf`), and Wagtail's RoutablePage machinery
resolves and reverses these names (`page.reverse_subpage("sign")`, `{% routablepageurl %}`).
"""

from django.urls import path

from community.declaration import views

urlpatterns = [
    path("", views.declaration, name="declaration"),
    path("sign/", views.sign, name="sign"),
    path("sign/done/", views.sign_done, name="sign_done"),
    path("signatories/", views.signatories, name="signatories"),
    path("confirm/<uuid:token>/", views.approver_confirm, name="confirm"),
]
