"""Serializer fields of the public API (/api/v2/) that page models name in their `api_fields`.

Each content type declares its API fields on its model (Wagtail's own `api_fields`), so the
content-type registry (core.content_types) holds them with everything else about the type;
the fields that need more than an attribute's value are here, below every app that uses them.
"""

from rest_framework import serializers

from core.site_url import absolute_url


class InstanceField(serializers.Field):
    """A read-only field computed from the whole object rather than one attribute."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance


class LicenceField(InstanceField):
    def to_representation(self, page):
        return {"code": page.licence, "name": page.get_licence_display(), "url": page.licence_url}


class NamedListField(serializers.Field):
    """A related manager as a list of small dicts, e.g. tags as [{"name", "slug"}]."""

    def __init__(self, attributes, **kwargs):
        self.attributes = attributes
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, manager):
        return [{name: getattr(item, name) for name in self.attributes} for item in manager.all()]


class TagListField(NamedListField):
    def __init__(self, **kwargs):
        super().__init__(["name", "slug"], **kwargs)

    def to_representation(self, manager):
        return sorted(super().to_representation(manager), key=lambda tag: tag["name"].casefold())


class OrganisationListField(serializers.Field):
    """Who the work is from: stable code, name, slug and the organisation's page on this site."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, manager):
        return [
            {
                "code": organisation.code,
                "name": organisation.name,
                "slug": organisation.slug,
                "html_url": absolute_url(organisation.get_absolute_url()),
            }
            for organisation in manager.all()
        ]


class RelatedPagesField(serializers.Field):
    """Linked pages, only those that are themselves live and public: a draft never leaks."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, manager):
        request = self.context.get("request")
        pages = manager.all().live().public().order_by("-date", "-id")
        return [
            {
                "id": page.id,
                "title": page.title,
                "type": f"{page.specific_class._meta.app_label}.{page.specific_class.__name__}",
                "html_url": page.get_full_url(request),
            }
            for page in pages
        ]


class DocumentListField(serializers.Field):
    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, manager):
        items = []
        for related in manager.select_related("document").all():
            url = related.document.url
            items.append(
                {
                    "id": related.document_id,
                    "title": related.display_title,
                    "download_url": absolute_url(url),
                }
            )
        return items


def lines(source):
    return serializers.ListField(source=source, child=serializers.CharField(), read_only=True)


def child_rows(*attributes):
    return NamedListField(list(attributes))
