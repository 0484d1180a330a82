-- bench_lantai_isi: the floor of an import (bench/run.py): inserts every row of CSV file $path into the facts, with no
-- check. Params: $path.
insert into fakta_capaian (periode, kode_wilayah, kode_indikator, sasaran, terlayani, id_impor)
select strptime(periode, '%Y-%m')::date, kode_wilayah, kode_indikator, sasaran, terlayani, 0
from read_csv($path, types = {'periode': 'VARCHAR'})
