-- next_import_id: one row, the next free id in the import log. No parameters.
select coalesce(max(id_impor), 0) + 1 from impor
