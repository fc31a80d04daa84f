"""The StreamField blocks every content type can use in its body."""

from .content import (
    BaseStreamBlock,
    CalloutBlock,
    DocumentLinkBlock,
    FigureBlock,
    HeadingBlock,
    KeyFiguresBlock,
    QuoteBlock,
    StepBlock,
    TableBlock,
)

__all__ = [
    "BaseStreamBlock",
    "CalloutBlock",
    "DocumentLinkBlock",
    "FigureBlock",
    "HeadingBlock",
    "KeyFiguresBlock",
    "QuoteBlock",
    "StepBlock",
    "TableBlock",
]
