-- unggah_luar_wilayah: one row per staged row (temp table `tahap` of the file being checked) whose known area lies
-- outside kab/kota $kabkota: what an operator of that kab/kota may not import (unknown codes are reported by the
-- import checks already). Params: $kabkota.
select t._baris, t.kode_wilayah
from tahap t
semi join wilayah w on w.kode = t.kode_wilayah
where t.kode_wilayah <> $kabkota
  and not starts_with(t.kode_wilayah, $kabkota || '.')
order by t._baris
