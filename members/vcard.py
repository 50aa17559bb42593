"""An organisation's public contact data as a vCard 3.0 (RFC 2426)."""

from django.utils.translation import gettext


def _escape(value):
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
    )


def _fold(line):
    """Lines longer than 75 octets continue on lines starting with a space."""
    encoded = line.encode()
    parts = []
    while len(encoded) > 75:
        cut = 75 if not parts else 74
        # Never split inside a multi-byte UTF-8 character.
        while cut and (encoded[cut] & 0xC0) == 0x80:
            cut -= 1
        parts.append(encoded[:cut].decode())
        encoded = encoded[cut:]
    parts.append(encoded.decode())
    return "\r\n ".join(parts)


def organization_vcard(organization, page_url):
    """The vCard text of an organisation whose public page is at page_url."""
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"UID:clusteratlas-organization-{organization.pk}",
        f"FN:{_escape(organization.name)}",
        "N:;;;;",
        f"ORG:{_escape(organization.name)}",
        "X-ABShowAs:COMPANY",
    ]
    if organization.street or organization.postcode or organization.city:
        region = ""
        country = ""
        if organization.federal_state and organization.federal_state != "elsewhere":
            region = organization.get_federal_state_display()
            country = gettext("Germany")
        address = ";".join(
            _escape(part)
            for part in (
                "",
                "",
                organization.street,
                organization.city,
                region,
                organization.postcode,
                country,
            )
        )
        lines.append(f"ADR;TYPE=WORK:{address}")
    if organization.phone:
        lines.append(f"TEL;TYPE=WORK,VOICE:{_escape(organization.phone)}")
    if organization.fax:
        lines.append(f"TEL;TYPE=WORK,FAX:{_escape(organization.fax)}")
    if organization.email:
        lines.append(f"EMAIL;TYPE=INTERNET,WORK:{_escape(organization.email)}")
    if organization.website:
        lines.append(f"URL:{_escape(organization.website)}")
    if organization.latitude is not None and organization.longitude is not None:
        lines.append(f"GEO:{organization.latitude};{organization.longitude}")
    sectors = [_escape(sector.name) for sector in organization.sectors.all()]
    if sectors:
        lines.append("CATEGORIES:" + ",".join(sectors))
    if organization.description:
        lines.append(f"NOTE:{_escape(organization.description)}")
    lines.append(f"SOURCE:{_escape(page_url)}")
    lines.append("END:VCARD")
    return "".join(_fold(line) + "\r\n" for line in lines)
