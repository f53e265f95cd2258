"""Project copies with many countries, for the benchmark (`make bench`): synthetic or real-size.

Synthetic: countries are real (ISO 3166-1 codes, their region of data/regions.yml, their current currency
from CLDR); everything else is made up from the text pools in pools.yml, in both languages, with the
shape of the real files in data/countries/: 2–4 operators with contacts, 3–5 routes of mixed kinds
(always one `lapse`), rules, checklists, 4–6 FAQ entries and 8–16 sources. Links point at
example.com / example.org / example.net subdomains, which `allow_example_hosts` adds to a project
copy's data/hosts.yml. The same seed gives the same files.

Real-size (`real=True`): the real files in data/countries/ first, as they are, then copies of them in
turn, each under another country's code (its file name, `code:`, and that country's `region:` and
`currency:`); nothing else in the copy changes, so the files have the real files' size and text.
Source and operator ids are per file, so nothing else has to be made unique.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
from pathlib import Path
from typing import Any

import yaml
from babel.numbers import get_territory_currencies

from baohao.cldr import CURRENCY_CODES, ISO_COUNTRY_CODES, LANGS, country_name
from baohao.models import Country
from baohao.project import GENERATED_PAGES

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent  # pools.yml and regions.yml
HEADER = "# yaml-language-server: $schema=../../schema/country.schema.json\n# Synthetic country for `make bench`.\n"
# The renderer's pages in docs/ (files, and folders ending in /): never copied into a project copy.
GENERATED_DOCS = {pattern.format(lang=lang).rstrip("/") for pattern in GENERATED_PAGES for lang in LANGS}
EXAMPLE_HOSTS = {"operators": "example.com", "government": "example.org", "press": "example.net"}


def _pairs(items: list[dict[str, str]]) -> list[tuple[str, str]]:
    return [(item["zh"], item["en"]) for item in items]


def _read_yaml(name: str) -> Any:
    return yaml.load((DATA / name).read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


# The regions of data/regions.yml, by id -> space-separated ISO codes (benchmarks/regions.yml).
REGION_MEMBERS: dict[str, str] = _read_yaml("regions.yml")


def region_ids(source: Path = ROOT) -> list[str]:
    """The region ids of the project's data/regions.yml, in its order."""
    regions = yaml.safe_load((source / "data" / "regions.yml").read_text(encoding="utf-8"))["regions"]
    return [region["id"] for region in regions]


# Text pools (pools.yml): (zh, en) pairs with the same slots, and plain word lists.
_POOLS = _read_yaml("pools.yml")
SENTENCES = _pairs(_POOLS["sentences"])
SUBJECTS = _pairs(_POOLS["subjects"])
CONDITIONS = _pairs(_POOLS["conditions"])
VERBS = _pairs(_POOLS["verbs"])
OBJECTS = _pairs(_POOLS["objects"])
TITLES = {kind: _pairs(titles) for kind, titles in _POOLS["titles"].items()}
QUESTIONS = _pairs(_POOLS["questions"])
SOURCE_TITLES: list[str] = _POOLS["source_titles"]
SYLLABLES: list[str] = _POOLS["syllables"]
NEWS: list[str] = _POOLS["news"]
SOURCE_LANGS: list[str] = _POOLS["source_langs"]
REGISTRATION_KINDS: list[str] = _POOLS["registration_kinds"]


# --- countries ---------------------------------------------------------------------------


def country_catalogue() -> dict[str, tuple[str, str]]:
    """Every ISO code in REGION_MEMBERS with a current currency: code -> (region, currency)."""
    catalogue = {}
    known = region_ids()
    for region, members in REGION_MEMBERS.items():
        assert region in known, region
        for code in members.split():
            currencies = [c for c in get_territory_currencies(code.upper()) if c in CURRENCY_CODES]
            if code.upper() in ISO_COUNTRY_CODES and currencies:
                catalogue[code] = (region, currencies[0])
    return catalogue


def choose_codes(n: int, seed: int = 0) -> list[str]:
    """n distinct codes, taken in turn from each region so that any n is spread over regions."""
    rng = random.Random(seed)
    by_region: dict[str, list[str]] = {}
    for code, (region, _) in sorted(country_catalogue().items()):
        by_region.setdefault(region, []).append(code)
    queues = [rng.sample(codes, len(codes)) for _, codes in sorted(by_region.items())]
    rng.shuffle(queues)
    order = [queue[i] for i in range(max(map(len, queues))) for queue in queues if i < len(queue)]
    if n > len(order):
        raise ValueError(f"at most {len(order)} synthetic countries (asked for {n})")
    return order[:n]


class CountryWriter:
    """Builds one country's data (plain YAML values) from the pools with its own random stream."""

    def __init__(self, code: str, region: str, currency: str, vocab: dict[str, list[str]], seed: int = 0):
        self.rng = random.Random(f"{seed}-{code}")
        self.code, self.region, self.currency = code, region, currency
        self.documents, self.staff_languages = vocab["documents"], vocab["staff_languages"]
        self.today = dt.date.today()
        self.names = {lang: country_name(code, lang) for lang in ("zh", "en")}
        self.operators = self._brands(self.rng.randint(2, 4))
        self.source_ids: list[str] = []

    # -- small helpers

    def _brands(self, n: int) -> list[str]:
        brands: list[str] = []
        while len(brands) < n:
            brand = "".join(self.rng.sample(SYLLABLES, self.rng.randint(2, 3))).capitalize()
            if brand not in brands:
                brands.append(brand)
        return brands

    def _slots(self) -> dict[str, Any]:
        rng = self.rng
        op = rng.choice(self.operators)
        return {
            "op": op,
            "app": f"My {op}",
            "short": str(rng.randint(100, 9999)),
            "ussd": f"*{rng.randint(100, 999)}#",
            "phone": self._phone(),
            "days": rng.choice([15, 30, 60, 80, 90, 120, 180]),
            "months": rng.randint(2, 12),
            "year": rng.randint(2012, self.today.year - 1),
            "n": rng.randint(2, 20),
            "amount": rng.choice([1, 2, 5, 10, 50, 100, 200, 500]),
            "cur": self.currency,
            "city": self._brands(1)[0],
            "law": f"{rng.randint(10, 9999)}-{rng.choice('ABCDEFGHIKMNPRSTVX')}",
        }

    def built(self) -> tuple[str, str]:
        """A sentence from parts: subject, condition, verb, object."""
        parts = [self.rng.choice(pool) for pool in (SUBJECTS, CONDITIONS, VERBS, OBJECTS)]
        (sz, se), (cz, ce), (vz, ve), (oz, oe) = parts
        return f"{sz}{cz}{vz}{oz}。", f"{se} {ve} {oe} {ce}."

    def text(self, pool: list[tuple[str, str]], sentences: int = 1) -> dict[str, str]:
        """Text in both languages: `sentences` from the pool (sentence pools mixed with built sentences)."""
        mixed = pool is SENTENCES
        picked = [
            (self.built() if mixed and self.rng.random() < 0.7 else self.rng.choice(pool), self._slots())
            for _ in range(sentences)
        ]
        names = self.names
        zh = "".join(z.format(country=names["zh"], **slots) for (z, _), slots in picked)
        en = " ".join(e.format(country=names["en"], **slots) for (_, e), slots in picked)
        return {"zh": zh, "en": en}

    def refs(self, most: int = 2) -> list[str]:
        if self.rng.random() < 0.15:
            return []
        return self.rng.sample(self.source_ids, self.rng.randint(1, most))

    def note(self) -> dict[str, Any]:
        if self.rng.random() < 0.2:
            return {"text": self.text(SENTENCES), "advice": True}
        return {"text": self.text(SENTENCES), "sources": self.refs()}

    def date(self, newest: int, oldest: int) -> dt.date:
        return self.today - dt.timedelta(days=self.rng.randint(newest, oldest))

    def period(self) -> dict[str, Any]:
        low = self.rng.choice([30, 60, 90, 120])
        return {"min": low, "max": low + self.rng.choice([0, 30, 60, 90]), "unit": "days"}

    def _phone(self) -> str:
        groups = [self.rng.randint(1, 99), self.rng.randint(100, 999), self.rng.randint(100, 999)]
        groups += [self.rng.randint(10, 99), self.rng.randint(10, 99)]
        return "+" + " ".join(map(str, groups))

    def _some(self, items: list[str]) -> list[str]:
        return sorted(self.rng.sample(items, self.rng.randint(0, len(items) - 1)))

    def _op_id(self, brand: str) -> str:
        return brand.lower()

    # -- sections

    def sources(self) -> list[dict[str, Any]]:
        out = []
        for i in range(self.rng.randint(8, 16)):
            kind = self.rng.choices(["official", "press", "weak"], [6, 3, 1])[0]
            source = self._source(i, kind)
            if self.rng.random() < 0.4:
                source["published"] = self.date(400, 3000)
            source["checked"] = self.date(10, 200)
            out.append(source)
        self.source_ids = [s["id"] for s in out]
        return out

    def _source(self, i: int, kind: str) -> dict[str, Any]:
        rng = self.rng
        title = rng.choice(SOURCE_TITLES)
        slug = "-".join(title.lower().split()[:4])
        if kind == "official" and rng.random() < 0.7:
            publisher = rng.choice(self.operators)
            url = f"https://{self._op_id(publisher)}.{self.code}.example.com/{rng.choice(SOURCE_LANGS)}/{slug}"
        elif kind == "official":
            publisher = f"{self.names['en']} communications regulator"
            url = f"https://regulator.{self.code}.example.org/docs/{rng.randint(100, 99999)}"
        else:
            publisher = f"{self._brands(1)[0]} {rng.choice(NEWS)}"
            host = "forum" if kind == "weak" else publisher.split()[0].lower()
            url = f"https://{host}.{self.code}.example.net/{rng.randint(2015, 2026)}/{rng.randint(1, 12)}/{slug}-{i}"
        return {
            "id": f"{slug.split('-')[0]}-{slug.split('-')[-1]}-{i}",
            "url": url,
            "title": title,
            "lang": rng.choice(SOURCE_LANGS),
            "publisher": publisher,
            "kind": kind,
        }

    def operator(self, brand: str) -> dict[str, Any]:
        op_id = self._op_id(brand)
        host = f"{op_id}.{self.code}.example.com"
        out: dict[str, Any] = {"id": op_id, "brand": brand, "company": f"{brand} LLC", "website": f"https://{host}"}
        if self.rng.random() < 0.5:
            out["status"] = [self.note()]
        out["contacts"] = [self.contact(host, brand) for _ in range(self.rng.randint(1, 4))]
        out["sources"] = self.refs()
        return out

    def contact(self, host: str, brand: str) -> dict[str, Any]:
        rng = self.rng
        kind = rng.choice(["short-number", "phone", "email", "app", "ussd", "website", "whatsapp", "post"])
        value = {
            "short-number": str(rng.randint(100, 9999)),
            "phone": self._phone(),
            "whatsapp": self._phone(),
            "email": f"care@{host}",
            "app": f"My {brand}",
            "ussd": f"*{rng.randint(100, 999)}#",
            "website": f"https://{host}/support/",
            "post": f"{rng.randint(1, 200)} Main Street, {self.names['en']}",
        }[kind]
        out: dict[str, Any] = {"kind": kind, "value": value, "from_abroad": rng.choice(["yes", "no", "unknown"])}
        if rng.random() < 0.7:
            out["note"] = self.text(SENTENCES)
        out["sources"] = self.refs()
        return out

    def route(self, i: int, kind: str) -> dict[str, Any]:
        rng = self.rng
        ops = [self._op_id(b) for b in self.operators]
        out: dict[str, Any] = {"id": f"{kind}-{i}", "kind": kind, "operators": self._some(ops)}
        out["title"] = self.text(TITLES[kind])
        if rng.random() < 0.3:
            out["summary"] = self.text(SENTENCES)
        value = "yes" if kind == "lapse" else rng.choice(["yes", "no", "unknown"])
        out["from_abroad"] = {"value": value, "note": self.text(SENTENCES), "sources": self.refs()}
        if kind != "lapse":
            out["documents"] = sorted(rng.sample(self.documents, rng.randint(1, 3)))
        out["steps"] = [self.note() for _ in range(rng.randint(3, 5))]
        if rng.random() < 0.6:
            out["time"] = {"period": self.period(), "note": self.text(SENTENCES), "sources": self.refs()}
        if kind != "lapse" and rng.random() < 0.5:
            amount = rng.choice([0, 5, 100, 200])
            fee = {"amount": amount, "currency": self.currency, "note": self.text(SENTENCES), "sources": self.refs()}
            out["fees"] = [fee]
        out["caveats"] = [self.note() for _ in range(rng.randint(1, 3))]
        out["sources"] = self.refs()
        return out

    def routes(self) -> list[dict[str, Any]]:
        extra = self.rng.sample(["online", "remote", "in-store", "lapse"], self.rng.randint(1, 3))
        kinds = ["in-store", *extra[:-1], "lapse", *extra[-1:]] if extra else ["in-store", "lapse"]
        return [self.route(i, kind) for i, kind in enumerate(kinds, start=1)]

    def rules(self) -> dict[str, Any]:
        rng = self.rng
        lapse = [
            {
                "operators": [],
                "counts_from": rng.choice(["last-activity", "last-top-up", "zero-balance", "unknown"]),
                "stages": [
                    {
                        "state": "disconnected",
                        "after": self.period(),
                        "note": self.text(SENTENCES),
                        "sources": self.refs(),
                    },
                    {"state": "reassigned", "note": self.text(SENTENCES), "sources": self.refs()},
                ],
                "sources": self.refs(),
            }
        ]
        refund = [{"value": rng.choice(["yes", "no", "partial", "unknown"]), **self._fact()}]
        registration = [
            {"kind": kind, "text": self.text(SENTENCES), "sources": self.refs()}
            for kind in rng.sample(REGISTRATION_KINDS, rng.randint(2, 4))
        ]
        return {
            "lapse": lapse,
            "balance_refund": refund,
            "registration": registration,
        }

    def _fact(self) -> dict[str, Any]:
        return {"note": self.text(SENTENCES), "sources": self.refs()}

    def faq(self) -> list[dict[str, Any]]:
        picked = self.rng.sample(range(len(QUESTIONS)), self.rng.randint(4, 6))
        return [
            {
                "id": f"faq-{i}",
                "q": self.text([QUESTIONS[i]]),
                "a": self.text(SENTENCES, self.rng.randint(2, 3)),
                "sources": self.refs(3),
            }
            for i in picked
        ]

    def changes(self) -> list[dict[str, Any]]:
        dates = sorted({self.date(0, 700) for _ in range(self.rng.randint(1, 3))}, reverse=True)
        return [{"date": date, "summary": self.text(SENTENCES)} for date in dates]

    def optional_sections(self) -> dict[str, Any]:
        """Sections only some versions of the schema have: emitted when models.Country declares them."""
        out: dict[str, Any] = {}
        if "staff_card" in Country.model_fields and self.staff_languages:
            languages = self.rng.sample(self.staff_languages, self.rng.randint(1, min(2, len(self.staff_languages))))
            out["staff_card"] = {"languages": languages}
        if "changes" in Country.model_fields:
            out["changes"] = self.changes()
        return out

    def country(self) -> dict[str, Any]:
        sources = self.sources()  # first: every fact below cites these ids
        names = self.names
        intro = {
            "zh": f"{names['zh']}有 {len(self.operators)} 家移动运营商：{'、'.join(self.operators)}。",
            "en": f"{names['en']} has {len(self.operators)} mobile operators: {', '.join(self.operators)}.",
        }
        more = self.text(SENTENCES, 2)
        routes = self.routes()
        out = {
            "code": self.code,
            "region": self.region,
            "currency": self.currency,
            "reviewed": self.date(5, 200),
            "summary": {"zh": intro["zh"] + more["zh"], "en": f"{intro['en']} {more['en']}"},
            "operators": [self.operator(b) for b in self.operators],
            "routes": routes,
            "rules": self.rules(),
            "checklists": {"before": [self.note()], "after": [self.note() for _ in range(self.rng.randint(1, 2))]},
            "faq": self.faq(),
            **self.optional_sections(),
            "sources": sources,
        }
        # like a real file, every source backs some fact: cite any left over on the first route
        cited = set(_cited(out))
        routes[0]["sources"] = routes[0]["sources"] + [s["id"] for s in sources if s["id"] not in cited]
        return out


def _cited(value: Any) -> list[str]:
    """Every source id cited anywhere below `value` (lists under a `sources` key, except the definitions)."""
    found: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "sources" and isinstance(item, list) and all(isinstance(i, str) for i in item):
                found += item
            else:
                found += _cited(item)
    elif isinstance(value, list):
        for item in value:
            found += _cited(item)
    return found


def country_yaml(data: dict[str, Any]) -> str:
    return HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


# --- project copies -------------------------------------------------------------------------


def vocabulary_ids(root: Path) -> dict[str, list[str]]:
    """Ids the synthetic files may name: documents, and staff-card languages if the project has them."""
    documents = yaml.safe_load((root / "data" / "documents.yml").read_text(encoding="utf-8"))
    staff = root / "data" / "staff_card.yml"
    languages = yaml.safe_load(staff.read_text(encoding="utf-8"))["languages"] if staff.is_file() else []
    return {
        "documents": [d["id"] for d in documents["documents"]],
        "staff_languages": [lang["id"] for lang in languages],
    }


def write_countries(root: Path, n: int, seed: int = 0) -> list[str]:
    """Write n synthetic files into root/data/countries/ (replacing any there). Returns their codes."""
    folder = root / "data" / "countries"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    catalogue = country_catalogue()
    vocab = vocabulary_ids(root)
    codes = choose_codes(n, seed)
    for code in codes:
        region, currency = catalogue[code]
        data = CountryWriter(code, region, currency, vocab, seed).country()
        (folder / f"{code}.yml").write_text(country_yaml(data), encoding="utf-8")
    return sorted(codes)


def real_codes(source: Path = ROOT) -> list[str]:
    """The codes of the real country files, in file-name order."""
    return sorted(path.stem for path in (source / "data" / "countries").glob("*.yml"))


def _set_line(text: str, key: str, value: str) -> str:
    """`key: value` on the file's one top-level `key:` line (comments and everything else untouched)."""
    new, count = re.subn(rf"^{key}:.*$", f"{key}: {value}", text, count=1, flags=re.MULTILINE)
    if not count:
        raise ValueError(f"no top-level `{key}:` line")
    return new


def write_real_countries(
    root: Path, n: int, seed: int = 0, source: Path = ROOT, only: list[str] | None = None
) -> list[str]:
    """Write n real-size files into root/data/countries/ (replacing any there). Returns their codes.

    The real files (or those of `only`) come first, unchanged; then copies of them in turn (file-name
    order), each under a code from `choose_codes` (spread over the regions) with that country's
    region and currency."""
    folder = root / "data" / "countries"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    real = real_codes(source)
    if only:
        missing = sorted(set(only) - set(real))
        if missing:
            raise ValueError(f"no real country file for {', '.join(missing)} (there are {', '.join(real)})")
        real = sorted(set(only))
    texts = [(source / "data" / "countries" / f"{code}.yml").read_text(encoding="utf-8") for code in real]
    catalogue = country_catalogue()
    others = [code for code in choose_codes(len(catalogue), seed) if code not in real]
    if n > len(real) + len(others):
        raise ValueError(f"at most {len(real) + len(others)} real-size countries (asked for {n})")
    codes = (real + others)[:n]
    for i, code in enumerate(codes):
        text = texts[i % len(texts)]
        if code not in real:
            region, currency = catalogue[code]
            text = _set_line(_set_line(_set_line(text, "code", code), "region", region), "currency", currency)
        (folder / f"{code}.yml").write_text(text, encoding="utf-8")
    return sorted(codes)


def allow_example_hosts(root: Path) -> None:
    """Add the example.* hosts the synthetic links use to root/data/hosts.yml."""
    path = root / "data" / "hosts.yml"
    hosts = yaml.safe_load(path.read_text(encoding="utf-8"))
    for group, host in EXAMPLE_HOSTS.items():
        hosts[group] = [*(hosts.get(group) or []), host]
    path.write_text(yaml.safe_dump(hosts, sort_keys=False), encoding="utf-8")


def clean_outputs(root: Path) -> None:
    """Remove what builds leave in a project copy: the generated pages in docs/, and build/ (the
    navigation and the check cache)."""
    for name in GENERATED_DOCS:
        path = root / "docs" / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
    shutil.rmtree(root / "build", ignore_errors=True)


def make_project(
    target: Path,
    n: int,
    seed: int = 0,
    source: Path = ROOT,
    *,
    real: bool = False,
    real_files: list[str] | None = None,
    copy_scripts: bool = False,
) -> Path:
    """A copy of the project (configuration, templates, hand-written pages, vocabularies) with n
    countries instead of the real ones: synthetic, or real-size copies of the real files (`real`; only
    of the codes in `real_files` if given).

    scripts/ is symlinked, or with `copy_scripts` copied, so that a benchmark runs one version of the
    code throughout, and a dev server's watcher (mkdocs.yml watches scripts/baohao) sees no edits made
    in the working tree meanwhile."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(source / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(source / "templates", target / "templates")
    if copy_scripts:
        shutil.copytree(source / "scripts", target / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    else:
        (target / "scripts").symlink_to(source / "scripts")
    (target / "data").mkdir()
    for vocab in (source / "data").glob("*.yml"):
        shutil.copy(vocab, target / "data" / vocab.name)
    (target / "docs").mkdir()
    for entry in sorted((source / "docs").iterdir()):
        if entry.name in GENERATED_DOCS:
            continue
        if entry.is_dir():
            shutil.copytree(entry, target / "docs" / entry.name)
        elif entry.name.endswith(tuple(f".{lang}.md" for lang in LANGS)):
            shutil.copy(entry, target / "docs" / entry.name)
    if real:
        codes = write_real_countries(target, n, seed, source, real_files)
        trim_kept_most(target, set(codes) & set(real_files or real_codes(source)))
    else:
        allow_example_hosts(target)
        write_countries(target, n, seed)
        trim_kept_most(target, set())
    return target


def trim_kept_most(root: Path, real: set[str]) -> None:
    """Keep in root/data/kept_most.yml only the brands of the real files written unchanged (`real`):
    a synthetic file or a copy under another code has other operators or none of these."""
    path = root / "data" / "kept_most.yml"
    kept = yaml.safe_load(path.read_text(encoding="utf-8"))
    kept["brands"] = [entry for entry in kept["brands"] if entry.split("/")[0] in real]
    path.write_text(yaml.safe_dump(kept, sort_keys=False, allow_unicode=True), encoding="utf-8")
