-- kualitas_desa_belum_lapor: one row per desa/kelurahan under $kode_wilayah (a kecamatan, kab/kota or the province)
-- that did not report monthly indicator $indikator ('*' = no monthly indicator at all) in month $periode.
-- Params: $periode (first day of the month), $kode_wilayah, $indikator.
select m.kode_desa, d.nama as nama_desa, d.jenis, kec.nama as kecamatan, kab.nama_lengkap as kabkota,
       len(m.indikator_dilaporkan) as indikator_dilaporkan
from mart_laporan_desa m
join wilayah d on d.kode = m.kode_desa
join wilayah kec on kec.kode = m.kode_kecamatan
join wilayah kab on kab.kode = m.kode_kabkota
where m.periode = $periode::date
  and starts_with(m.kode_desa, $kode_wilayah || '.')
  and case when $indikator = '*' then len(m.indikator_dilaporkan) = 0
           else not list_contains(m.indikator_dilaporkan, $indikator) end
order by m.kode_desa
