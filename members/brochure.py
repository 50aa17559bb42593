"""The Clusteratlas as a printable PDF brochure, built from the current data.

reportlab's platypus lays out one flowable after another, so even a thousand
organisations stream through without holding more than a page in layout.
"""

import logging
from functools import cache
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from reportlab.lib.colors import HexColor, white
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    FrameBreak,
    HRFlowable,
    Image,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from .models import Organization

logger = logging.getLogger(__name__)

AUTHOR = "Clustermanagement Chemie/Kunststoffe Mitteldeutschland"
WEBSITE = "www.cluster-chemie-kunststoffe.de"

PETROL_HEX = "#0b5568"
AMBER_HEX = "#e8a33d"
PETROL = HexColor(PETROL_HEX)
PETROL_DARK = HexColor("#0a3a4a")
AMBER = HexColor(AMBER_HEX)
GREY = HexColor("#5b6770")
RULE = HexColor("#c9d3d7")

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 20 * mm
BAND_HEIGHT = 105 * mm  # the petrol band at the top of the cover
LOGO_BOX = (38 * mm, 18 * mm)
LOGO_PIXELS = (600, 300)  # enough for print at that size, keeps the PDF small

FONT = "Vera"


@cache
def _register_fonts():
    """Bitstream Vera, shipped with reportlab: it has umlauts, ß, „quotes“
    and dashes, which the PDF base fonts would garble."""
    folder = Path(reportlab.__file__).parent / "fonts"
    faces = {
        FONT: "Vera.ttf",
        f"{FONT}-Bold": "VeraBd.ttf",
        f"{FONT}-Italic": "VeraIt.ttf",
        f"{FONT}-BoldItalic": "VeraBI.ttf",
    }
    for name, filename in faces.items():
        pdfmetrics.registerFont(TTFont(name, folder / filename))
    pdfmetrics.registerFontFamily(
        FONT,
        normal=FONT,
        bold=f"{FONT}-Bold",
        italic=f"{FONT}-Italic",
        boldItalic=f"{FONT}-BoldItalic",
    )


@cache
def _styles():
    body = ParagraphStyle(
        "body", fontName=FONT, fontSize=9, leading=12.5, textColor=PETROL_DARK
    )
    return {
        "body": body,
        "description": ParagraphStyle("description", body, spaceBefore=3),
        "small": ParagraphStyle("small", body, fontSize=8, leading=11, textColor=GREY),
        "badge": ParagraphStyle(
            "badge", body, fontSize=8, leading=11, textColor=GREY, spaceAfter=2
        ),
        "name": ParagraphStyle(
            "name",
            body,
            fontName=f"{FONT}-Bold",
            fontSize=12,
            leading=15,
            textColor=PETROL,
            spaceAfter=1,
        ),
        "kind": ParagraphStyle(
            "kind",
            body,
            fontName=f"{FONT}-Bold",
            fontSize=18,
            leading=22,
            textColor=PETROL_DARK,
            spaceAfter=2,
        ),
        "cover_title": ParagraphStyle(
            "cover_title",
            body,
            fontName=f"{FONT}-Bold",
            fontSize=34,
            leading=40,
            textColor=white,
            spaceAfter=6,
        ),
        "cover_subtitle": ParagraphStyle(
            "cover_subtitle", body, fontSize=15, leading=20, textColor=white
        ),
        "cover_date": ParagraphStyle(
            "cover_date", body, fontSize=10, leading=14, textColor=white, spaceBefore=8
        ),
        "cover_text": ParagraphStyle(
            "cover_text", body, fontSize=11, leading=16, spaceAfter=10
        ),
        "contents": ParagraphStyle("contents", body, fontSize=11, leading=18),
        "count": ParagraphStyle(
            "count", body, fontSize=11, leading=18, alignment=TA_RIGHT
        ),
    }


def _text(value):
    """Text for reportlab's mini-markup: "A & B <GmbH>" stays just that."""
    return escape(str(value))


def _attribute(value):
    return escape(str(value), {'"': "&quot;"})


class BrochureDocTemplate(BaseDocTemplate):
    """A4 with a cover page and content pages with a footer; headings of kinds
    and names of organisations become the PDF's bookmarks."""

    def __init__(self, file, **kwargs):
        super().__init__(
            file,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN + 6 * mm,
            **kwargs,
        )
        width = PAGE_WIDTH - 2 * MARGIN
        band = Frame(
            MARGIN,
            PAGE_HEIGHT - BAND_HEIGHT + 8 * mm,
            width,
            BAND_HEIGHT - 8 * mm - MARGIN,
            id="band",
        )
        below_band = Frame(
            MARGIN, self.bottomMargin, width, PAGE_HEIGHT - BAND_HEIGHT - 45 * mm
        )
        content = Frame(
            MARGIN, self.bottomMargin, width, PAGE_HEIGHT - MARGIN - self.bottomMargin
        )
        self.addPageTemplates(
            [
                PageTemplate("cover", [band, below_band], onPage=self._draw_cover),
                PageTemplate("content", [content], onPage=self._draw_footer),
            ]
        )

    def _draw_cover(self, canvas, doc):
        canvas.saveState()
        canvas.setFillColor(PETROL)
        canvas.rect(0, PAGE_HEIGHT - BAND_HEIGHT, PAGE_WIDTH, BAND_HEIGHT, 0, 1)
        canvas.setFillColor(AMBER)
        canvas.rect(0, PAGE_HEIGHT - BAND_HEIGHT - 4 * mm, PAGE_WIDTH, 4 * mm, 0, 1)
        canvas.setFillColor(GREY)
        canvas.setFont(FONT, 8)
        canvas.drawString(MARGIN, MARGIN, f"{AUTHOR} · {WEBSITE}")
        canvas.restoreState()

    def _draw_footer(self, canvas, doc):
        canvas.saveState()
        canvas.setStrokeColor(PETROL)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, MARGIN + 2 * mm, PAGE_WIDTH - MARGIN, MARGIN + 2 * mm)
        canvas.setFont(FONT, 8)
        canvas.setFillColor(GREY)
        canvas.drawString(MARGIN, MARGIN - 2 * mm, self.title)
        canvas.drawRightString(
            PAGE_WIDTH - MARGIN,
            MARGIN - 2 * mm,
            _("Page %(number)s") % {"number": doc.page},
        )
        canvas.restoreState()

    def afterFlowable(self, flowable):
        outline = getattr(flowable, "outline", None)
        if outline:
            key, title, level = outline
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=level, closed=level == 0)


def render_brochure_pdf(organizations, *, language) -> bytes:
    """The Clusteratlas as a PDF in the given language.

    `organizations` are the published organisations in the order they should
    appear within their kind, with their sectors prefetched: the brochure
    itself makes no query.
    """
    _register_fonts()
    groups = {kind: [] for kind in Organization.Kind}
    for organization in organizations:
        groups[organization.kind].append(organization)
    buffer = BytesIO()
    with translation.override(language):
        document = BrochureDocTemplate(
            buffer,
            title=_("Clusteratlas – Future Cluster Chemistry/Plastics Central Germany"),
            author=AUTHOR,
            subject=_("The actors of the cluster: companies, research, associations"),
            creator=AUTHOR,
            lang=language,
            displayDocTitle=True,
        )
        story = _cover(groups)
        for kind, members in groups.items():
            if members:
                story.extend(_kind_section(kind, members))
        document.build(story)
    return buffer.getvalue()


def _cover(groups):
    styles = _styles()
    date = formats.date_format(timezone.localdate(), "DATE_FORMAT")
    total = sum(len(members) for members in groups.values())
    rows = [
        [
            Paragraph(_text(kind.label), styles["contents"]),
            Paragraph(str(len(members)), styles["count"]),
        ]
        for kind, members in groups.items()
        if members
    ]
    story = [
        Paragraph("Clusteratlas", styles["cover_title"]),
        Paragraph(
            _text(_("Future Cluster Chemistry/Plastics Central Germany")),
            styles["cover_subtitle"],
        ),
        Paragraph(_text(_("As of %(date)s") % {"date": date}), styles["cover_date"]),
        FrameBreak(),
        Paragraph(
            _text(
                _(
                    "The actors of the cluster in central Germany: companies, "
                    "research and education, associations, service providers, "
                    "politics and administration – %(count)s organisations."
                )
                % {"count": total}
            ),
            styles["cover_text"],
        ),
    ]
    if rows:
        table = Table(rows, colWidths=[120 * mm, 20 * mm], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        story.append(table)
    story += [NextPageTemplate("content"), PageBreak()]
    return story


def _kind_section(kind, members):
    styles = _styles()
    heading = Paragraph(_text(kind.label), styles["kind"])
    heading.outline = (f"kind-{kind.value}", str(kind.label), 0)
    story = [
        heading,
        HRFlowable(width="100%", thickness=2, color=AMBER, spaceAfter=4 * mm),
    ]
    for organization in members:
        story.append(KeepTogether(_entry(organization)))
    story.append(PageBreak())
    return story


def _entry(organization):
    """The flowables of one organisation."""
    styles = _styles()
    title = _text(organization.name)
    if organization.short_name:
        title += f" ({_text(organization.short_name)})"
    name = Paragraph(title, styles["name"])
    name.outline = (f"org-{organization.pk}", organization.name, 1)
    head = [name]
    badges = []
    if organization.size:
        badges.append(_text(organization.get_size_display()))
    if organization.is_member:
        member = _text(_("Cluster member"))
        # Amber only marks it: as text colour it would be too pale to read.
        badges.append(
            f'<font color="{AMBER_HEX}" size="11">•</font> '
            f'<font color="{PETROL_HEX}"><b>{member}</b></font>'
        )
    if badges:
        head.append(Paragraph(" · ".join(badges), styles["badge"]))
    logo = _logo(organization)
    if logo is None:
        flowables = head
    else:
        table = Table(
            [[head, logo]],
            colWidths=[PAGE_WIDTH - 2 * MARGIN - LOGO_BOX[0] - 4 * mm, None],
        )
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        # The outline is read off drawn flowables; the table is what is drawn.
        table.outline = name.outline
        flowables = [table]
    flowables.extend(_details(organization))
    flowables.extend(_description(organization))
    flowables.append(
        HRFlowable(width="100%", thickness=0.5, color=RULE, spaceBefore=3 * mm)
    )
    flowables.append(Spacer(0, 3 * mm))
    return flowables


def _details(organization):
    styles = _styles()
    lines = []
    place = " ".join(filter(None, (organization.postcode, organization.city)))
    address = ", ".join(
        filter(
            None,
            (
                organization.street,
                place,
                organization.get_federal_state_display() if place else "",
            ),
        )
    )
    if address:
        lines.append(_text(address))
    contact = []
    if organization.website:
        shown = organization.website.split("://", 1)[-1].rstrip("/")
        contact.append(
            f'<a href="{_attribute(organization.website)}" color="{PETROL_HEX}">'
            f"{_text(shown)}</a>"
        )
    if organization.email:
        contact.append(
            f'<a href="mailto:{_attribute(organization.email)}" color="{PETROL_HEX}">'
            f"{_text(organization.email)}</a>"
        )
    if organization.phone:
        label = _("Phone")
        contact.append(f"{_text(label)} {_text(organization.phone)}")
    if contact:
        lines.append(" · ".join(contact))
    sectors = [sector.name for sector in organization.sectors.all()]
    if sectors:
        label = _("Sectors")
        lines.append(f"<b>{_text(label)}:</b> {_text(', '.join(sectors))}")
    return [Paragraph(line, styles["small"]) for line in lines]


def _description(organization):
    """The description in the active language (German when there is no
    translation), one paragraph per blank-line-separated block."""
    styles = _styles()
    text = (organization.description or "").replace("\r\n", "\n").strip()
    blocks = [block.strip() for block in text.split("\n\n") if block.strip()]
    paragraphs = []
    for block in blocks:
        markup = "<br/>".join(_text(line) for line in block.split("\n"))
        paragraphs.append(Paragraph(markup, styles["description"]))
    return paragraphs


def _logo(organization):
    """The organisation's logo scaled into the logo box, or None when there is
    none or its file is missing or broken (the brochure goes out regardless)."""
    if not organization.logo:
        return None
    try:
        with organization.logo.open("rb") as file:
            data = file.read()
        with PILImage.open(BytesIO(data)) as image:
            image.load()
            image.thumbnail(LOGO_PIXELS)
            flat = PILImage.new("RGB", image.size, "white")
            rgba = image.convert("RGBA")
            flat.paste(rgba, mask=rgba.getchannel("A"))
    # Storage backends and Pillow raise many kinds of errors for a missing or
    # damaged file; a logo is never worth a failed brochure.
    except Exception as error:
        logger.warning(
            "Logo of %s left out of the brochure: %s", organization.slug, error
        )
        return None
    output = BytesIO()
    flat.save(output, "JPEG", quality=88)
    output.seek(0)
    scale = min(LOGO_BOX[0] / flat.width, LOGO_BOX[1] / flat.height)
    return Image(output, width=flat.width * scale, height=flat.height * scale)
