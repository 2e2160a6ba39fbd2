"""StreamField blocks for the court's public pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Kutipan"))
    attribution = blocks.CharBlock(label=_("Sumber"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Kutipan")
        template = "blocks/quote_block.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Tautan video"), help_text=_("Tautan YouTube atau Vimeo."))
    caption = blocks.CharBlock(label=_("Keterangan"), required=False, max_length=250)
    transcript = blocks.TextBlock(
        label=_("Transkrip"), required=False,
        help_text=_("Transkrip untuk pembaca yang tidak dapat menonton video (pedoman aksesibilitas MA)."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video_block.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Dokumen"))
    title = blocks.CharBlock(label=_("Judul tautan"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Lampiran dokumen")
        template = "blocks/document_block.html"


class FigureBlock(blocks.StructBlock):
    # ImageBlock carries the alt text (or marks the image decorative).
    image = ImageBlock(label=_("Gambar"))
    caption = blocks.CharBlock(label=_("Keterangan"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Gambar")
        template = "blocks/figure_block.html"


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Paragraf"), icon="pilcrow")
    image = FigureBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    document = DocumentBlock()
