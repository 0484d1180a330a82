-- mart_capaian_periode (view): one row per (granularitas, periode, kode_wilayah, kode_indikator) at every level, for
-- the period grains the ranking, field, trend and profile pages use. granularitas 'bulan' = the monthly indicators'
-- rows of mart_capaian; 'triwulan' and 'tahun' come from mart_capaian_periode_agregat above the desa level, and for
-- desa are summed on read from the facts (same rule: sum terlayani and sasaran over the months present; one month
-- reported only as a percentage keeps it), so the ~58 M national desa rows are never copied. Filter on kode_wilayah
-- or tingkat when reading desa rows. Coverage columns as in mart_capaian_periode_agregat (a desa is one unit).
-- No parameters.
create or replace view mart_capaian_periode as
with
bulanan as (
    select kode_indikator from indikator where periode_laporan = 'bulanan'
),
per_bulan as (
    select 'bulan' as granularitas, m.periode, m.periode as periode_data, 1::bigint as jumlah_bulan,
           m.kode_wilayah, m.tingkat, m.kode_indikator, m.bidang, m.keluarga, m.sasaran, m.terlayani,
           m.capaian_persen, m.jumlah_laporan, m.sasaran_taksiran, m.terlayani_taksiran, m.unit_ada, m.unit_hitung,
           m.unit_taksiran, m.unit_persen
    from mart_capaian m
    semi join bulanan b using (kode_indikator)
),
desa_bulanan as (
    select f.periode, f.kode_wilayah, f.kode_indikator, f.sasaran, f.terlayani,
           case when f.sasaran is not null and f.terlayani is not null
                    then case when f.sasaran > 0 then 100.0 * f.terlayani / f.sasaran end
                else f.capaian_dilaporkan end as capaian_persen
    from fakta_capaian f
    semi join (select kode from wilayah where tingkat = 'desa') d on d.kode = f.kode_wilayah
    semi join bulanan b using (kode_indikator)
),
desa_kelompok as (
    select g.granularitas,
           case when g.granularitas = 'triwulan' then date_trunc('quarter', d.periode) + interval 2 month
                else date_trunc('year', d.periode) + interval 11 month end::date as periode,
           max(d.periode) as periode_data, count(*)::bigint as jumlah_bulan,
           d.kode_wilayah, d.kode_indikator,
           sum(d.sasaran) filter (where d.sasaran is not null and d.terlayani is not null)   as sasaran,
           sum(d.terlayani) filter (where d.sasaran is not null and d.terlayani is not null) as terlayani,
           case when count(*) = 1 then max(d.capaian_persen) end as capaian_satu_bulan,
           count(*) filter (where d.sasaran is not null and d.terlayani is not null) as bulan_hitung
    from desa_bulanan d
    cross join (values ('triwulan'), ('tahun')) g(granularitas)
    group by all
),
per_desa as (
    select k.granularitas, k.periode, k.periode_data, k.jumlah_bulan, k.kode_wilayah, 'desa' as tingkat,
           k.kode_indikator, i.kode_bidang as bidang, i.keluarga, k.sasaran::bigint as sasaran,
           k.terlayani::bigint as terlayani,
           case when k.sasaran > 0 then 100.0 * k.terlayani / k.sasaran
                when k.sasaran is null then k.capaian_satu_bulan end as capaian_persen,
           k.jumlah_bulan as jumlah_laporan,
           null::bigint as sasaran_taksiran, null::bigint as terlayani_taksiran,
           1::bigint as unit_ada, (k.bulan_hitung > 0)::int::bigint as unit_hitung, 0::bigint as unit_taksiran,
           (k.bulan_hitung = 0 and k.capaian_satu_bulan is not null)::int::bigint as unit_persen
    from desa_kelompok k
    join indikator i using (kode_indikator)
)
select * from per_bulan
union all
select granularitas, periode, periode_data, jumlah_bulan, kode_wilayah, tingkat, kode_indikator, bidang, keluarga,
       sasaran, terlayani, capaian_persen, jumlah_laporan, sasaran_taksiran, terlayani_taksiran, unit_ada, unit_hitung,
       unit_taksiran, unit_persen
from mart_capaian_periode_agregat
union all
select * from per_desa
