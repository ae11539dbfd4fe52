"""Fixtures of the attribution tests: the example cluster, cleaned as the pipeline cleans it."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.ingest.clean import clean_cluster
from newsfuse.ingest.readers import read_clusters
from newsfuse.model import Document


@pytest.fixture(scope="session")
def sony_docs(sony_dir: Path) -> tuple[Document, ...]:
    cluster = next(iter(read_clusters([sony_dir])))
    return clean_cluster(cluster.documents)
