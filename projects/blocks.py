"""A project's links elsewhere: its code, a blog post, a show-and-tell recording."""

from django.db import models

from wagtail import blocks


class LinkKind(models.TextChoices):
    CODE = "code", "Code repository"
    BLOG = "blog", "Blog post"
    RECORDING = "recording", "Show and tell recording"
    OTHER = "other", "Other"


class ProjectLinkBlock(blocks.StructBlock):
    """Something the project produced that lives on another site."""

    kind = blocks.ChoiceBlock(choices=LinkKind.choices, default=LinkKind.CODE)
    title = blocks.CharBlock(max_length=200)
    url = blocks.URLBlock(label="URL")

    class Meta:
        icon = "link"
        template = "components/streamfield/project_link_block.html"
        preview_value = {
            "kind": "code",
            "title": "Our code",
            "url": "https://example.org/council/repository",
        }
        description = "A code repository, blog post or recording on another site."

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["kind_label"] = LinkKind(value["kind"]).label if value.get("kind") else ""
        return context
