"""The static output as a WSGI app (WhiteNoise), so that gunicorn serves it exactly as it serves Django."""

import os

from whitenoise import WhiteNoise


def not_found(environ, start_response):
    start_response("404 Not Found", [("Content-Type", "text/plain; charset=utf-8")])
    return [b"not found"]


application = WhiteNoise(not_found, root=os.environ["WARTA_BENCH_STATIC_ROOT"], index_file=True)
