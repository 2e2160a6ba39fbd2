"""What the figures were measured on."""

import os
import platform
import sqlite3
import sys
from datetime import UTC, datetime


def _cpu_model():
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def _memory_gib():
    try:
        with open("/proc/meminfo") as info:
            for line in info:
                if line.startswith("MemTotal:"):
                    return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def describe():
    import django
    import wagtail

    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": os.cpu_count(),
        "cpu": _cpu_model(),
        "memory_gib": _memory_gib(),
        "os": f"{platform.system()} {platform.release()}",
        "python": sys.version.split()[0],
        "sqlite": sqlite3.sqlite_version,
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "load": round(os.getloadavg()[0], 2),
    }


def markdown(info):
    return (
        f"Measured {info['date']} on {info['cpus']} CPU(s) ({info['cpu']}), {info['memory_gib']} GiB RAM, "
        f"{info['os']}; Python {info['python']}, SQLite {info['sqlite']}, Django {info['django']}, "
        f"Wagtail {info['wagtail']}. Load average when the run started: {info['load']} (anything above 0 is "
        f"other work sharing the CPUs)."
    )
