-- mart_kelengkapan: one row per (periode, kode_wilayah at kecamatan/kabkota/provinsi level, kode_indikator) for the
-- monthly Posyandu/desa indicators: active desa under the area, desa that reported, and completeness in percent.
-- kode_indikator = '*' counts a desa as reporting when it sent any monthly indicator that month. No parameters.
create or replace table mart_kelengkapan as
with
bulan as (
    select distinct f.periode
    from fakta_capaian f
    join indikator i using (kode_indikator)
    where i.periode_laporan = 'bulanan'
),
desa as (
    select kode, kode_kecamatan, kode_kabkota, kode_provinsi from wilayah where tingkat = 'desa'
),
laporan as (
    select f.periode, f.kode_wilayah, f.kode_indikator
    from fakta_capaian f
    join indikator i using (kode_indikator)
    join desa d on d.kode = f.kode_wilayah
    where i.periode_laporan = 'bulanan'
),
laporan_semua as (
    select distinct periode, kode_wilayah, '*' as kode_indikator from laporan
),
indikator_bulanan as (
    select kode_indikator from indikator where periode_laporan = 'bulanan'
    union all
    select '*'
),
area as (
    select kode as kode_desa, kode_kecamatan as kode_wilayah, 'kecamatan' as tingkat from desa
    union all select kode, kode_kabkota, 'kabkota' from desa
    union all select kode, kode_provinsi, 'provinsi' from desa
),
aktif as (
    select kode_wilayah, tingkat, count(*) as desa_aktif from area group by all
),
melapor as (
    select l.periode, a.kode_wilayah, l.kode_indikator, count(*) as desa_melapor
    from (select * from laporan union all select * from laporan_semua) l
    join area a on a.kode_desa = l.kode_wilayah
    group by all
),
final as (
    select b.periode, ak.kode_wilayah, ak.tingkat, ib.kode_indikator, ak.desa_aktif,
           coalesce(m.desa_melapor, 0) as desa_melapor,
           100.0 * coalesce(m.desa_melapor, 0) / ak.desa_aktif as kelengkapan_persen
    from bulan b
    cross join aktif ak
    cross join indikator_bulanan ib
    left join melapor m on m.periode = b.periode and m.kode_wilayah = ak.kode_wilayah and m.kode_indikator = ib.kode_indikator
)
select * from final
order by tingkat, kode_indikator, kode_wilayah, periode
