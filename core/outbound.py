"""Server-side requests to addresses people typed in (webhook receivers) reach only the public internet.

A receiver's URL is checked twice: when it is saved (``url_problem``, a clear message in the form) and
when Warta connects (``GuardedAdapter``): the name is resolved, every address it resolves to is checked,
and the connection goes to the checked address itself (the TLS certificate and SNI and the Host header
keep the name), so a name that resolves elsewhere later (DNS rebinding) gains nothing.
Refused: loopback, private (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7), link-local
(169.254/16 with the cloud metadata address, fe80::/10), multicast, unspecified, reserved, and IPv6
forms that carry such an IPv4 address (::ffff:127.0.0.1, 6to4, NAT64), whatever the spelling
(2130706433, 0x7f.1 and 017700000001 resolve to 127.0.0.1 and are refused as such).

WARTA_OUTBOUND_ALLOWED_HOSTS lets an operator allow a court's own internal receiver: a host name
(matched exactly, its addresses then not checked) or an IP address or network (CIDR), matched against
the resolved address.

Written here rather than taken from a package: advocate is unmaintained, and requests-hardened (which
pins the resolved address the same way) has only an "allow loopback" switch, not a host/CIDR allow-list.
The platform API base URLs (WARTA_*_API_URL) and WARTA_FRONTEND_CACHE_URL are deployment settings, not
user input, and do not go through this guard.
"""

import ipaddress
import logging
import socket
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.utils.translation import gettext as _
from requests.adapters import HTTPAdapter
from requests.structures import CaseInsensitiveDict
from urllib3.exceptions import NameResolutionError

logger = logging.getLogger(__name__)

# Not global for Python's ipaddress (3.11) yet must not be reached; multicast counts as global there.
_EXTRA_BLOCKED = [ipaddress.ip_network(net) for net in ("100.64.0.0/10", "192.0.0.0/24", "198.18.0.0/15")]
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class BlockedAddress(requests.exceptions.ConnectionError):
    """The request would reach an internal address; raised before any connection is made."""

    def __init__(self, host, address):
        self.host, self.address = host, address
        super().__init__(f"{host} resolves to {address}, which is not a public address")


def allowed_entries():
    names, networks = set(), []
    for entry in getattr(settings, "WARTA_OUTBOUND_ALLOWED_HOSTS", ()) or ():
        entry = entry.strip().lower().strip("[]")
        if not entry:
            continue
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            names.add(entry.rstrip("."))
    return names, networks


def _embedded_ipv4(ip):
    """The IPv4 address an IPv6 address carries (mapped, 6to4, NAT64), or None."""
    if ip.version != 6:
        return None
    if ip.ipv4_mapped:
        return ip.ipv4_mapped
    if ip.sixtofour:
        return ip.sixtofour
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def is_public(ip):
    ip = ipaddress.ip_address(ip) if isinstance(ip, str) else ip
    inner = _embedded_ipv4(ip)
    if inner is not None and not is_public(inner):
        return False
    return ip.is_global and not ip.is_multicast and not any(ip in net for net in _EXTRA_BLOCKED)


def address_allowed(ip, networks):
    ip = ipaddress.ip_address(ip.split("%")[0]) if isinstance(ip, str) else ip
    return is_public(ip) or any(ip.version == net.version and ip in net for net in networks)


def resolve(host, port):
    """Every address the name resolves to (numeric spellings included, as the resolver reads them)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [info[4][0] for info in infos if info[0] in (socket.AF_INET, socket.AF_INET6)]


def checked_address(host, port):
    """The address to connect to: the first one the name resolves to, once all of them passed.

    Returns None for an allow-listed name (connect as usual); raises BlockedAddress.
    """
    host = host.strip("[]").rstrip(".").lower()
    names, networks = allowed_entries()
    if host in names:
        return None
    try:
        addresses = resolve(host, port)
    except (OSError, UnicodeError) as exc:
        # As urllib3 reports it: a failure before anything was sent, safe to retry (publishers.http).
        raise requests.exceptions.ConnectionError(NameResolutionError(host, None, exc)) from None
    for address in addresses:
        if not address_allowed(address, networks):
            logger.warning("outbound request to %s refused: it resolves to %s", host, address)
            raise BlockedAddress(host, address)
    if not addresses:
        raise requests.exceptions.ConnectionError(NameResolutionError(host, None, OSError("no address")))
    return addresses[0]


def url_problem(url):
    """Why Warta will not send to this URL (an Indonesian message), or None. Used when the URL is saved."""
    try:
        parts = urlsplit(url)
        host, port = parts.hostname, parts.port
    except ValueError:
        return _("Alamat URL tidak valid.")
    if parts.scheme not in ("http", "https"):
        return _("Alamat harus diawali http:// atau https://.")
    if not host:
        return _("Alamat URL tidak valid.")
    message = _("Alamat ini mengarah ke jaringan internal (%(address)s). Warta hanya mengirim ke alamat di "
                "internet; penerima internal pengadilan harus diizinkan dulu oleh pengelola server "
                "(WARTA_OUTBOUND_ALLOWED_HOSTS).")
    names, networks = allowed_entries()
    if host.rstrip(".") in names:
        return None
    if host == "localhost" or host.rstrip(".").endswith(".localhost"):
        return message % {"address": host}
    try:
        addresses = resolve(host, port or (443 if parts.scheme == "https" else 80))
    except (OSError, UnicodeError):
        return None  # not resolvable now: checked again, after resolving, at every send
    for address in addresses:
        if not address_allowed(address, networks):
            return message % {"address": address}
    return None


class GuardedAdapter(HTTPAdapter):
    """Connects to the checked address of the URL's host, keeping the name for Host, SNI and the certificate.

    Every connection goes through here, so each redirect hop (where a caller follows them) is checked too.
    """

    def build_connection_pool_key_attributes(self, request, verify, cert=None):
        host_params, pool_kwargs = super().build_connection_pool_key_attributes(request, verify, cert)
        name, port = host_params["host"], host_params["port"]
        address = checked_address(name, port or (443 if host_params["scheme"] == "https" else 80))
        if address is None:
            return host_params, pool_kwargs
        request.headers = CaseInsensitiveDict(request.headers or {})
        shown = f"[{name}]" if ":" in name else name
        request.headers["Host"] = f"{shown}:{port}" if port else shown
        if host_params["scheme"] == "https":
            pool_kwargs["assert_hostname"] = name
            pool_kwargs["server_hostname"] = name
        host_params["host"] = address
        return host_params, pool_kwargs

    def get_connection(self, url, proxies=None):  # the unchecked pre-2.32 path must not be taken
        raise NotImplementedError("GuardedAdapter connects only through get_connection_with_tls_context")


def guarded_session():
    session = requests.Session()
    adapter = GuardedAdapter()
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session
