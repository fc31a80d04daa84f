"""Every block an editor can add declares an icon, a template, a preview and a description."""

from wagtail.fields import StreamField

import pytest

from casestudies.models import BusinessCasePage, CaseStudyPage, ProcurementBriefPage
from core.blocks import DocumentLinkBlock, FigureBlock
from core.models import StandardPage
from patterns.models import ServicePatternPage

# Chooser blocks preview with the newest image or document, so they have no fixed value.
PREVIEWED_FROM_LIBRARY = (FigureBlock, DocumentLinkBlock)


def _top_level_blocks():
    for model in (
        CaseStudyPage,
        ProcurementBriefPage,
        BusinessCasePage,
        ServicePatternPage,
        StandardPage,
    ):
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                for name, block in field.stream_block.child_blocks.items():
                    yield pytest.param(block, id=f"{model.__name__}.{field.name}.{name}")


@pytest.mark.parametrize("block", list(_top_level_blocks()))
def test_block_declares_icon_template_preview_and_description(block):
    meta = block.meta
    assert meta.icon
    assert meta.icon != "placeholder"
    assert meta.template, "block needs its own template"
    assert meta.description
    if not isinstance(block, PREVIEWED_FROM_LIBRARY):
        assert meta.preview_value is not None


@pytest.mark.django_db
@pytest.mark.parametrize("block", list(_top_level_blocks()))
def test_block_preview_renders(block):
    value = block.get_preview_value()
    if value is None:
        assert isinstance(block, PREVIEWED_FROM_LIBRARY)
        return
    assert block.render(value).strip()
