-- mart_laporan_desa: one row per (periode, desa) for every month that has monthly Posyandu/desa data and every
-- desa/kelurahan of the reference list: the monthly indicators the desa reported that month (an empty list = no
-- report at all). The drill-down from mart_kelengkapan to the desa that did not report. No parameters.
create or replace table mart_laporan_desa as
with
bulan as (
    select distinct periode from mart_kelengkapan  -- the months of the heat map (any monthly desa data)
),
desa as (
    select kode, kode_kecamatan, kode_kabkota from wilayah where tingkat = 'desa'
),
laporan as (
    select f.periode, f.kode_wilayah, list(f.kode_indikator order by f.kode_indikator) as indikator_dilaporkan
    from fakta_capaian f
    join indikator i using (kode_indikator)
    where i.periode_laporan = 'bulanan'
    group by all
),
final as (
    select b.periode, d.kode as kode_desa, d.kode_kecamatan, d.kode_kabkota,
           coalesce(l.indikator_dilaporkan, []::varchar[]) as indikator_dilaporkan
    from bulan b
    cross join desa d
    left join laporan l on l.periode = b.periode and l.kode_wilayah = d.kode
)
select * from final
order by kode_kabkota, kode_kecamatan, kode_desa, periode
