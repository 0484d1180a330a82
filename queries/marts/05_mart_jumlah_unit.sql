-- mart_jumlah_unit: one row per (area, unit level below it): how many units of that level the area holds in the
-- reference (wilayah): the desa/kelurahan of every kecamatan, kab/kota and province, and the kab/kota of every
-- province. The denominator of an aggregate's coverage ("12 dari 13 kab/kota"). No parameters.
create or replace table mart_jumlah_unit as
with
desa as (
    select kode_kecamatan, kode_kabkota, kode_provinsi from wilayah where tingkat = 'desa'
),
final as (
    select kode_kecamatan as kode_wilayah, 'desa' as tingkat_unit, count(*)::bigint as jumlah_unit
    from desa group by all
    union all
    select kode_kabkota, 'desa', count(*)::bigint from desa group by all
    union all
    select kode_provinsi, 'desa', count(*)::bigint from desa group by all
    union all
    select kode_provinsi, 'kabkota', count(*)::bigint from wilayah where tingkat = 'kabkota' group by all
)
select * from final where kode_wilayah is not null
order by kode_wilayah, tingkat_unit
