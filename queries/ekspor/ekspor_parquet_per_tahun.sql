-- ekspor_parquet_per_tahun: writes every row of table $tabel (which has a `periode` date) under the folder $path as
-- hive-partitioned Parquet, one folder tahun=YYYY per year of periode (zstd); returns the row count written.
-- Params: $tabel, $path.
copy (select *, year(periode) as tahun from query_table($tabel))
to $path (format parquet, compression zstd, partition_by (tahun))
