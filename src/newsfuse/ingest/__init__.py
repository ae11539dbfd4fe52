from newsfuse.ingest.readers import Cluster, read_clusters

__all__ = ["Cluster", "read_clusters"]
