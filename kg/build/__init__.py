"""`kg build`: the build run (parse, extract, resolve, write), its options, worker processes and Dask shards, the extraction cache and the atomic output folder."""
