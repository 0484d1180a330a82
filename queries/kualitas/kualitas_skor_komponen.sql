-- kualitas_skor_komponen: one row per kab/kota of province $kode_provinsi: the inputs of its data-quality score for months $awal..$akhir:
-- reported rows in the kab/kota (every level, mart_baris_kabkota), rows with a consistency finding (fixed rules of
-- mart_konsistensi and sasaran jumps beyond $ambang_lompatan / $min_selisih), outlier rows (|z| > $ambang_z in series
-- of at least $min_riwayat values) and the mean monthly completeness of desa reports (any monthly indicator).
-- Params: $awal, $akhir, $kode_provinsi, $ambang_z, $min_riwayat, $ambang_lompatan, $min_selisih.
with
kabkota as (
    select kode, nama, nama_lengkap from wilayah where tingkat = 'kabkota' and kode_provinsi = $kode_provinsi
),
jendela as (
    select * from mart_riwayat_nilai
    where periode between $awal::date and $akhir::date
      and (kode_wilayah = $kode_provinsi or starts_with(kode_wilayah, $kode_provinsi || '.'))
),
baris as (
    select kode_kabkota, sum(baris)::bigint as baris
    from mart_baris_kabkota
    where periode between $awal::date and $akhir::date
    group by all
),
pencilan as (
    select kode_kabkota, count(*) as baris_pencilan
    from jendela
    where n_seri >= $min_riwayat and abs(skor_z) > $ambang_z
    group by all
),
temuan as (
    select periode, kode_wilayah, kode_kabkota, coalesce(kode_indikator, 'skdn') as kunci
    from mart_konsistensi
    where periode between $awal::date and $akhir::date
    union
    select periode, kode_wilayah, kode_kabkota, kode_indikator
    from jendela
    where rasio_lompatan > $ambang_lompatan and selisih_sasaran >= $min_selisih
),
jumlah_temuan as (
    select kode_kabkota, count(*) as baris_temuan from temuan group by all
),
kelengkapan as (
    select kode_wilayah as kode_kabkota, avg(kelengkapan_persen) as kelengkapan, count(*) as bulan_kelengkapan
    from mart_kelengkapan
    where tingkat = 'kabkota' and kode_indikator = '*' and periode between $awal::date and $akhir::date
    group by all
),
final as (
    select k.kode, k.nama, k.nama_lengkap,
           coalesce(b.baris, 0) as baris,
           coalesce(p.baris_pencilan, 0) as baris_pencilan,
           coalesce(t.baris_temuan, 0) as baris_temuan,
           l.kelengkapan, coalesce(l.bulan_kelengkapan, 0) as bulan_kelengkapan
    from kabkota k
    left join baris b on b.kode_kabkota = k.kode
    left join pencilan p on p.kode_kabkota = k.kode
    left join jumlah_temuan t on t.kode_kabkota = k.kode
    left join kelengkapan l on l.kode_kabkota = k.kode
)
select * from final
order by kode
