-- kualitas_pencilan: one row per reported value whose robust z-score against its own series is beyond $ambang_z
-- (series of at least $min_riwayat values), in months $awal..$akhir, for kab/kota $kabkota (NULL = all of province
-- $kode_provinsi), largest first.
-- Params: $ambang_z, $min_riwayat, $awal, $akhir, $kabkota, $kode_provinsi.
select r.periode, r.kode_wilayah, w.nama_lengkap as wilayah, r.tingkat, kab.nama_lengkap as kabkota, r.kode_indikator,
       i.nama_id, i.nama_en, r.sasaran, r.terlayani, r.capaian, r.median_seri, r.mad, r.n_seri, r.skor_z
from mart_riwayat_nilai r
join wilayah w on w.kode = r.kode_wilayah
left join wilayah kab on kab.kode = r.kode_kabkota
join indikator i on i.kode_indikator = r.kode_indikator
where r.n_seri >= $min_riwayat and abs(r.skor_z) > $ambang_z
  and r.periode between $awal::date and $akhir::date
  and ($kabkota is null or r.kode_kabkota = $kabkota)
  and (r.kode_wilayah = $kode_provinsi or starts_with(r.kode_wilayah, $kode_provinsi || '.'))
order by abs(r.skor_z) desc, r.periode, r.kode_wilayah, r.kode_indikator
