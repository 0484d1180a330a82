-- ekspor_parquet_tabel: writes every row of table $tabel to one Parquet file $path (zstd); returns the row count
-- written. Used by `python -m dashboard export-parquet` for the small tables. Params: $tabel, $path.
copy (from query_table($tabel)) to $path (format parquet, compression zstd)
