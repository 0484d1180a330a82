-- writer_memory: caps the memory of a warehouse writer (DuckDB spills to disk beyond it). Params: $batas (e.g. '2048MB').
set memory_limit = $batas
