-- mart_capaian_agregat: one row per (periode, kode_wilayah, kode_indikator) at the kecamatan, kab/kota and province
-- levels (the desa rows are the facts themselves: see the mart_capaian view). A row reported directly at a level wins
-- over the aggregate from below; aggregates sum terlayani and sasaran over the child rows that have both, then divide
-- (never average percentages): the desa rows per kecamatan here, the levels above by the macro naik_tingkat.
-- jumlah_laporan = the desa (or lower-level) rows behind an aggregate. No parameters.
create or replace table mart_capaian_agregat as
with
fakta as (  -- the few rows reported above the desa level
    select f.periode, f.kode_wilayah, f.kode_indikator, f.sasaran, f.terlayani, f.capaian_dilaporkan, w.tingkat
    from fakta_capaian f
    join wilayah w on w.kode = f.kode_wilayah
    where w.tingkat <> 'desa'
),
agregat_kecamatan as (  -- the desa rows, read once and summed per kecamatan
    select f.periode, w.kode_induk as kode_wilayah, f.kode_indikator,
           sum(f.sasaran) filter (where f.sasaran is not null and f.terlayani is not null)   as sasaran,
           sum(f.terlayani) filter (where f.sasaran is not null and f.terlayani is not null) as terlayani,
           null::double as capaian_dilaporkan,
           count(*)::bigint as jumlah_laporan, 'agregat' as asal
    from fakta_capaian f
    join (select kode, kode_induk from wilayah where tingkat = 'desa') w on w.kode = f.kode_wilayah
    group by f.periode, w.kode_induk, f.kode_indikator
),
langsung_kecamatan as (
    select periode, kode_wilayah, kode_indikator, sasaran, terlayani, capaian_dilaporkan,
           1::bigint as jumlah_laporan, 'langsung' as asal
    from fakta
    where tingkat = 'kecamatan'
),
tingkat_kecamatan as (
    select * from langsung_kecamatan
    union all
    select a.* from agregat_kecamatan a
    anti join langsung_kecamatan l using (periode, kode_wilayah, kode_indikator)
),
tingkat_kabkota as (
    select * from naik_tingkat('tingkat_kecamatan', 'fakta', 'kabkota')
),
tingkat_provinsi as (
    select * from naik_tingkat('tingkat_kabkota', 'fakta', 'provinsi')
),
semua as (
    select 'kecamatan' as tingkat, * from tingkat_kecamatan
    union all by name select 'kabkota' as tingkat, * from tingkat_kabkota
    union all by name select 'provinsi' as tingkat, * from tingkat_provinsi
),
final as (
    select
        s.periode,
        s.kode_wilayah,
        s.tingkat,
        s.kode_indikator,
        i.kode_bidang as bidang,
        i.keluarga,
        s.sasaran::bigint as sasaran,
        s.terlayani::bigint as terlayani,
        case
            when s.sasaran is not null and s.terlayani is not null
                then case when s.sasaran > 0 then 100.0 * s.terlayani / s.sasaran end
            else s.capaian_dilaporkan
        end as capaian_persen,
        s.jumlah_laporan,
        s.asal
    from semua s
    join indikator i using (kode_indikator)
)
select * from final
order by tingkat, kode_indikator, kode_wilayah, periode
