"""Read and check: YAML data files to validated models, with every problem located.

Each problem is one line: `data/countries/kz.yml:12:5: operators[0].website: must be an https URL`.
"""

from __future__ import annotations

from .dataset import Dataset, Prose, Strings, country_files, load_all
from .problems import DataError, Problem

__all__ = ["DataError", "Dataset", "Problem", "Prose", "Strings", "country_files", "load_all"]
