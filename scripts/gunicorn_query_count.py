"""Gunicorn configuration that logs the SQL queries of every request.

Used by scripts/measure_queries.py; not for production.
"""

import sys

from django.db import connections
from django.db.backends.signals import connection_created

workers = 1
accesslog = None
_queries = []


def _count(execute, sql, params, many, context):
    _queries.append(sql)
    return execute(sql, params, many, context)


def _install_counter(sender, connection, **kwargs):
    # A reconnecting connection sends connection_created again.
    if _count not in connection.execute_wrappers:
        connection.execute_wrappers.append(_count)


def post_worker_init(worker):
    connection_created.connect(_install_counter)
    for connection in connections.all(initialized_only=True):
        _install_counter(None, connection)


def pre_request(worker, req):
    _queries.clear()


def post_request(worker, req, environ, resp):
    print(f"QUERIES {req.path} {len(_queries)}", file=sys.stderr, flush=True)
