-- unggah_luar_wilayah: one row per staged row (temp table `tahap` of the file being checked) whose area lies outside
-- kab/kota $kabkota: what an operator of that kab/kota may not import. Params: $kabkota.
select _baris, kode_wilayah
from tahap
where kode_wilayah is not null
  and kode_wilayah <> $kabkota
  and not starts_with(kode_wilayah, $kabkota || '.')
order by _baris
