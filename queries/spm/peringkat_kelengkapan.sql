-- peringkat_kelengkapan: one row per kab/kota of province $kode_provinsi: monthly desa reporting completeness
-- (mart_kelengkapan, any indicator '*') pooled over the months $mulai..$akhir (DATEs, first of month): desa-months
-- reported / desa-months expected. Params: $kode_provinsi, $mulai, $akhir.
with
bulan as (
    select k.kode_wilayah, k.desa_aktif, k.desa_melapor
    from mart_kelengkapan k
    join wilayah w on w.kode = k.kode_wilayah
    where k.tingkat = 'kabkota' and k.kode_indikator = '*' and w.kode_provinsi = $kode_provinsi
      and k.periode between $mulai and $akhir
),
final as (
    select kode_wilayah, count(*) as jumlah_bulan, sum(desa_melapor) as desa_bulan_melapor,
           sum(desa_aktif) as desa_bulan_aktif,
           100.0 * sum(desa_melapor) / nullif(sum(desa_aktif), 0) as kelengkapan_persen
    from bulan
    group by kode_wilayah
)
select * from final order by kode_wilayah
