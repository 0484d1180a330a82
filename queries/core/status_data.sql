-- status_data: one row per import from a real file (sumber 'impor', not the synthetic 'sampel'), oldest first. No parameters.
select id_impor, nama_file, waktu
from impor
where sumber = 'impor'
order by id_impor
