"""JSON Schemas generated from the models, for editors and for the docs."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel
from pydantic.json_schema import JsonSchemaMode

from .models import (
    Country,
    DocumentList,
    HostList,
    KeptMost,
    ReferenceRates,
    RegionList,
    SharedChecklists,
    StaffCardTemplate,
)
from .service_model import Recycling, Service

SCHEMAS: dict[str, type[BaseModel]] = {
    "country.schema.json": Country,
    "service.schema.json": Service,
    "recycling.schema.json": Recycling,
    "rates.schema.json": ReferenceRates,
    "documents.schema.json": DocumentList,
    "checklists.schema.json": SharedChecklists,
    "hosts.schema.json": HostList,
    "staff_card.schema.json": StaffCardTemplate,
    "regions.schema.json": RegionList,
    "kept_most.schema.json": KeptMost,
}
SCHEMA_DIR = Path("schema")


def schema_text(model: type[BaseModel], mode: JsonSchemaMode = "validation", indent: int = 2) -> str:
    """A model's JSON Schema (draft 2020-12) as text: `validation` for data files, `serialization` for the API."""
    schema = model.model_json_schema(mode=mode)
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return json.dumps(schema, ensure_ascii=False, indent=indent, sort_keys=True) + "\n"


def write_schemas(root: Path, *, check: bool = False) -> list[str]:
    """Write the schemas; with check=True write nothing and return the stale ones."""
    stale = []
    for name, model in SCHEMAS.items():
        path = root / SCHEMA_DIR / name
        text = schema_text(model)
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(str(SCHEMA_DIR / name))
        if not check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return stale
