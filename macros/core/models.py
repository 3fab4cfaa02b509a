"""The kinds of record in `data/`, and where each kind lives.

The models themselves are in `entities.py`, `claims.py` and `sources.py`; this module is
the registry the loader, the checks and the schema generator go through.
"""

from __future__ import annotations

from .base import Citation, Model, Record
from .claims import Claim
from .corrections import Correction
from .entities import Country, Dispute, Event, Meeting, Person
from .sources import Source

KINDS: dict[str, type[Record]] = {
    "source": Source,
    "country": Country,
    "person": Person,
    "meeting": Meeting,
    "event": Event,
    "dispute": Dispute,
    "claim": Claim,
    "correction": Correction,
}
# Folder under data/ for each kind.
DATA_FOLDERS: dict[str, str] = {
    "source": "sources",
    "country": "countries",
    "person": "people",
    "meeting": "meetings",
    "event": "events",
    "dispute": "disputes",
    "claim": "claims",
    "correction": "corrections",
}
# data/schemas/: the generated JSON Schemas of the data files (schema.py); not records.
SCHEMA_FOLDER = "schemas"
# Kinds whose folder may be missing or empty (every other kind needs at least one file).
OPTIONAL_KINDS: frozenset[str] = frozenset({"correction"})

__all__ = [
    "DATA_FOLDERS",
    "KINDS",
    "OPTIONAL_KINDS",
    "SCHEMA_FOLDER",
    "Citation",
    "Claim",
    "Correction",
    "Country",
    "Dispute",
    "Event",
    "Meeting",
    "Model",
    "Person",
    "Record",
    "Source",
]
