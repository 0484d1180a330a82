-- mart_tabel_lama: one row per mart that an older version stored as a table and this version defines otherwise (a
-- view, or computed on read): they are dropped before the marts are rebuilt. Params: $nama (the candidate names).
select table_name as nama
from duckdb_tables()
where database_name = current_database() and schema_name = 'main'
  and list_contains($nama, table_name)
