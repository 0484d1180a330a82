-- ekspor_parquet_kolom: one row per column of table $tabel in the warehouse (name, DuckDB type), in table order,
-- for the export manifest. Params: $tabel.
select column_name, data_type
from information_schema.columns
where table_catalog = current_database() and table_schema = 'main' and table_name = $tabel
order by ordinal_position
