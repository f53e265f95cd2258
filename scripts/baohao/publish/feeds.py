"""Atom feeds of what changed: `feed.xml` for the default language and `<lang>/feed.xml` for each
other, built from each country's `changes` and the recent risks of its brands (a roaming cut-off reported
by holders reaches a reader who follows the feed)."""

from __future__ import annotations

import uuid
from pathlib import Path

from .. import keeping
from ..load import Dataset
from ..models import changes_newest_first
from ..present.escape import environment
from ..present.formatter import Formatter
from ..project import Project
from .api import LICENCE
from .links import brand_page, country_page

FEED_NAMESPACE = uuid.UUID("5b0e8a4e-7f2c-4d0e-9a53-2f1e3c6b9d11")


def write_feeds(site_dir: Path, data: Dataset, project: Project, directory_urls: bool = True) -> list[Path]:
    template = environment(project.templates_dir, "xml").get_template("feed.xml.j2")
    entries = changes_newest_first(data.countries)
    written = []
    for lang in project.langs:
        text = Formatter(lang, data.strings, project.build_date)
        items = []
        for country in data.countries:
            for operator, risk in keeping.recent_risks(country.operators, project.build_date):
                index = operator.risks.index(risk)
                items.append(
                    {
                        "id": uuid.uuid5(FEED_NAMESPACE, f"{country.code}/risk/{operator.id}/{index}").urn,
                        "title": text.plain(
                            "feed_risk",
                            country=country.display_name(lang),
                            brand=operator.brand,
                            headline=risk.headline[lang],
                        ),
                        "link": brand_page(project, country.code, operator.id, project.default_lang, directory_urls),
                        "updated": f"{risk.date.isoformat()}T00:00:00Z",
                    }
                )
        for change, country in entries:
            index = country.changes.index(change)
            summary = change.summary[lang]
            items.append(
                {
                    "id": uuid.uuid5(FEED_NAMESPACE, f"{country.code}/{change.date.isoformat()}/{index}").urn,
                    "title": text.plain("feed_entry", country=country.display_name(lang), summary=summary),
                    # relative to this feed's folder: the default language's root, or `<lang>/`
                    "link": country_page(project, country.code, project.default_lang, directory_urls),
                    "updated": f"{change.date.isoformat()}T00:00:00Z",
                }
            )
        items.sort(key=lambda item: item["updated"], reverse=True)  # stable: changes keep their order
        updated = items[0]["updated"] if items else "1970-01-01T00:00:00Z"
        feed = template.render(
            lang=lang,
            title=text.raw("feed_title"),
            feed_id=uuid.uuid5(FEED_NAMESPACE, f"feed/{lang}").urn,
            updated=updated,
            entries=items,
            licence=LICENCE,
        )
        path = site_dir / project.lang_prefix(lang) / "feed.xml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(feed, encoding="utf-8")
        written.append(path)
    return written
