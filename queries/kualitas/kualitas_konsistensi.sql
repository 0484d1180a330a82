-- kualitas_konsistensi: one row per consistency finding in months $awal..$akhir for kab/kota $kabkota (NULL = all of province $kode_provinsi):
-- the fixed rules of mart_konsistensi plus 'lompatan_sasaran' (sasaran changed by more than $ambang_lompatan as
-- larger/smaller - 1, and by at least $min_selisih, against the previous period of the same area and indicator).
-- Params: $awal, $akhir, $kabkota, $kode_provinsi, $ambang_lompatan, $min_selisih.
with
tetap as (
    select periode, kode_wilayah, kode_kabkota, kode_indikator, aturan, sasaran, terlayani, capaian_dilaporkan,
           null::bigint as sasaran_sebelumnya, null::date as periode_sebelumnya,
           nilai_s, nilai_d_ds, nilai_d_nd, nilai_n
    from mart_konsistensi
),
lompatan as (
    select periode, kode_wilayah, kode_kabkota, kode_indikator, 'lompatan_sasaran' as aturan, sasaran, terlayani,
           null::double as capaian_dilaporkan, sasaran_sebelumnya, periode_sebelumnya,
           null::bigint as nilai_s, null::bigint as nilai_d_ds, null::bigint as nilai_d_nd, null::bigint as nilai_n
    from mart_riwayat_nilai
    where rasio_lompatan > $ambang_lompatan and selisih_sasaran >= $min_selisih
),
temuan as (
    select * from tetap
    union all
    select * from lompatan
),
final as (
    select t.*, w.nama_lengkap as wilayah, w.tingkat, kab.nama_lengkap as kabkota, i.nama_id, i.nama_en
    from temuan t
    join wilayah w on w.kode = t.kode_wilayah
    left join wilayah kab on kab.kode = t.kode_kabkota
    left join indikator i on i.kode_indikator = t.kode_indikator
    where t.periode between $awal::date and $akhir::date
      and ($kabkota is null or t.kode_kabkota = $kabkota)
      and (t.kode_wilayah = $kode_provinsi or starts_with(t.kode_wilayah, $kode_provinsi || '.'))
)
select * from final
order by periode desc, kode_wilayah, aturan, kode_indikator
