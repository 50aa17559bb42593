"""Import of organisations from the CSV or Excel lists the cluster management
keeps.

Every row is validated first, through a Django form, so the editor sees every
problem of a file at once, with row, column and Django's translated message.
Only a file without any error is written, in one transaction: an import never
leaves half a list behind.
"""

import csv
import io
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import PurePath

import openpyxl
from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .models import FederalState, Organization, Sector

logger = logging.getLogger(__name__)

MAX_FILE_SIZE = 5 * 1024 * 1024
MAX_ROWS = 2000  # the cluster has a few hundred actors; keeps a request short


def header_key(text):
    """The form in which headings and choice labels are compared: case,
    spacing, punctuation and Unicode composition do not matter, so "E-Mail",
    "e_mail" and "EMAIL", or "Straße" and "STRASSE", are the same."""
    text = unicodedata.normalize("NFC", str(text)).casefold()
    return re.sub(r"[\W_]+", "", text)


@dataclass(frozen=True)
class Column:
    """A column of the import file: the model field it fills, its heading in
    the German and English template and further headings found in real lists."""

    field: str
    header_de: str
    header_en: str
    aliases: tuple[str, ...] = ()

    def keys(self):
        names = (self.field, self.header_de, self.header_en, *self.aliases)
        return {header_key(name) for name in names}


# The one place that says which headings the import understands.
COLUMNS = (
    Column("name", "Name", "Name", ("Organisation", "Organization", "Firma")),
    Column("short_name", "Kurzname", "Short name", ("Kurzbezeichnung", "Kürzel")),
    Column("kind", "Art", "Kind", ("Typ", "Type", "Akteursart")),
    Column("size", "Größe", "Size", ("Groesse", "Unternehmensgröße")),
    Column("sectors", "Branchen", "Sectors", ("Branche", "Sector")),
    Column(
        "description_de",
        "Beschreibung (de)",
        "Description (de)",
        ("Beschreibung", "Beschreibung deutsch", "Description German"),
    ),
    Column(
        "description_en",
        "Beschreibung (en)",
        "Description (en)",
        ("Beschreibung englisch", "Description English"),
    ),
    Column(
        "website", "Website", "Website", ("Webseite", "Homepage", "Internet", "URL")
    ),
    Column("street", "Straße", "Street", ("Strasse", "Straße und Hausnummer")),
    Column("postcode", "PLZ", "Postcode", ("Postleitzahl", "Postal code", "ZIP")),
    Column("city", "Ort", "City", ("Stadt", "Town")),
    Column("federal_state", "Bundesland", "Federal state", ("State",)),
    Column("email", "E-Mail", "E-mail", ("Mail", "E-Mail-Adresse")),
    Column("phone", "Telefon", "Phone", ("Tel", "Telefonnummer", "Telephone")),
    Column("is_member", "Mitglied", "Member", ("Clustermitglied", "Cluster member")),
    Column("is_published", "Veröffentlicht", "Published", ("Sichtbar", "Öffentlich")),
)
COLUMN_BY_KEY = {key: column for column in COLUMNS for key in column.keys()}
IMPORT_FIELDS = tuple(column.field for column in COLUMNS)

# Spellings of the choices that real lists use besides the codes and the
# labels (which are accepted in German and English anyway).
CHOICE_ALIASES = {
    "kind": {
        Organization.Kind.COMPANY: ("Unternehmen", "Firma"),
        Organization.Kind.INSTITUTE: (
            "Forschungs- oder Bildungseinrichtung",
            "Forschung und Bildung",
            "Forschungseinrichtung",
            "Bildungseinrichtung",
            "Hochschule",
            "Institut",
            "Institute",
        ),
        Organization.Kind.ASSOCIATION: ("Verband", "Verein"),
        Organization.Kind.SERVICE_PROVIDER: ("Dienstleister", "Dienstleistung"),
        Organization.Kind.PUBLIC_BODY: (
            "Politik und Verwaltung",
            "Verwaltung",
            "Behörde",
            "Public body",
        ),
    },
    "size": {
        Organization.Size.LARGE: ("Großunternehmen", "groß", "Large"),
        Organization.Size.SME: ("KMU", "SME", "kleines oder mittleres Unternehmen"),
    },
    "federal_state": {
        FederalState.SAXONY: ("Sachsen",),
        FederalState.SAXONY_ANHALT: ("Sachsen-Anhalt",),
        FederalState.THURINGIA: ("Thüringen",),
        FederalState.ELSEWHERE: ("anderes Bundesland", "sonstiges", "other"),
    },
}
YES_WORDS = {"ja", "j", "yes", "y", "x", "1", "true", "wahr"}
NO_WORDS = {"", "nein", "n", "no", "0", "false", "falsch", "-"}


class ImportFileError(Exception):
    """The file as a whole cannot be imported; the message tells the editor why
    and what to do."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class SheetRow(dict):
    """A data row: cell texts by field name, plus the row number the editor
    sees in the spreadsheet (the heading row is row 1)."""

    def __init__(self, number, cells):
        super().__init__(cells)
        self.number = number


@dataclass
class Table:
    """The readable content of an import file."""

    rows: list[SheetRow]
    headers: dict[str, str]  # field name -> heading as written in the file
    ignored_columns: list[str] = field(default_factory=list)


@dataclass
class RowError:
    row: int
    field: str
    message: str


@dataclass
class ImportReport:
    """What an import did or, in a dry run, would do."""

    dry_run: bool
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    unpublished: list[str] = field(default_factory=list)  # created, not public
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def written(self):
        return not self.dry_run and not self.errors


# --- Reading the file ----------------------------------------------------------


def read_rows(uploaded_file) -> list[dict[str, str]]:
    """The data rows of an uploaded .csv or .xlsx file as dicts by field name
    (empty rows left out); raises ImportFileError if the file is unusable."""
    return read_table(uploaded_file).rows


def read_table(uploaded_file) -> Table:
    name = uploaded_file.name or ""
    extension = PurePath(name).suffix.lower()
    if extension not in (".csv", ".xlsx"):
        raise ImportFileError(
            _("Upload a .csv or .xlsx file; “%(name)s” is neither.") % {"name": name}
        )
    too_large = ImportFileError(
        _("The file is larger than %(limit)s. Split it into smaller files.")
        % {"limit": filesizeformat(MAX_FILE_SIZE)}
    )
    if uploaded_file.size and uploaded_file.size > MAX_FILE_SIZE:
        raise too_large
    uploaded_file.seek(0)
    data = uploaded_file.read(MAX_FILE_SIZE + 1)
    if len(data) > MAX_FILE_SIZE:
        raise too_large
    if not data.strip():
        raise ImportFileError(_("The file is empty."))
    records = _csv_records(data) if extension == ".csv" else _xlsx_records(data)
    return _table(records)


def _csv_records(data):
    """The records of a CSV file, one list of cell texts each."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(
            _(
                "The file is not saved as UTF-8, so its umlauts cannot be read. "
                "In Excel, save it as “CSV UTF-8 (comma delimited)”, or upload "
                "the .xlsx file instead."
            )
        ) from None
    header_line = text.split("\n", 1)[0]
    try:
        delimiter = csv.Sniffer().sniff(header_line, delimiters=";,").delimiter
    except csv.Error:
        delimiter = ";"  # what German Excel writes
    try:
        yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    except csv.Error as error:
        raise ImportFileError(
            _("The CSV file cannot be read: %(error)s") % {"error": error}
        ) from None


def _xlsx_records(data):
    """The records of the workbook's first sheet, read one by one: a small
    file can unpack to a great many rows."""
    try:
        workbook = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=True
        )
        try:
            for row in workbook.worksheets[0].iter_rows(values_only=True):
                yield [_cell_text(value) for value in row]
        finally:
            workbook.close()
    # A damaged workbook fails in the zip, XML or openpyxl layer, each with
    # exception types of its own; for the editor they all mean the same.
    except Exception:
        logger.warning("Unreadable workbook uploaded for import", exc_info=True)
        raise ImportFileError(
            _(
                "The Excel file cannot be read; it may be damaged. Open it in "
                "Excel, save it again as .xlsx and upload it once more."
            )
        ) from None


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a postcode or phone number typed as a number
    return str(value)


def _table(records):
    header = next(records, None)
    if header is None:
        raise ImportFileError(_("The file is empty."))
    headers, positions, ignored = {}, {}, []
    for position, heading in enumerate(header):
        heading = str(heading).strip()
        column = COLUMN_BY_KEY.get(header_key(heading))
        if column is None:
            if heading:
                ignored.append(heading)
            continue
        if column.field in headers:
            raise ImportFileError(
                _("The column “%(column)s” appears more than once.")
                % {"column": heading}
            )
        headers[column.field] = heading
        positions[column.field] = position
    if "name" not in headers:
        raise ImportFileError(
            _(
                "The column “Name” is missing. The first row must hold the "
                "column headings; the template file shows them."
            )
        )
    rows = []
    for number, record in enumerate(records, start=2):
        cells = {
            name: (record[position].strip() if position < len(record) else "")
            for name, position in positions.items()
        }
        if not any(cells.values()):
            continue
        if len(rows) == MAX_ROWS:
            raise ImportFileError(
                _(
                    "The file holds more than %(limit)s organisations. Split it "
                    "into smaller files."
                )
                % {"limit": MAX_ROWS}
            )
        rows.append(SheetRow(number, cells))
    if not rows:
        raise ImportFileError(
            _("The file holds no organisations, only the row of headings.")
        )
    return Table(rows=rows, headers=headers, ignored_columns=ignored)


# --- Validating a row ----------------------------------------------------------


@cache
def _choice_lookup(field_name):
    """Cell text key -> choice code, from codes, aliases and the labels in
    every language of the site."""
    choices = Organization._meta.get_field(field_name).choices
    lookup = {}
    for code, label in choices:
        names = [code, *CHOICE_ALIASES[field_name].get(code, ())]
        for language in ("de", "en"):
            with translation.override(language):
                names.append(str(label))
        lookup.update({header_key(name): code for name in names})
    return lookup


class ChoiceLabelField(forms.ChoiceField):
    """A choice given by its code or by a label in German or English."""

    def __init__(self, *, model_field, **kwargs):
        self.model_field = model_field
        field = Organization._meta.get_field(model_field)
        choices = field.choices if not field.blank else [("", ""), *field.choices]
        kwargs.setdefault("label", capfirst(field.verbose_name))
        super().__init__(choices=choices, required=not field.blank, **kwargs)

    def to_python(self, value):
        value = super().to_python(value).strip()
        # An unknown text stays as it is, so Django's message quotes it.
        return _choice_lookup(self.model_field).get(header_key(value), value)


class YesNoField(forms.Field):
    """ja/nein, yes/no, 1/0 or x; an empty cell means no."""

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        word = str(value or "").strip().casefold()
        if word in YES_WORDS:
            return True
        if word in NO_WORDS:
            return False
        raise ValidationError(_("Enter “yes” or “no”."), code="invalid")


class SectorListField(forms.Field):
    """Existing sectors, by name (German or English) or slug, separated by
    commas or semicolons."""

    def __init__(self, *, lookup=None, **kwargs):
        self.lookup = lookup or {}
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        value = str(value or "").strip()
        if not value:
            return []
        # A sector whose own name holds a comma is found as a whole first.
        whole = self.lookup.get(header_key(value))
        if whole is not None:
            return [whole]
        sectors, unknown = [], []
        for name in filter(None, (part.strip() for part in re.split("[,;]", value))):
            sector = self.lookup.get(header_key(name))
            if sector is None:
                unknown.append(name)
            elif sector not in sectors:
                sectors.append(sector)
        if unknown:
            raise ValidationError(
                ngettext(
                    "Unknown sector: %(names)s.",
                    "Unknown sectors: %(names)s.",
                    len(unknown),
                ),
                code="unknown_sector",
                params={"names": ", ".join(unknown)},
            )
        return sectors


def sector_lookup():
    """Name or slug key -> Sector, for all sectors, in one query."""
    lookup = {}
    for sector in Sector.objects.all():
        for name in (sector.slug, sector.name_en, sector.name_de):
            if name:
                lookup[header_key(name)] = sector
    return lookup


def _verbose(field_name):
    return capfirst(Organization._meta.get_field(field_name).verbose_name)


class OrganizationImportForm(forms.ModelForm):
    """One row of an import file. Only the columns the file has are validated
    and written: a list that holds just names and phone numbers updates the
    phone numbers and leaves everything else as it is."""

    kind = ChoiceLabelField(model_field="kind")
    size = ChoiceLabelField(model_field="size")
    federal_state = ChoiceLabelField(model_field="federal_state")
    sectors = SectorListField(label=_verbose("sectors"))
    website = forms.URLField(
        label=_verbose("website"), max_length=200, required=False, assume_scheme="https"
    )
    is_member = YesNoField(label=_verbose("is_member"))
    is_published = YesNoField(label=_verbose("is_published"))

    class Meta:
        model = Organization
        fields = IMPORT_FIELDS

    def __init__(self, *args, columns, sectors, **kwargs):
        super().__init__(*args, **kwargs)
        wanted = set(columns) | {"name"}
        if self.instance._state.adding:
            wanted.add("kind")  # a new organisation cannot do without
        for name in set(self.fields) - wanted:
            del self.fields[name]
        if "sectors" in self.fields:
            self.fields["sectors"].lookup = sectors

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"]
        # Excel turns the postcode 06120 into the number 6120 when a list is
        # typed in without formatting the column as text.
        if postcode.isdigit() and len(postcode) == 4:
            postcode = "0" + postcode
        return postcode


# --- Importing -----------------------------------------------------------------


def import_organizations(uploaded_file, *, dry_run: bool) -> ImportReport:
    """Create or update the organisations of an uploaded file.

    A row updates the organisation whose slug is the slug of its name, else it
    creates one. New organisations stay unpublished unless the file has a
    "Veröffentlicht" column saying otherwise. If any row has an error, nothing
    is written; a dry run never writes.
    """
    table = read_table(uploaded_file)
    report = ImportReport(dry_run=dry_run, ignored_columns=table.ignored_columns)
    slugs = {slugify(row.get("name", "")) for row in table.rows}
    existing = {
        organization.slug: organization
        for organization in Organization.objects.filter(slug__in=slugs - {""})
    }
    sectors = sector_lookup()
    forms_by_slug, first_row = {}, {}
    for row in table.rows:
        slug = slugify(row.get("name", ""))
        instance = existing.get(slug) or Organization(is_published=False)
        form = OrganizationImportForm(
            data=row, instance=instance, columns=table.headers, sectors=sectors
        )
        errors = _row_errors(row.number, form, table.headers)
        if row.get("name") and not slug:
            errors.append(
                RowError(
                    row.number,
                    table.headers["name"],
                    _("This name gives no web address; use letters or digits."),
                )
            )
        elif slug and slug in first_row:
            errors.append(
                RowError(
                    row.number,
                    table.headers["name"],
                    _(
                        "The organisation appears twice in the file "
                        "(also in row %(row)s)."
                    )
                    % {"row": first_row[slug]},
                )
            )
        first_row.setdefault(slug, row.number)
        report.errors.extend(errors)
        if errors:
            continue
        forms_by_slug[slug] = form
        name = form.cleaned_data["name"]
        if instance._state.adding:
            report.created.append(name)
            if not instance.is_published:
                report.unpublished.append(name)
        else:
            report.updated.append(name)
    if report.errors or dry_run:
        return report
    try:
        with transaction.atomic():
            for slug, form in forms_by_slug.items():
                form.instance.slug = slug
                form.save()
    except IntegrityError:
        # Someone created one of these organisations since the check above.
        raise ImportFileError(
            _(
                "The organisations were changed by someone else in the meantime. "
                "Nothing has been imported; upload the file again."
            )
        ) from None
    logger.info(
        "Imported organisations: %d created, %d updated",
        len(report.created),
        len(report.updated),
    )
    return report


def _row_errors(number, form, headers):
    errors = []
    for name, messages in form.errors.items():
        if name == NON_FIELD_ERRORS:
            label = ""
        else:
            label = headers.get(name) or str(form.fields[name].label)
        errors.extend(RowError(number, label, message) for message in messages)
    return errors


def template_csv(language):
    """A CSV file with the headings of every column, in the given language,
    for the editors to fill in (UTF-8 with BOM, so Excel shows umlauts)."""
    output = io.StringIO()
    heading = "header_de" if language == "de" else "header_en"
    csv.writer(output, delimiter=";").writerow(
        getattr(column, heading) for column in COLUMNS
    )
    return "\ufeff" + output.getvalue()


# Shown on the upload page, next to each column's heading.
COLUMN_HELP = {
    "name": gettext_lazy("Required. Rows are matched to existing entries by name."),
    "kind": gettext_lazy(
        "Required for new entries: company, institute, association, service "
        "provider or public body, in German or English."
    ),
    "size": gettext_lazy("For companies: SME (KMU) or large company."),
    "sectors": gettext_lazy(
        "Names of existing sectors, separated by commas or semicolons."
    ),
    "federal_state": gettext_lazy(
        "Saxony, Saxony-Anhalt, Thuringia or elsewhere, in German or English."
    ),
    "is_member": gettext_lazy("yes or no (also ja/nein, 1/0, x); empty means no."),
    "is_published": gettext_lazy(
        "yes or no. Without this column, new entries stay unpublished."
    ),
}
