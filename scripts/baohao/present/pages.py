"""Validated data to Markdown pages: one per country, the comparison, the home page and the accounts page,
in every language."""

from __future__ import annotations

from dataclasses import dataclass

from .. import page_paths as paths
from ..load import Dataset
from ..models import changes_newest_first
from ..project import Project
from ..unbinding import unbinding_order
from .accounts import ServiceView, kept_source_anchors
from .brand import BrandView
from .escape import environment
from .formatter import Formatter
from .places import Places
from .sources import SourcedPart
from .views import CountryView

RECENT_CHANGES = 10


@dataclass
class Page:
    path: str  # relative to docs/
    content: str


def render_pages(data: Dataset, project: Project) -> list[Page]:
    env = environment(project.templates_dir)
    country_template = env.get_template("country.md.j2")
    brand_template = env.get_template("brand.md.j2")
    compare_template = env.get_template("compare.md.j2")
    home_template = env.get_template("home.md.j2")
    accounts_template = env.get_template("accounts.md.j2")
    services = unbinding_order(data.services)
    # the page was last reviewed when its newest part was: a service file, or a source of the "why" section
    reviewed = max([s.reviewed for s in services] + [s.checked for s in data.recycling.sources])
    kept = kept_source_anchors(services, data.recycling)
    pages: list[Page] = []
    for code in project.langs:
        lang = Formatter(code, data.strings, project.build_date, data.prose)
        # the home page and the comparison list no sources: their facts keep only the unverified mark
        views = [
            CountryView(c, lang, data.vocabulary, project.repository, data.rates, marks_only=True)
            for c in data.countries
        ]
        by_code = {v.c.code: v for v in views}
        recent = [(change, by_code[country.code]) for change, country in changes_newest_first(data.countries)]
        common = {
            "recent_changes": recent[:RECENT_CHANGES],
            "lang": lang,
            "t": lang.t,
            "L": lang.text,
            "countries": views,
            "repository": project.repository,
            "rates": data.rates,
            "places": Places[CountryView](data.vocabulary.regions, data.kept_most, code, lambda v: v.c),
        }
        for view in views:
            c = view.c
            args = (lang, data.vocabulary, project.repository, data.rates)
            place = CountryView(c, *args, as_cited=True)
            cards = [BrandView(c, o, *args, marks_only=True) for o in c.operators]
            content = country_template.render(**common, v=place, c=c, brands=cards)
            pages.append(Page(paths.place_source(c.code, code), content))
            for o in c.operators:
                brand = BrandView(c, o, *args)
                content = brand_template.render(**common, v=brand, c=c, o=o)
                pages.append(Page(paths.brand_source(c.code, o.id, code), content))
        pages.append(Page(f"compare.{code}.md", compare_template.render(**common)))
        pages.append(Page(f"index.{code}.md", home_template.render(**common)))
        accounts = accounts_template.render(
            **common,
            services=[ServiceView(s, lang, kept) for s in services],
            why=SourcedPart(data.recycling, data.recycling.sources, lang, "why", kept),
            reviewed=reviewed,
        )
        pages.append(Page(f"accounts.{code}.md", accounts))
    return pages
