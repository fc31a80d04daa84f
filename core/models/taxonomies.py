"""Controlled vocabularies that editors manage: service areas and the Declaration's principles."""

from django.db import models
from django.urls import reverse

from wagtail.search import index

from taggit.models import TagBase


class ServiceArea(index.Indexed, models.Model):
    """A council service area ("Housing", "Waste and recycling"), used to file and filter."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(blank=True)
    lgsl_codes = models.CharField(
        max_length=255,
        blank=True,
        help_text="Local Government Service List codes in this area, comma separated.",
    )

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("service_area_detail", kwargs={"slug": self.slug})


class Principle(models.Model):
    """One of the five principles of the Local Digital Declaration."""

    number = models.PositiveSmallIntegerField(unique=True)
    title = models.CharField(max_length=255)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.title}"


class ContentTag(TagBase):
    """Free tags shared by every content type, so one tag page lists them all."""

    free_tagging = True

    class Meta:
        verbose_name = "tag"
        verbose_name_plural = "tags"

    def get_absolute_url(self):
        return reverse("tag_detail", kwargs={"slug": self.slug})


class LocalService(models.Model):
    """A service from the Local Government Service List (LGSL), with the tier that provides it."""

    code = models.PositiveIntegerField(unique=True, help_text="LGSL code")
    description = models.CharField(max_length=255)
    providing_tier = models.CharField(max_length=60, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = "LGSL service"

    def __str__(self):
        return f"{self.code}: {self.description}"
