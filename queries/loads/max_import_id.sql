-- max_import_id: one row, the highest import id ever given in this warehouse (0 when none): the largest of the
-- import log and meta 'id_impor_tertinggi'. No parameters.
select greatest(
    coalesce(max(id_impor), 0),
    coalesce((select try_cast(nilai as bigint) from meta where kunci = 'id_impor_tertinggi'), 0)
)
from impor
