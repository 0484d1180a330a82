-- mart_tabel_lama: one row per mart that an older version stored as a table and this version defines otherwise (a
-- view, or computed on read): they are dropped before the marts are rebuilt. No parameters.
select table_name as nama
from duckdb_tables()
where database_name = current_database() and schema_name = 'main'
  and table_name in ('mart_capaian', 'mart_capaian_periode', 'mart_laporan_desa')
