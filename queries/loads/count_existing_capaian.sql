-- count_existing_capaian: one row, the number of staged rows (registered as `siap`) whose key already exists. No parameters.
select count(*) as jumlah
from siap s
semi join fakta_capaian f using (periode, kode_wilayah, kode_indikator)
