import warnings

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image

MAX_LOGO_BYTES = 2 * 1024 * 1024
MAX_LOGO_PIXELS = 4000 * 4000


def validate_logo(upload):
    """Accept only a real, reasonably sized raster image.

    Pillow opens the file lazily; a decompression bomb (a small file that
    unpacks to billions of pixels) is refused before it is decoded.
    """
    if upload.size > MAX_LOGO_BYTES:
        raise ValidationError(
            _("The logo is %(size)s; it may be at most %(limit)s."),
            params={
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(MAX_LOGO_BYTES),
            },
            code="logo_too_large",
        )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                width, height = image.size
                if width * height > MAX_LOGO_PIXELS:
                    raise ValidationError(
                        _(
                            "The logo is %(width)s × %(height)s pixels; it may have at "
                            "most 16 megapixels."
                        ),
                        params={"width": width, "height": height},
                        code="logo_too_many_pixels",
                    )
                image.verify()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(
            _("The logo has far too many pixels."), code="logo_bomb"
        ) from error
    except Exception as error:  # Pillow raises many kinds for broken files.
        raise ValidationError(
            _("The logo is not an image that can be read (PNG, JPEG, GIF or WebP)."),
            code="logo_invalid",
        ) from error
    finally:
        upload.seek(0)
