"""The address guard: which hosts a run may reach.

Drafts are untrusted: a link to 127.0.0.1, a cloud metadata address or an intranet name must not
make citecheck fetch it. Every name is checked on every address it resolves to (and again once
connected, in `transport`), IPv6 forms that carry an IPv4 address are judged by that address,
and `allow_private_hosts` exempts a newsroom's own names and networks.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable

import httpx

Resolver = Callable[[str], Iterable[str]]


def system_resolve(host: str) -> list[str]:
    return sorted({info[4][0] for info in socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)})


def ip_refusal(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    """Why an address must not be fetched, or "" when it is a public one.

    IPv6 forms that carry an IPv4 address (mapped, 6to4, NAT64's well-known prefix) are judged by
    that address: 2002:7f00:1:: reaches 127.0.0.1 through a 6to4 relay, and 64:ff9b::a00:1
    reaches 10.0.0.1 through a NAT64 gateway, yet both look public to `is_global`."""
    form, embedded = _embedded_ipv4(ip)
    if embedded is not None:
        why = ip_refusal(embedded)
        return f"{form} form of a {why}" if why else ""
    for attr, what in (
        ("is_loopback", "loopback"),
        ("is_link_local", "link-local"),
        ("is_multicast", "multicast"),
        ("is_unspecified", "unspecified"),
        ("is_private", "private"),
        ("is_reserved", "reserved"),
    ):
        if getattr(ip, attr):
            return what
    return "" if ip.is_global else "non-public"


_NAT64_WKP = ipaddress.IPv6Network(
    "64:ff9b::/96"
)  # RFC 6052; 64:ff9b:1::/48 is refused as reserved


def _embedded_ipv4(
    ip: ipaddress.IPv4Address | ipaddress.IPv6Address,
) -> tuple[str, ipaddress.IPv4Address | None]:
    """The IPv4 address an IPv6 address stands for, and the form, when it is a translation."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return "IPv4-mapped", ip.ipv4_mapped
        if ip.sixtofour is not None:
            return "6to4", ip.sixtofour
        if ip in _NAT64_WKP:
            return "NAT64", ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return "", None


class Exemptions:
    """`allow_private_hosts`: names (a name covers its subdomains) and CIDR networks."""

    def __init__(self, entries: Iterable[str] = ()):
        self.names: set[str] = set()
        self.networks: list[ipaddress.IPv4Network | ipaddress.IPv6Network] = []
        for entry in entries:
            entry = entry.strip().strip("[]").rstrip(".").lower()
            try:
                self.networks.append(ipaddress.ip_network(entry, strict=False))
            except ValueError:
                if entry:
                    self.names.add(entry)

    def name(self, host: str) -> bool:
        return any(host == n or host.endswith("." + n) for n in self.names)

    def address(self, ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        return any(ip.version == net.version and ip in net for net in self.networks)


def decide(
    host: str,
    resolve: Resolver | None,
    allow_private: bool,
    exempt: Exemptions | None = None,
) -> tuple[str, str]:
    """("ok" | "blocked" | "dns", reason) for one host."""
    if allow_private:
        return "ok", ""
    exempt = exempt or Exemptions()
    host = host.strip("[]").rstrip(".").lower()
    try:
        literal = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        literal = None
    if literal is not None:
        why = "" if exempt.address(literal) else ip_refusal(literal)
        return ("blocked", f"{host} is a {why} address") if why else ("ok", "")
    if exempt.name(host):
        return "ok", ""
    if host == "localhost" or host.endswith(".localhost"):
        return "blocked", f"{host} is a loopback name"
    if resolve is None:
        return "ok", ""
    try:
        addresses = list(resolve(host))
    except OSError as exc:
        return "dns", f"cannot resolve {host}: {exc}"
    if not addresses:
        return "dns", f"{host} resolves to no address"
    for addr in addresses:
        try:
            ip = ipaddress.ip_address(str(addr).split("%", 1)[0])
        except ValueError:
            return "blocked", f"{host} resolves to an unparsable address {addr!r}"
        why = "" if exempt.address(ip) else ip_refusal(ip)
        if why:
            return "blocked", f"{host} resolves to {why} address {addr}"
    return "ok", ""


def address_allowed(
    host: str,
    resolve: Resolver | None = system_resolve,
    *,
    allow_private: bool = False,
    allow_hosts: Iterable[str] = (),
) -> tuple[bool, str]:
    """Decide whether `host` may be fetched: no loopback, private, link-local ... addresses.

    Names are checked on every address they resolve to (a name is refused if any is internal).
    `resolve=None` skips name resolution (cassette replay: no DNS) and checks literal IPs only.
    `allow_hosts` exempts names (with their subdomains) and CIDR networks.
    """
    verdict, why = decide(host, resolve, allow_private, Exemptions(allow_hosts))
    return verdict == "ok", why



def host_of(url: str) -> str | None:
    """The host of an http(s) URL, or None when the URL cannot be fetched."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError):
        return None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        return None
    return parsed.host


# Names that only mean something inside one network: never sent to the Internet Archive.
_LOCAL_SUFFIXES = (".local", ".localhost", ".internal", ".intranet", ".lan", ".corp", ".home")


def archivable(url: str, host: str, exempt: Exemptions) -> bool:
    """Whether asking the Internet Archive about `url` leaks nothing internal."""
    host = host.lower().rstrip(".")
    try:
        ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
        return False  # a bare address: nothing the archive would hold, maybe an internal one
    except ValueError:
        pass
    if "." not in host or host.endswith(_LOCAL_SUFFIXES) or exempt.name(host):
        return False
    return not url.startswith("https://web.archive.org/")
