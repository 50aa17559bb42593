"""Settings of the cluster portal, read from the environment.

A fresh checkout runs without any variables set: SQLite, local-memory cache,
console e-mail and media in the project folder. Production sets at least
``DEBUG=0``, ``SECRET_KEY``, ``ALLOWED_HOSTS`` and ``DATABASE_URL``; the README
lists every variable.
"""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

# --- Core -------------------------------------------------------------------

DEBUG = env.bool("DEBUG", default=True)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "django-insecure-local-development-key-never-use-in-production"

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

SITE_ID = 1
# The public host name; sitemaps and django CMS build absolute links from it.
SITE_DOMAIN = env.str("SITE_DOMAIN", default="127.0.0.1:8000")
SITE_NAME = "Cluster Chemie/Kunststoffe Mitteldeutschland"
ROOT_URLCONF = "cluster_portal.urls"
WSGI_APPLICATION = "cluster_portal.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Applications -----------------------------------------------------------

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before it.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    # failed logins, locks and their admin
    "axes",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    # django CMS and its editing add-ons
    "cms",
    "menus",
    "treebeard",
    "sekizai",
    "djangocms_versioning",
    "djangocms_text",
    "djangocms_link",
    "djangocms_frontend",
    "djangocms_frontend.contrib.image",
    "djangocms_frontend.contrib.link",
    "filer",
    "easy_thumbnails",
    # background tasks, queued in the database
    "django_tasks",
    "django_tasks_db",
    # the portal
    "cluster_portal",
    "members",
    "events",
    "newsletter",
    # site search (full-text search on PostgreSQL, FTS5 on SQLite)
    "django.contrib.postgres",
    "search",
]

MIDDLEWARE = [
    # Answers /healthz before the host check and HTTPS redirect: see health.py
    "cluster_portal.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above the page cache, so cached hits carry these headers too.
    "cluster_portal.content_security.PortalCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # After the header middleware, before sessions: see cluster_portal/page_cache.py
    "cluster_portal.page_cache.PageCacheMiddleware",
    # After the page cache, whose hits need no URLs.
    "cluster_portal.apphook_reload.ApphookReloadMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.middleware.user.CurrentUserMiddleware",
    "cms.middleware.page.CurrentPageMiddleware",
    "cms.middleware.toolbar.ToolbarMiddleware",
    # Turns a locked login into the lock page (members/lockout.py); inside the
    # page cache, whose hits never log in.
    "axes.middleware.AxesMiddleware",
    # Innermost: the caching headers the view set (cluster_portal/page_cache.py).
    "cluster_portal.page_cache.ViewCachingHeadersMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cms.context_processors.cms_settings",
                "sekizai.context_processors.sekizai",
            ],
        },
    },
]

# --- Data -------------------------------------------------------------------

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
}
# Reusing connections matters: opening one per request halves throughput.
DATABASES["default"]["CONN_MAX_AGE"] = env.int(
    "CONN_MAX_AGE", default=0 if DEBUG else 600
)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded database is written by several processes at once (the web
    # workers, the task worker). A transaction takes the write lock when it
    # begins and waits for it; begun as a reader, it would fail with
    # "database is locked" on its first write while another one writes. WAL
    # lets readers go on during a write.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        }
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The portal's indexes are in memory, where a random read costs little
    # more than a sequential one. With the default cost of one (4, for
    # spinning disks) the planner checks every row's search vector rather
    # than read the site search's GIN index, which is ten times faster.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "options", "-c random_page_cost=1.1"
    )

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://cluster-portal")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # A stopped Redis is a miss, not an error (cluster_portal/cache_backend.py);
    # short timeouts keep an unreachable one from stalling every request.
    CACHES["default"]["BACKEND"] = "cluster_portal.cache_backend.ResilientRedisCache"
    CACHES["default"].setdefault("OPTIONS", {}).update(
        {"socket_connect_timeout": 1, "socket_timeout": 2}
    )

# --- E-mail -----------------------------------------------------------------

# EMAIL_BACKEND, EMAIL_HOST, EMAIL_PORT, ... as django-environ parses them.
EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="cluster-chemie-kunststoffe@online.de"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Languages and time -----------------------------------------------------

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
LANGUAGE_CODES = [code for code, _name in LANGUAGES]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Berlin"
USE_TZ = True

# The apps' translated fields follow the same languages; German is the fallback.
MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
MODELTRANSLATION_LANGUAGES = tuple(LANGUAGE_CODES)
MODELTRANSLATION_FALLBACK_LANGUAGES = (LANGUAGE_CODE,)
# The admin's language tabs need jQuery UI; served by the site, not a CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

# --- Static and media files -------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# With DEBUG off, public media are the web server's to serve; SERVE_MEDIA=1
# has Django serve them, for test sites without a web server in front.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=False)
# Members-only files: outside MEDIA_ROOT, sent only by views that check access.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "private_media")

STORAGES = {
    # Uploads appear only when complete (cluster_portal/storage.py).
    "default": {"BACKEND": "cluster_portal.storage.WholeFileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

THUMBNAIL_PROCESSORS = (
    "easy_thumbnails.processors.colorspace",
    "easy_thumbnails.processors.autocrop",
    "filer.thumbnail_processors.scale_and_crop_with_subject_location",
    "easy_thumbnails.processors.filters",
)

# --- django CMS -------------------------------------------------------------

CMS_CONFIRM_VERSION4 = True
CMS_TEMPLATES = [
    ("pages/content.html", _("Content page")),
    ("pages/overview.html", _("Overview page with its subpages")),
    ("pages/home.html", _("Homepage")),
]
CMS_LANGUAGES = {
    SITE_ID: [
        {"code": code, "name": name, "public": True, "fallbacks": []}
        for code, name in LANGUAGES
    ],
    "default": {"hide_untranslated": True, "redirect_on_fallback": False},
}
# Visitors never see the toolbar, not even its login form.
CMS_TOOLBAR_ANONYMOUS_ON = False
# The portal's page cache (cluster_portal/page_cache.py) serves every public
# page, CMS pages included; django CMS's own caches would only duplicate it.
CMS_PAGE_CACHE = False
CMS_PLACEHOLDER_CACHE = False
CMS_PLUGIN_CACHE = False
DJANGOCMS_VERSIONING_ALLOW_DELETING_VERSIONS = False
TEXT_INLINE_EDITING = True
# Postal addresses keep their semantics in text plugins.
TEXT_ADDITIONAL_ATTRIBUTES = {"address": set()}
# The text editor only offers what the site's stylesheet supports.
TEXT_EDITOR_SETTINGS = {
    "toolbar": [
        ["Undo", "Redo"],
        ["Format", "Bold", "Italic", "RemoveFormat"],
        ["NumberedList", "BulletedList", "Blockquote"],
        ["Link", "Unlink", "cmsplugins"],
        ["Source"],
    ],
}

# --- Security ---------------------------------------------------------------

# django CMS opens its editing dialogs in frames of the same site.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = [
    "security.W019",
    # django CMS 5.1 requires treebeard < 6; this warns about treebeard 6.
    "treebeard.E001",
]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    # Behind a TLS-terminating reverse proxy that sets X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool(
        "SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True
    )
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)

# --- Login throttling (django-axes) and password-reset limits -----------------

# Reverse proxies in front of gunicorn that append to X-Forwarded-For; with 0
# (the default) the client is REMOTE_ADDR and the header is ignored.
TRUSTED_PROXIES = env.int(
    "TRUSTED_PROXIES", default=env.int("NEWSLETTER_TRUSTED_PROXIES", default=0)
)
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Failed logins per user name, and per client address, before a lock; the
# lock lifts itself LOGIN_COOLOFF_MINUTES after the last failed attempt.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "cluster_portal.throttle.client_ip"
AXES_LOCKOUT_CALLABLE = "members.lockout.locked_out"
# Attempts are kept in the database, shared by all hosts; staff lift locks in
# the admin. Successful logins are not recorded.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_DISABLE_ACCESS_LOG = True
# Password-reset requests per e-mail address and per client address within
# the period (seconds); beyond them the same page answers and no mail goes out.
PASSWORD_RESET_LIMIT_PER_EMAIL = env.int("PASSWORD_RESET_LIMIT_PER_EMAIL", default=3)
PASSWORD_RESET_LIMIT_PER_IP = env.int("PASSWORD_RESET_LIMIT_PER_IP", default=20)
PASSWORD_RESET_LIMIT_PERIOD = env.int("PASSWORD_RESET_LIMIT_PERIOD", default=3600)

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "my-area"
LOGOUT_REDIRECT_URL = "pages-root"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

# --- Logging ----------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

# --- CKnews and news (newsletter app) ----------------------------------------

# Sender of the CKnews mails and of the subscription mails.
NEWSLETTER_FROM_EMAIL = env.str("NEWSLETTER_FROM_EMAIL", default=DEFAULT_FROM_EMAIL)
# How long a confirmation link works (seconds); unsubscribe links by default
# work as long as the mails carrying them (None: no expiry).
NEWSLETTER_CONFIRMATION_MAX_AGE = env.int(
    "NEWSLETTER_CONFIRMATION_MAX_AGE", default=7 * 24 * 3600
)
NEWSLETTER_UNSUBSCRIBE_MAX_AGE = None
# Subscription attempts per address and per client IP within the period.
NEWSLETTER_RATE_LIMIT_PER_EMAIL = env.int("NEWSLETTER_RATE_LIMIT_PER_EMAIL", default=3)
NEWSLETTER_RATE_LIMIT_PER_IP = env.int("NEWSLETTER_RATE_LIMIT_PER_IP", default=20)
NEWSLETTER_RATE_LIMIT_PERIOD = env.int("NEWSLETTER_RATE_LIMIT_PERIOD", default=3600)
# Messages per SMTP connection when sending an issue (and per admin step).
NEWSLETTER_SEND_BATCH_SIZE = env.int("NEWSLETTER_SEND_BATCH_SIZE", default=100)
# A send task hands on to a fresh one after this many seconds, which keeps
# each run far below TASKS_STALE_AFTER.
NEWSLETTER_SEND_TASK_SECONDS = env.int("NEWSLETTER_SEND_TASK_SECONDS", default=120)
# Temporary refusals (4xx, dropped connections) are retried after 1, 2, 4, ...
# times the base delay (seconds), at most NEWSLETTER_SEND_MAX_ATTEMPTS times.
NEWSLETTER_RETRY_DELAY = env.int("NEWSLETTER_RETRY_DELAY", default=60)
NEWSLETTER_SEND_MAX_ATTEMPTS = env.int("NEWSLETTER_SEND_MAX_ATTEMPTS", default=6)

# --- Background tasks -------------------------------------------------------

# Tasks are queued in the database (no extra server); `manage.py run_worker`
# runs them. TASKS_BACKEND=django_tasks.backends.immediate.ImmediateBackend
# runs them inside the request instead (only for trying things out).
TASKS = {
    "default": {
        "BACKEND": env.str("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend")
    }
}
# A task still marked running after this many seconds lost its worker (killed,
# host gone) and is queued again; every task must therefore be safe to rerun.
TASKS_STALE_AFTER = env.int("TASKS_STALE_AFTER", default=15 * 60)

# --- CKreihe (events app) -----------------------------------------------------

# Largest file an editor may upload as a CKreihe document (bytes).
CKREIHE_MAX_UPLOAD_BYTES = env.int(
    "CKREIHE_MAX_UPLOAD_BYTES", default=100 * 1024 * 1024
)
# How the download view hands files over once it has checked access: "" streams
# them through Django; "nginx" answers with X-Accel-Redirect (members-only files
# under CKREIHE_SENDFILE_PREFIX, an `internal` location; public ones under
# MEDIA_URL); "apache" answers with X-Sendfile and the file's absolute path.
CKREIHE_SENDFILE = env.str("CKREIHE_SENDFILE", default="")
CKREIHE_SENDFILE_PREFIX = env.str("CKREIHE_SENDFILE_PREFIX", default="/protected/")

# --- Media on S3-compatible object storage (optional) -------------------------

# With MEDIA_S3_BUCKET set, public files (under media/) and members-only files
# (under private/) live in that bucket instead of MEDIA_ROOT and
# PRIVATE_MEDIA_ROOT. boto3 reads AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.
# Members-only files are still only streamed by the download view, after its
# permission check; only the media/ prefix may be readable by the public.
MEDIA_S3_BUCKET = env.str("MEDIA_S3_BUCKET", default="")
if MEDIA_S3_BUCKET:
    if CKREIHE_SENDFILE:
        raise ImproperlyConfigured(
            "CKREIHE_SENDFILE hands out files from disk; leave it empty with "
            "MEDIA_S3_BUCKET."
        )
    _S3_OPTIONS = {
        "bucket_name": MEDIA_S3_BUCKET,
        "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
        "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
        "file_overwrite": False,
    }
    _S3_PUBLIC_OPTIONS = _S3_OPTIONS | {
        "location": "media",
        # Public files have stable URLs, so cached pages keep working.
        "querystring_auth": False,
        "custom_domain": env.str("AWS_S3_CUSTOM_DOMAIN", default="") or None,
    }
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": _S3_PUBLIC_OPTIONS,
    }
    # django-filer's images and their thumbnails, next to the other public files.
    FILER_STORAGES = {
        "public": {
            kind: {
                "ENGINE": "storages.backends.s3.S3Storage",
                "OPTIONS": _S3_PUBLIC_OPTIONS,
            }
            for kind in ("main", "thumbnails")
        }
    }
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": _S3_OPTIONS | {"location": "private", "querystring_expire": 60},
    }
    # Where pages' images come from (the Content-Security-Policy's img-src).
    if _S3_PUBLIC_OPTIONS["custom_domain"]:
        _MEDIA_ORIGINS = [f"https://{_S3_PUBLIC_OPTIONS['custom_domain']}"]
    elif _S3_OPTIONS["endpoint_url"]:
        _endpoint = urlsplit(_S3_OPTIONS["endpoint_url"])
        _MEDIA_ORIGINS = [f"{_endpoint.scheme}://{_endpoint.netloc}"]
    else:
        _MEDIA_ORIGINS = [f"https://{MEDIA_S3_BUCKET}.s3.amazonaws.com"]
        if _region := _S3_OPTIONS["region_name"]:
            _MEDIA_ORIGINS.append(
                f"https://{MEDIA_S3_BUCKET}.s3.{_region}.amazonaws.com"
            )
else:
    _MEDIA_ORIGINS = []

# --- Content-Security-Policy and Permissions-Policy --------------------------

# Content-Security-Policy (cluster_portal/content_security.py). Visitors'
# pages are cached and shared, so they carry no nonce: no inline script or
# style at all, only the site's own files.
_SELF = "'self'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [_SELF],
        "script-src": [_SELF],
        "style-src": [_SELF],
        "img-src": [_SELF, *_MEDIA_ORIGINS],
        "object-src": ["'none'"],
        "base-uri": [_SELF],
        "frame-ancestors": [_SELF],
        "form-action": [_SELF],
    }
}
# Logged-in staff (never served from the page cache): what django CMS's
# toolbar, structure mode, text editor and the admin need, as the editing
# journeys in tests/browser/test_content_security.py find it. Their scripts
# set inline event handlers (never inline <script>), their scripts and the
# text editor inline styles, and the toolbar's icons are data: images.
CONTENT_SECURITY_POLICY_STAFF = {
    "DIRECTIVES": CONTENT_SECURITY_POLICY["DIRECTIVES"]
    | {
        "script-src-attr": ["'unsafe-inline'"],
        "style-src": [_SELF, "'unsafe-inline'"],
        "img-src": [*CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"], "data:"],
    }
}
# Features of the browser the site never uses, denied to it and its frames.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "ambient-light-sensor",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# --- Page cache (cluster_portal/page_cache.py) --------------------------------

# How long a visitor's page stays cached at most (0 turns the cache off);
# content changes make it stale at once through versioned keys.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=24 * 3600)
# Query-string variants (filters, searches) stored per path and content version.
PAGE_CACHE_MAX_VARIANTS = env.int("PAGE_CACHE_MAX_VARIANTS", default=200)
# Larger responses are not stored.
PAGE_CACHE_MAX_BYTES = env.int("PAGE_CACHE_MAX_BYTES", default=1024 * 1024)
