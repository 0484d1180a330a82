-- mart_baris_kabkota: one row per (periode, kab/kota) with the number of reported facts of the kab/kota at every level
-- (kab/kota, kecamatan, desa): the denominator of the consistency and outlier parts of the data-quality score.
-- No parameters.
create or replace table mart_baris_kabkota as
with
final as (
    select f.periode, w.kode_kabkota, count(*) as baris
    from fakta_capaian f
    join wilayah w on w.kode = f.kode_wilayah
    where w.kode_kabkota is not null
    group by all
)
select * from final
order by kode_kabkota, periode
