"""Stream mode: articles arrive one by one, are grouped into stories, and each story's briefing
is kept current.

    cluster.py   Article, online story clustering (pure: stories in, assignments out)
    store.py     Store protocol; SQLite (default) and PostgreSQL, with named migrations
    runner.py    ingest batches: cluster inside one store transaction, then refresh briefings
"""
