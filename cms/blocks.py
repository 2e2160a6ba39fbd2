"""StreamField blocks for the court's public pages."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock
from wagtail.rich_text import RichText

from cms.sanitise import clean_rich_text

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]


class CourtRichTextBlock(blocks.RichTextBlock):
    """Rich text cleaned of anything active (cms.sanitise) when it is stored, whichever way it came (editor, API v3,
    import, demo loader), and when it is read, so rows stored before or around it render safely everywhere
    (public page, preview, API v2/v3, search)."""

    def to_python(self, value):
        return RichText(clean_rich_text(value))

    def normalize(self, value):
        if isinstance(value, UnreadableValue):
            return value
        source = value.source if isinstance(value, RichText) else value
        return RichText(clean_rich_text(source))

    def get_prep_value(self, value):
        return clean_rich_text(value.source)

    def value_from_form(self, value):
        from cms.rich_text_editor import UnreadableRichText

        if isinstance(value, UnreadableRichText):
            return UnreadableValue("")
        return RichText(clean_rich_text(value))

    def clean(self, value):
        if isinstance(value, UnreadableValue):
            raise ValidationError(
                _("Isi teks ini tidak dapat dibaca (data editor rusak). "
                  "Muat ulang halaman lalu tulis ulang bagian ini."),
                code="unreadable_rich_text",
            )
        return super().clean(value)


class UnreadableValue(RichText):
    """The value of a block whose editor data could not be read; refused by CourtRichTextBlock.clean."""


# The stored data is RichTextBlock's own: migrations keep naming it, so a change of behaviour needs no migration.
DECONSTRUCT_ALIASES = {CourtRichTextBlock: "wagtail.blocks.RichTextBlock"}


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
    paragraph = CourtRichTextBlock(features=RICH_TEXT_FEATURES, label=_("Paragraf"), icon="pilcrow")
    image = FigureBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    document = DocumentBlock()
