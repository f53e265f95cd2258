"""Links in data: what an https URL may look like, which hosts are never linked, and the links
built from contacts. One home for each, so the check and the page agree on where a link goes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from urllib.parse import quote

from publicsuffixlist import PublicSuffixList

from .patterns import HOST

# What a browser reads the same way we do: https, a lowercase ASCII host name, then a path,
# query and fragment of URL characters only, percent-escapes well formed. No backslash (browsers
# read it as a slash), no user name, password or port, no percent-escape in the host.
_URL = re.compile(r"https://([^/?#]*)([/?#].*)?", re.DOTALL)
_URL_CHARACTERS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*")
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")

# Never linked, whatever data/hosts.yml says: link shorteners (they hide where a link goes),
# messaging channels and invitations, and file and image hosts (anyone can put anything there).
# An entry with a path covers that path and everything under it. Sellers' sites are not named
# here: they are on no allowlist, so links to them are refused anyway.
NEVER: tuple[str, ...] = (
    # shorteners
    "bit.ly", "t.co", "tinyurl.com", "goo.gl", "is.gd", "ow.ly", "buff.ly", "cutt.ly", "rb.gy", "t.ly",
    "s.id", "u.to", "clck.ru", "vk.cc", "shorturl.at", "tiny.cc", "rebrand.ly", "surl.li",
    # messaging channels, groups and invitations
    "t.me", "telegram.me", "telegram.dog", "wa.me", "chat.whatsapp.com", "whatsapp.com/channel",
    "signal.group", "signal.me", "line.me/r", "qm.qq.com", "jq.qq.com", "u.wechat.com",
    # file and image hosts, also under big portals
    "imgur.com", "imgbb.com", "ibb.co", "postimages.org", "cloud.mail.ru", "disk.yandex.ru",
    "disk.yandex.com", "drive.google.com", "docs.google.com", "dropbox.com", "mega.nz", "pan.baidu.com",
    "mediafire.com", "wetransfer.com",
)  # fmt: skip


def parse_https_url(value: str) -> str:
    """The URL normalised as a browser would (lowercase host), or ValueError with a sentence."""
    match = _URL.fullmatch(value)
    if not match:
        raise ValueError("must be an https URL (https://host/...)")
    host, rest = match.group(1), match.group(2) or ""
    if not value.isascii() or any(ch.isspace() for ch in value):
        raise ValueError("must be written in plain URL characters: no spaces, and non-Latin letters percent-encoded")
    if "\\" in value:
        raise ValueError("must not contain a backslash (a browser reads it as a slash)")
    if "@" in host or ":" in host:
        raise ValueError("must not contain a user name, password or port")
    host = host.lower()
    if not HOST.fullmatch(host):
        raise ValueError("must be an https URL with a full host name (letters, digits, hyphens and dots)")
    if not _URL_CHARACTERS.fullmatch(rest) or _BAD_ESCAPE.search(rest):
        raise ValueError("has characters a URL cannot hold; copy the address from the browser's address bar")
    replay = _REPLAY.fullmatch(rest)
    if replay:
        try:
            parse_https_url("https://" + replay.group(2))
        except ValueError as error:
            raise ValueError(f"is an archived copy of an address that {error}") from None
    else:
        _check_path(re.split(r"[?#]", rest)[0])
    return f"https://{host}{rest}"


# An archive's snapshot address: /web/<time stamp>[<mode>_]/<the archived address>.
_REPLAY = re.compile(r"/web/[0-9]{1,14}(?:[a-z]{2}_)?/(https?)://(.*)", re.DOTALL)


def replayed_url(url: str) -> str | None:
    """The address an archive snapshot replays (as https, how it is judged), or None when the URL
    has no snapshot's shape."""
    match = _URL.fullmatch(url)
    replay = _REPLAY.fullmatch(match.group(2) or "") if match else None
    return f"https://{replay.group(2)}" if replay else None


# A percent-escape of a character that needs none (letters, digits, - . _ ~), or of a slash or
# backslash: servers and browsers decode these, so the path they mean is not the path as written.
_NEEDLESS_ESCAPE = re.compile(r"%(?:[46][1-9A-Fa-f]|[57][0-9Aa]|3[0-9]|2[DdEe]|5[Ff]|7[Ee]|2[Ff]|5[Cc])")


def _check_path(path: str) -> None:
    """Refuse a path whose meaning changes on the way: a browser removes `.` and `..` segments (also
    written `%2e`) before it asks for the page, and servers read `//` and escaped letters or slashes
    as something else. What is judged is then exactly the path that is requested."""
    if _NEEDLESS_ESCAPE.search(path):
        raise ValueError(
            "has a percent-escape of a letter, digit, '-', '.', '_', '~' or a slash in its path; write the "
            "character itself (a browser or server decodes it, so the link would lead elsewhere)"
        )
    segments = path.split("/")[1:]
    if any(s in (".", "..") for s in segments):
        raise ValueError("has a '.' or '..' segment in its path; write the address the page is really at")
    if any(s == "" for s in segments[:-1]):
        raise ValueError("has an empty segment ('//') in its path; write the address the page is really at")


def host_and_path(url: str) -> tuple[str, str]:
    """The host and the lowercased path of a URL that parse_https_url accepted."""
    match = _URL.fullmatch(url)
    if not match:
        return "", ""
    return match.group(1), re.split(r"[?#]", match.group(2) or "")[0].lower()


def covers(entries: Iterable[str], url: str, *, paths_on_exact_host: bool = False) -> bool:
    """Whether any host entry (`example.com`, or `example.com/path` for a path and below) covers the URL.
    A host entry covers its subdomains. An entry with a path covers them too when it refuses (a never
    list), but with `paths_on_exact_host`, as when it allows one use, only that host."""
    host, path = host_and_path(url)
    for entry in entries:
        entry_host, _, entry_path = entry.partition("/")
        subdomain = host.endswith("." + entry_host) and not (entry_path and paths_on_exact_host)
        if not (host == entry_host or subdomain):
            continue
        if not entry_path or path == f"/{entry_path}" or path.startswith(f"/{entry_path}/"):
            return True
    return False


def mailto(address: str) -> str:
    """A mailto: link that can only ever address this one mailbox (no headers, no second recipient)."""
    return "mailto:" + quote(address, safe="@.+-_")


def tel(number: str) -> str:
    """A tel: link: the digits and a leading +, nothing else."""
    return "tel:" + re.sub(r"[^0-9+]", "", number)


@cache
def _public_suffixes() -> PublicSuffixList:
    return PublicSuffixList()  # the Public Suffix List as packaged, private suffixes (github.io) included


def is_public_suffix(host: str) -> bool:
    """Whether anyone can register a site under this name (com, co.uk, github.io, pages.dev)."""
    return bool(_public_suffixes().is_public(host))
