-- ada_fakta_berubah: true when this connection holds the temporary table fakta_berubah (a write asked for the
-- incremental mart rebuild). No parameters.
select count(*) > 0 from duckdb_tables() where temporary and table_name = 'fakta_berubah'
