-- mart_capaian: one row per (periode, kode_wilayah, kode_indikator) at every level (desa, kecamatan, kabkota,
-- provinsi). A row reported directly at a level wins over the aggregate from below; aggregates sum terlayani and
-- sasaran over the child rows that have both, then divide (never average percentages). No parameters.
create or replace table mart_capaian as
with
fakta as (
    select f.periode, f.kode_wilayah, f.kode_indikator, f.sasaran, f.terlayani, f.capaian_dilaporkan, w.tingkat
    from fakta_capaian f
    join wilayah w on w.kode = f.kode_wilayah
),
tingkat_desa as (
    select periode, kode_wilayah, kode_indikator, sasaran, terlayani, capaian_dilaporkan,
           1::bigint as jumlah_laporan, 'langsung' as asal
    from fakta
    where tingkat = 'desa'
),
agregat_kecamatan as (
    select d.periode, w.kode_induk as kode_wilayah, d.kode_indikator,
           sum(d.sasaran) filter (where d.sasaran is not null and d.terlayani is not null)   as sasaran,
           sum(d.terlayani) filter (where d.sasaran is not null and d.terlayani is not null) as terlayani,
           null::double as capaian_dilaporkan,
           sum(d.jumlah_laporan)::bigint as jumlah_laporan, 'agregat' as asal
    from tingkat_desa d
    join wilayah w on w.kode = d.kode_wilayah
    group by all
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
agregat_kabkota as (
    select k.periode, w.kode_induk as kode_wilayah, k.kode_indikator,
           sum(k.sasaran) filter (where k.sasaran is not null and k.terlayani is not null)   as sasaran,
           sum(k.terlayani) filter (where k.sasaran is not null and k.terlayani is not null) as terlayani,
           null::double as capaian_dilaporkan,
           sum(k.jumlah_laporan)::bigint as jumlah_laporan, 'agregat' as asal
    from tingkat_kecamatan k
    join wilayah w on w.kode = k.kode_wilayah
    group by all
),
langsung_kabkota as (
    select periode, kode_wilayah, kode_indikator, sasaran, terlayani, capaian_dilaporkan,
           1::bigint as jumlah_laporan, 'langsung' as asal
    from fakta
    where tingkat = 'kabkota'
),
tingkat_kabkota as (
    select * from langsung_kabkota
    union all
    select a.* from agregat_kabkota a
    anti join langsung_kabkota l using (periode, kode_wilayah, kode_indikator)
),
agregat_provinsi as (
    select k.periode, w.kode_induk as kode_wilayah, k.kode_indikator,
           sum(k.sasaran) filter (where k.sasaran is not null and k.terlayani is not null)   as sasaran,
           sum(k.terlayani) filter (where k.sasaran is not null and k.terlayani is not null) as terlayani,
           null::double as capaian_dilaporkan,
           sum(k.jumlah_laporan)::bigint as jumlah_laporan, 'agregat' as asal
    from tingkat_kabkota k
    join wilayah w on w.kode = k.kode_wilayah
    group by all
),
langsung_provinsi as (
    select periode, kode_wilayah, kode_indikator, sasaran, terlayani, capaian_dilaporkan,
           1::bigint as jumlah_laporan, 'langsung' as asal
    from fakta
    where tingkat = 'provinsi'
),
tingkat_provinsi as (
    select * from langsung_provinsi
    union all
    select a.* from agregat_provinsi a
    anti join langsung_provinsi l using (periode, kode_wilayah, kode_indikator)
),
semua as (
    select 'desa' as tingkat, * from tingkat_desa
    union all by name select 'kecamatan' as tingkat, * from tingkat_kecamatan
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
