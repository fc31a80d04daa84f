"""Project routes beside the page tree: posting an update on a project."""

from django.urls import path

from projects import views

app_name = "projects"
urlpatterns = [
    path("projects/<int:page_id>/update/", views.update_create, name="update_create"),
]
