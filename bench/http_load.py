"""Serving a WSGI app with gunicorn on 127.0.0.1 and measuring requests per second against it."""

import http.client
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager

WORKERS = 2


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(port, path, host):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": host})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@contextmanager
def gunicorn(app, env, probe_path, host, workers=WORKERS):
    """Run `gunicorn app` (sync workers) until the block ends; yields the port once it answers."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", str(workers), "--bind", f"127.0.0.1:{port}",
         "--log-level", "warning", app],
        env={**os.environ, **env}, stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if get(port, probe_path, host)[0] == 200:
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn {app} did not start")
            time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


NGINX_CONF = """
worker_processes {workers};
pid {prefix}/nginx.pid;
error_log {prefix}/error.log;
events {{}}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {prefix}/tmp;
    proxy_temp_path {prefix}/tmp;
    fastcgi_temp_path {prefix}/tmp;
    uwsgi_temp_path {prefix}/tmp;
    scgi_temp_path {prefix}/tmp;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        index index.html index.xml;
        location / {{ try_files $uri $uri/ =404; }}
    }}
}}
"""


def nginx_available():
    return shutil.which("nginx") is not None and os.path.exists("/etc/nginx/mime.types")


@contextmanager
def nginx(root, workdir, probe_path, host, workers=WORKERS):
    """Serve `root` with nginx (as docs/nginx-static.conf does, minus TLS) until the block ends."""
    port = free_port()
    prefix = os.path.join(workdir, "nginx")
    os.makedirs(os.path.join(prefix, "tmp"), exist_ok=True)
    conf = os.path.join(prefix, "nginx.conf")
    with open(conf, "w") as handle:
        handle.write(NGINX_CONF.format(workers=workers, prefix=prefix, port=port, root=root))
    process = subprocess.Popen(["nginx", "-p", prefix, "-c", conf, "-g", "daemon off;"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if get(port, probe_path, host)[0] == 200:
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("nginx did not start")
            time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def requests_per_second(port, path, host, seconds, concurrency, expect=b""):
    """Closed loop: `concurrency` clients send GETs back to back for `seconds` (after a short warm-up)."""
    for _ in range(20):  # warm-up: imports, template loading, connection pools
        get(port, path, host)
    stop = time.monotonic() + seconds
    counts, errors = [0] * concurrency, [0] * concurrency

    def client(slot):
        while time.monotonic() < stop:
            status, body = get(port, path, host)
            if status == 200 and expect in body:
                counts[slot] += 1
            else:
                errors[slot] += 1

    started = time.monotonic()
    clients = [threading.Thread(target=client, args=(slot,)) for slot in range(concurrency)]
    for thread in clients:
        thread.start()
    for thread in clients:
        thread.join()
    elapsed = time.monotonic() - started
    return {"rps": sum(counts) / elapsed, "requests": sum(counts), "errors": sum(errors), "seconds": elapsed}
