-- next_import_id: one row, the next free id in the import log: above every id ever given, including imports that were
-- undone since (meta 'id_impor_tertinggi', kept by restore_backup), so an id is never reused. No parameters.
select greatest(
    coalesce(max(id_impor), 0),
    coalesce((select try_cast(nilai as bigint) from meta where kunci = 'id_impor_tertinggi'), 0)
) + 1
from impor
