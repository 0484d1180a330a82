-- kelengkapan (table macro; the rows of mart_kelengkapan): one row per (periode, kode_wilayah at
-- kecamatan/kabkota/provinsi level, kode_indikator) for the monthly Posyandu/desa indicators: active desa under the
-- area, desa that reported, and completeness in percent. kode_indikator = '*' counts a desa as reporting when it sent
-- any monthly indicator that month. Params: semua (true: every row, the full build) or else only the rows of the keys
-- listed in the table named lingkup (jenis = 'periode': periode: every row of that month), the incremental rebuild
-- after an import (warehouse.build_marts_incremental).
create or replace macro kelengkapan(semua, lingkup) as table
with
bulan as (
    select distinct f.periode
    from fakta_capaian f
    semi join (select kode_indikator from indikator where periode_laporan = 'bulanan') i using (kode_indikator)
    where semua or f.periode in (from query_table(lingkup) l select l.periode where l.jenis = 'periode')
),
desa as (
    select kode, kode_kecamatan, kode_kabkota, kode_provinsi from wilayah where tingkat = 'desa'
),
per_kecamatan as (  -- desa that reported each indicator, and '*' = any monthly indicator, per kecamatan (the
    -- facts are read twice rather than held in between: a desa has one row per month and indicator)
    select f.periode, d.kode_kecamatan, f.kode_indikator, count(*) as desa_melapor
    from fakta_capaian f
    join (select kode, kode_kecamatan from wilayah where tingkat = 'desa') d on d.kode = f.kode_wilayah
    semi join (select kode_indikator from indikator where periode_laporan = 'bulanan') i using (kode_indikator)
    where semua or f.periode in (from query_table(lingkup) l select l.periode where l.jenis = 'periode')
    group by f.periode, d.kode_kecamatan, f.kode_indikator
    union all
    select f.periode, d.kode_kecamatan, '*' as kode_indikator, count(distinct f.kode_wilayah) as desa_melapor
    from fakta_capaian f
    join (select kode, kode_kecamatan from wilayah where tingkat = 'desa') d on d.kode = f.kode_wilayah
    semi join (select kode_indikator from indikator where periode_laporan = 'bulanan') i using (kode_indikator)
    where semua or f.periode in (from query_table(lingkup) l select l.periode where l.jenis = 'periode')
    group by f.periode, d.kode_kecamatan
),
kecamatan as (
    select distinct kode_kecamatan, kode_kabkota, kode_provinsi from desa
),
melapor as (
    select periode, kode_kecamatan as kode_wilayah, kode_indikator, desa_melapor from per_kecamatan
    union all
    select p.periode, k.kode_kabkota, p.kode_indikator, sum(p.desa_melapor)::bigint
    from per_kecamatan p join kecamatan k using (kode_kecamatan)
    group by all
    union all
    select p.periode, k.kode_provinsi, p.kode_indikator, sum(p.desa_melapor)::bigint
    from per_kecamatan p join kecamatan k using (kode_kecamatan)
    group by all
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
