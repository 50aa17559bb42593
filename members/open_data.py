"""The Clusteratlas as open data: CSV, JSON, JSON-LD and vCard.

Every format carries the same published fields, the ones an organisation's
public page shows; people, member accounts and members' pending changes never
appear. The format is described in the README ("Open data").
"""

import csv
import io
import json

from django.utils import timezone

from .models import OpenDataSettings

FORMAT = "clusteratlas-organizations"
FORMAT_VERSION = "1.0"
SCHEMA = "https://schema.org/"
CLUSTER_NAME = "Zukunftscluster Chemie/Kunststoffe Mitteldeutschland"

LICENCES = {
    OpenDataSettings.Licence.CC0: (
        "CC0-1.0",
        "https://creativecommons.org/publicdomain/zero/1.0/",
    ),
    OpenDataSettings.Licence.CC_BY: (
        "CC-BY-4.0",
        "https://creativecommons.org/licenses/by/4.0/",
    ),
    OpenDataSettings.Licence.DL_ZERO: (
        "DL-DE-ZERO-2.0",
        "https://www.govdata.de/dl-de/zero-2-0",
    ),
    OpenDataSettings.Licence.DL_BY: (
        "DL-DE-BY-2.0",
        "https://www.govdata.de/dl-de/by-2-0",
    ),
}

# The fields of one organisation, in this order in the CSV's columns.
FIELDS = (
    "id",
    "url",
    "name",
    "short_name",
    "kind",
    "size",
    "sectors",
    "description_de",
    "description_en",
    "website",
    "email",
    "phone",
    "fax",
    "street",
    "postcode",
    "city",
    "federal_state",
    "latitude",
    "longitude",
    "is_member",
    "logo",
)

# Spreadsheets run a cell beginning with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def licence_of(settings_row):
    """The chosen licence as {"id", "name", "url"}, or None while undecided."""
    if settings_row.licence not in LICENCES:
        return None
    identifier, url = LICENCES[settings_row.licence]
    return {
        "id": identifier,
        "name": str(settings_row.get_licence_display()),
        "url": url,
    }


def _decimal(value):
    return None if value is None else float(value)


def organization_record(organization, absolute):
    """The published fields of an organisation, keyed as FIELDS names them.

    `absolute` turns a path into an absolute URL (request.build_absolute_uri).
    """
    return {
        "id": organization.pk,
        "url": absolute(organization.get_absolute_url()),
        "name": organization.name,
        "short_name": organization.short_name,
        "kind": organization.kind,
        "size": organization.size,
        "sectors": [sector.slug for sector in organization.sectors.all()],
        "description_de": organization.description_de or "",
        "description_en": organization.description_en or "",
        "website": organization.website,
        "email": organization.email,
        "phone": organization.phone,
        "fax": organization.fax,
        "street": organization.street,
        "postcode": organization.postcode,
        "city": organization.city,
        "federal_state": organization.federal_state,
        "latitude": _decimal(organization.latitude),
        "longitude": _decimal(organization.longitude),
        "is_member": organization.is_member,
        "logo": absolute(organization.logo.url) if organization.logo else None,
    }


def neutralise(cell):
    """A text cell a spreadsheet shows as text, never runs as a formula."""
    if cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = ";".join(value)
    if isinstance(value, str):
        return neutralise(value)
    return str(value)


def directory_csv(organizations, absolute):
    """The organisations as CSV text: a header row, then one row each."""
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow(FIELDS)
    for organization in organizations:
        record = organization_record(organization, absolute)
        writer.writerow(_csv_cell(record[field]) for field in FIELDS)
    return output.getvalue()


def directory_json(organizations, absolute, *, source, licence):
    """The organisations in the versioned JSON format, as a dict."""
    records = [organization_record(org, absolute) for org in organizations]
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "source": source,
        "generated": timezone.now().isoformat(timespec="seconds"),
        "licence": licence,
        "count": len(records),
        "organizations": records,
    }


def _address(organization):
    address = {
        "@type": "PostalAddress",
        "streetAddress": organization.street,
        "postalCode": organization.postcode,
        "addressLocality": organization.city,
    }
    if organization.federal_state and organization.federal_state != "elsewhere":
        address["addressRegion"] = str(organization.get_federal_state_display())
        address["addressCountry"] = "DE"
    return {key: value for key, value in address.items() if value}


def organization_id(organization, absolute):
    """The stable ``@id`` of an organisation's Organization node, here and on
    other pages that point at it: its page's URL plus ``#organization``."""
    return absolute(organization.get_absolute_url()) + "#organization"


def organization_node(organization, absolute, *, cluster_id, sectors_id):
    """An organisation as a schema.org Organization node."""
    page = absolute(organization.get_absolute_url())
    node = {
        "@type": "Organization",
        "@id": organization_id(organization, absolute),
        "identifier": str(organization.pk),
        "name": organization.name,
        "alternateName": organization.short_name,
        "description": organization.description,
        "mainEntityOfPage": page,
        "url": organization.website or page,
        "email": organization.email,
        "telephone": organization.phone,
        "faxNumber": organization.fax,
    }
    node = {key: value for key, value in node.items() if value}
    address = _address(organization)
    if len(address) > 1:
        node["address"] = address
    if organization.logo:
        node["logo"] = absolute(organization.logo.url)
    if organization.latitude is not None and organization.longitude is not None:
        node["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(organization.latitude),
            "longitude": float(organization.longitude),
        }
    sectors = [
        {
            "@type": "DefinedTerm",
            "name": sector.name,
            "termCode": sector.slug,
            "inDefinedTermSet": sectors_id,
        }
        for sector in organization.sectors.all()
    ]
    if sectors:
        node["knowsAbout"] = sectors
    if organization.is_member:
        node["memberOf"] = {"@id": cluster_id}
    return node


def directory_graph(organizations, absolute, *, source, licence, language):
    """The organisations as a JSON-LD graph of schema.org nodes, with the
    cluster they are members of and the data set they come from."""
    cluster_id = absolute("/") + "#cluster"
    sectors_id = source.split("?")[0] + "#sectors"
    nodes = [
        organization_node(org, absolute, cluster_id=cluster_id, sectors_id=sectors_id)
        for org in organizations
    ]
    dataset = {
        "@type": "Dataset",
        "@id": source,
        "name": "Clusteratlas",
        "inLanguage": language,
        "dateModified": timezone.now().isoformat(timespec="seconds"),
        "creator": {"@id": cluster_id},
        "hasPart": [{"@id": node["@id"]} for node in nodes],
    }
    if licence:
        dataset["license"] = licence["url"]
    cluster = {"@type": "Organization", "@id": cluster_id, "name": CLUSTER_NAME}
    return {
        # An inline context: expanding the data never fetches anything.
        "@context": {"@vocab": SCHEMA},
        "@graph": [dataset, cluster, *nodes],
    }


def to_json(data):
    return json.dumps(data, ensure_ascii=False, indent=1)
