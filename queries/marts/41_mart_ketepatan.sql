-- mart_ketepatan: one row per (kab/kota, quarter) for every kab/kota and every quarter that has kab/kota SPM rows:
-- when the rows of that quarter were delivered (the import-log time of the import that last delivered each row,
-- fakta_capaian.id_impor -> impor.waktu) against the e-SPM deadline, the 20th of the month after the quarter ends
-- (SPM.md §7). Sample rows (id_impor 0 or an import with sumber 'sampel') have no real delivery time: they are
-- counted, never timed. status: tepat_waktu | terlambat | sampel | belum_ada. No parameters.
create or replace table mart_ketepatan as
with
baris_spm as (
    select f.kode_wilayah, date_trunc('quarter', f.periode)::date as awal_triwulan, f.id_impor, im.waktu,
           coalesce(f.id_impor = 0 or im.sumber = 'sampel' or im.waktu is null, true) as sampel
    from fakta_capaian f
    join indikator i using (kode_indikator)
    join wilayah w on w.kode = f.kode_wilayah
    left join impor im on im.id_impor = f.id_impor
    where i.level = 'kab_kota' and w.tingkat = 'kabkota'
),
triwulan as (
    select distinct awal_triwulan,
           (awal_triwulan + interval 2 month)::date as periode_triwulan,
           (awal_triwulan + interval 3 month + interval 19 day)::date as tenggat
    from baris_spm
),
kiriman as (
    select kode_wilayah, awal_triwulan,
           count(*) as baris,
           count(*) filter (where sampel) as baris_sampel,
           min(waktu) filter (where not sampel) as kirim_pertama,
           max(waktu) filter (where not sampel) as kirim_terakhir,
           arg_max(id_impor, waktu) filter (where not sampel) as id_impor_terakhir,
           count(distinct id_impor) filter (where not sampel) as jumlah_impor
    from baris_spm
    group by all
),
kabkota as (
    select kode from wilayah where tingkat = 'kabkota'
),
final as (
    select k.kode as kode_kabkota, t.periode_triwulan, t.tenggat,
           coalesce(x.baris, 0) as baris,
           coalesce(x.baris_sampel, 0) as baris_sampel,
           x.kirim_pertama, x.kirim_terakhir, x.id_impor_terakhir, coalesce(x.jumlah_impor, 0) as jumlah_impor,
           case when x.kirim_terakhir is not null and t.tenggat is not null then greatest(date_diff('day', t.tenggat, x.kirim_terakhir::date), 0) end
               as hari_terlambat,
           case when x.baris is null then 'belum_ada'
                when x.kirim_terakhir is null then 'sampel'
                when x.kirim_terakhir::date <= t.tenggat then 'tepat_waktu'
                else 'terlambat' end as status
    from kabkota k
    cross join triwulan t
    left join kiriman x on x.kode_wilayah = k.kode and x.awal_triwulan = t.awal_triwulan
)
select * from final
order by kode_kabkota, periode_triwulan
