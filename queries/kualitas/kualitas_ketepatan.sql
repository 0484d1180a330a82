-- kualitas_ketepatan: one row per (kab/kota, quarter) of mart_ketepatan, with the kab/kota name, for kab/kota $kabkota
-- (NULL = all of province $kode_provinsi). Params: $kabkota, $kode_provinsi.
select t.*, w.nama_lengkap
from mart_ketepatan t
join wilayah w on w.kode = t.kode_kabkota
where ($kabkota is null or t.kode_kabkota = $kabkota) and w.kode_provinsi = $kode_provinsi
order by t.periode_triwulan desc, t.kode_kabkota
