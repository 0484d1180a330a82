-- load_sample_batas_memori: caps the memory DuckDB may use on this connection (bigger operations spill to a temp folder); set by the national sample build. Params: $batas (e.g. '2GB').
set memory_limit = $batas
