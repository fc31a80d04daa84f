"""Fund routes beside the page tree: applying, partners' confirmations, the published record."""

from django.urls import path

from funding import views

app_name = "funding"
urlpatterns = [
    path("funding/rounds/<int:round_id>/apply/", views.apply, name="apply"),
    path("funding/rounds/<int:round_id>/figures.csv", views.round_figures_csv, name="figures_csv"),
    path(
        "funding/rounds/<int:round_id>/applications.<str:file_format>",
        views.round_applications,
        name="applications_download",
    ),
    path("funding/applications/<int:pk>/", views.published_application, name="application"),
    path("funding/applications/<int:pk>/edit/", views.application_edit, name="application_edit"),
    path("funding/partners/<uuid:token>/", views.partner_confirm, name="partner_confirm"),
    path("members/funding/", views.my_applications, name="my_applications"),
]
