-- peringkat_nilai: one row per (area, indicator) for province $kode_provinsi and each of its kab/kota, for every
-- indicator of family $keluarga reported below province level, with the value at grain $granularitas and period key
-- $periode (DATE) from mart_capaian_periode (NA where nothing was reported), with its coverage (unit_*) and a
-- percent-only row's estimated counts. Params: $kode_provinsi, $keluarga,
-- $granularitas, $periode.
with
wilayah_pilihan as (
    select kode as kode_wilayah, tingkat, nama, nama_lengkap, singkatan, tile_baris, tile_kolom
    from wilayah
    where kode = $kode_provinsi or (tingkat = 'kabkota' and kode_provinsi = $kode_provinsi)
),
indikator_pilihan as (
    select i.kode_indikator, i.kode_bidang as bidang, i.nama_id, i.nama_en, i.level, i.keluarga,
           i.lebih_tinggi_lebih_baik, b.urutan, b.termasuk_indeks
    from indikator i
    join bidang b using (kode_bidang)
    where i.keluarga = $keluarga and i.level <> 'provinsi'
),
nilai as (
    select kode_wilayah, kode_indikator, sasaran, terlayani, capaian_persen, periode_data, jumlah_bulan, jumlah_laporan,
           sasaran_taksiran, terlayani_taksiran, unit_ada, unit_hitung, unit_taksiran, unit_persen
    from mart_capaian_periode
    where granularitas = $granularitas and periode = $periode and keluarga = $keluarga
      and tingkat in ('kabkota', 'provinsi')
),
final as (
    select w.kode_wilayah, w.tingkat, w.nama, w.nama_lengkap, w.singkatan, w.tile_baris, w.tile_kolom,
           i.kode_indikator, i.bidang, i.nama_id, i.nama_en, i.level, i.keluarga, i.lebih_tinggi_lebih_baik,
           i.urutan, i.termasuk_indeks,
           n.sasaran, n.terlayani, n.capaian_persen, n.periode_data, n.jumlah_bulan, n.jumlah_laporan,
           n.sasaran_taksiran, n.terlayani_taksiran, n.unit_ada, n.unit_hitung, n.unit_taksiran, n.unit_persen
    from wilayah_pilihan w
    cross join indikator_pilihan i
    left join nilai n using (kode_wilayah, kode_indikator)
)
select * from final
order by tingkat desc, kode_wilayah, urutan, kode_indikator
