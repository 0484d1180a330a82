-- bench_lantai_hapus: the floor of an import (bench/run.py): deletes the facts whose key is in CSV file $path.
-- Params: $path.
delete from fakta_capaian f
using read_csv($path, types = {'periode': 'VARCHAR'}) c
where f.periode = strptime(c.periode, '%Y-%m')::date and f.kode_wilayah = c.kode_wilayah
  and f.kode_indikator = c.kode_indikator
