"""The site's public media as a web server would serve it (what Meta downloads for image_url)."""

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer


class _MediaHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass

    def translate_path(self, path):
        # /media/<file> -> MEDIA_ROOT/<file>
        prefix = self.media_url
        if path.startswith(prefix):
            path = "/" + path[len(prefix):]
        return super().translate_path(path)


class MediaServer:
    def __init__(self, media_root, media_url="/media/"):
        handler = type("Handler", (_MediaHandler,), {"media_url": media_url})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(media_root)))
        self.thread = threading.Thread(target=self.server.serve_forever, name="fake-media", daemon=True)
        self.requests = 0

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    @property
    def url(self):
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"
