"""/search/ and /search/suggest/."""

from django.urls import path

from listings import search_views as views

urlpatterns = [
    path("", views.search_page, name="search"),
    path("suggest/", views.suggest, name="search_suggest"),
]
