"""Body blocks: each declares an icon, a template, a preview value and a description."""

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading"), ("h3", "Sub-heading")], default="h2"
    )

    class Meta:
        icon = "title"
        template = "components/streamfield/heading_block.html"
        preview_value = {"text": "What we learned", "level": "h2"}
        description = "A heading that starts a new section and appears in the page contents."


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "components/streamfield/quote_block.html"
        preview_value = {
            "quote": "Residents now report a repair in three minutes instead of a twenty-minute call.",
            "attribution": "Head of Housing Services",
        }
        description = "A quotation from someone involved, with who said it."


class CalloutBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(features=["bold", "italic", "link"])

    class Meta:
        icon = "warning"
        template = "components/streamfield/callout_block.html"
        preview_value = {"text": "This figure excludes staff time in the discovery phase."}
        description = "An inset note that draws attention to a caveat or key point."


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(max_length=40, help_text="For example £120,000 or 35%")
    label = blocks.CharBlock(max_length=120)

    class Meta:
        icon = "order"


class KeyFiguresBlock(blocks.StructBlock):
    figures = blocks.ListBlock(KeyFigureBlock(), min_num=1, max_num=6)

    class Meta:
        icon = "order"
        template = "components/streamfield/key_figures_block.html"
        preview_value = {
            "figures": [
                {"value": "£85,000", "label": "saved each year"},
                {"value": "40%", "label": "fewer phone calls"},
            ]
        }
        description = "Up to six headline figures, shown large so readers see them at a glance."


class FigureBlock(blocks.StructBlock):
    image = ImageBlock()
    caption = blocks.CharBlock(required=False, max_length=250)

    def get_preview_value(self):
        from wagtail.images import get_image_model

        image = get_image_model().objects.order_by("-created_at").first()
        return (
            self.to_python(
                {
                    "image": {"image": image.pk, "alt_text": image.title} if image else None,
                    "caption": "A figure from the case study",
                }
            )
            if image
            else None
        )

    class Meta:
        icon = "image"
        template = "components/streamfield/figure_block.html"
        description = "An image with alternative text and an optional caption."


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(
        required=False, max_length=200, help_text="Defaults to the document title"
    )

    def get_preview_value(self):
        from wagtail.documents import get_document_model

        document = get_document_model().objects.order_by("-created_at").first()
        return {"document": document, "title": ""} if document else None

    class Meta:
        icon = "doc-full"
        template = "components/streamfield/document_link_block.html"
        description = "A link to a document with its file type and size."


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=160)
    description = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "list-ol"
        template = "components/streamfield/step_block.html"
        preview_value = {
            "title": "Resident reports the problem",
            "description": "<p>They choose the room and the fault from a short list.</p>",
        }
        description = "One step of how a service works, shown as a numbered step."


class TableBlock(WagtailTableBlock):
    class Meta:
        icon = "table"
        template = "components/streamfield/table_block.html"
        preview_value = {
            "first_row_is_table_header": True,
            "data": [["Option", "Cost"], ["Do nothing", "£0"], ["Buy a product", "£90,000"]],
        }
        description = "A simple table of figures with an optional header row."


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="components/streamfield/paragraph_block.html",
        preview_value="<p>We started with three weeks of discovery with repairs staff.</p>",
        description="Formatted text with headings, lists and links.",
    )
    key_figures = KeyFiguresBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
    figure = FigureBlock()
    document = DocumentLinkBlock()
    table = TableBlock()

    class Meta:
        template = "components/streamfield/stream_block.html"
