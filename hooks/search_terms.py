"""Add every spelling of each person's name to the search index (event: on_post_build).

Runs after Material's search plugin has written search/search_index.json and before
the offline plugin copies it into search_index.js. See macros/search_terms.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority

from macros.dataset import cached_dataset, data_dir_for
from macros.search_terms import add_terms


@event_priority(-50)
def on_post_build(*, config: Any) -> None:
    path = Path(config.site_dir) / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    data = cached_dataset(data_dir_for(config.config_file_path))
    path.write_text(
        json.dumps(add_terms(index, data), ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
