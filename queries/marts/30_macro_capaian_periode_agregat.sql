-- capaian_periode_agregat (table macro; the rows of mart_capaian_periode_agregat): one row per (granularitas, periode,
-- kode_wilayah, kode_indikator) at the kecamatan, kab/kota and province levels for the quarter and year grains (the
-- view mart_capaian_periode adds the monthly grain and the desa rows, computed on read). granularitas 'triwulan'
-- (periode = the quarter's last month) or 'tahun' (periode = December of the year). Monthly indicators: quarter/year =
-- sum of terlayani and sum of sasaran over the months present (never an average of percentages). Official SPM rows are
-- year-to-date cumulative: quarter = the quarter-end row; year = the latest quarter-end row of that year for the area
-- (periode_data says which). Annual ('tahunan') rows count only in December: the year and its fourth quarter. Coverage
-- columns as in mart_capaian_agregat; a period summed over months has its average month's coverage (units per month,
-- rounded). Params: semua (true: every row, the full build) or else only the rows of the keys listed in the table named
-- lingkup (jenis = 'tahun': tahun, kode_indikator, kode_provinsi: every grain's row of that year), the incremental
-- rebuild after an import (warehouse.build_marts_incremental).
create or replace macro capaian_periode_agregat(semua, lingkup) as table
with
capaian as (
    select m.*, i.periode_laporan, m.sasaran as sasaran_asli, m.terlayani as terlayani_asli,
           case when m.sasaran is not null and m.terlayani is not null then m.sasaran else m.sasaran_taksiran end
               as sasaran_dasar,
           case when m.sasaran is not null and m.terlayani is not null then m.terlayani else m.terlayani_taksiran end
               as terlayani_dasar
    from mart_capaian_agregat m
    join indikator i using (kode_indikator)
    left join (from query_table(lingkup) where jenis = 'tahun') l  -- the keys to rebuild (when not semua)
        on l.tahun = year(m.periode) and l.kode_indikator = m.kode_indikator
       and l.kode_provinsi = split_part(m.kode_wilayah, '.', 1)
    where semua or l.jenis is not null
),
bulanan as (
    select * from capaian where periode_laporan = 'bulanan'
),
bulanan_dijumlah as (
    select 'triwulan' as granularitas, date_trunc('quarter', periode) + interval 2 month as periode, *
    exclude (periode), periode as periode_asli
    from bulanan
    union all by name
    select 'tahun' as granularitas, date_trunc('year', periode) + interval 11 month as periode, *
    exclude (periode), periode as periode_asli
    from bulanan
),
per_kelompok as (
    select granularitas, periode::date as periode, max(periode_asli) as periode_data, count(*)::bigint as jumlah_bulan,
           kode_wilayah, tingkat, kode_indikator, bidang, keluarga,
           -- counts a sum may use: reported, or estimated for a percent-only row (mart_taksiran)
           sum(sasaran_dasar) filter (where sasaran_dasar is not null and terlayani_dasar is not null)   as sasaran,
           sum(terlayani_dasar) filter (where sasaran_dasar is not null and terlayani_dasar is not null) as terlayani,
           -- a single month reported as a percentage only keeps its published percentage (and its estimate apart)
           count(*) = 1 and bool_and(sasaran_asli is null or terlayani_asli is null) as satu_bulan_persen,
           case when count(*) = 1 then max(capaian_persen) end as capaian_satu_bulan,
           max(sasaran_taksiran) as sasaran_taksiran_satu, max(terlayani_taksiran) as terlayani_taksiran_satu,
           sum(jumlah_laporan)::bigint as jumlah_laporan,
           -- coverage of a period summed over months = its average month's (units per month, rounded)
           {'ada': max(unit_ada), 'hitung': round(avg(unit_hitung)), 'taksiran': round(avg(unit_taksiran)),
            'persen': round(avg(unit_persen))} as unit
    from bulanan_dijumlah
    group by granularitas, periode, kode_wilayah, tingkat, kode_indikator, bidang, keluarga
),
per_kelompok_final as (
    select granularitas, periode, periode_data, jumlah_bulan, kode_wilayah, tingkat, kode_indikator, bidang, keluarga,
           case when not satu_bulan_persen then sasaran end::bigint as sasaran,
           case when not satu_bulan_persen then terlayani end::bigint as terlayani,
           case
               when jumlah_bulan = 1 then capaian_satu_bulan
               when sasaran > 0 then 100.0 * terlayani / sasaran
           end as capaian_persen,
           jumlah_laporan,
           case when satu_bulan_persen then sasaran_taksiran_satu end::bigint as sasaran_taksiran,
           case when satu_bulan_persen then terlayani_taksiran_satu end::bigint as terlayani_taksiran,
           unit.ada::bigint as unit_ada, unit.hitung::bigint as unit_hitung, unit.taksiran::bigint as unit_taksiran,
           unit.persen::bigint as unit_persen
    from per_kelompok
),
resmi_akhir_triwulan as (
    select * from capaian
    where (periode_laporan = 'triwulanan_kumulatif' and month(periode) in (3, 6, 9, 12))
       or (periode_laporan = 'tahunan' and month(periode) = 12)  -- an annual value (e.g. a survey rate): December only
),
resmi_triwulan as (
    select 'triwulan' as granularitas, periode, periode as periode_data, month(periode)::bigint as jumlah_bulan,
           kode_wilayah, tingkat, kode_indikator, bidang, keluarga, sasaran, terlayani, capaian_persen, jumlah_laporan,
           sasaran_taksiran, terlayani_taksiran, unit_ada, unit_hitung, unit_taksiran, unit_persen
    from resmi_akhir_triwulan
),
resmi_tahun as (
    select 'tahun' as granularitas, make_date(year(periode), 12, 1) as periode, periode as periode_data,
           month(periode)::bigint as jumlah_bulan,
           kode_wilayah, tingkat, kode_indikator, bidang, keluarga, sasaran, terlayani, capaian_persen, jumlah_laporan,
           sasaran_taksiran, terlayani_taksiran, unit_ada, unit_hitung, unit_taksiran, unit_persen
    from resmi_akhir_triwulan
    qualify row_number() over (partition by year(periode), kode_wilayah, kode_indikator order by periode desc) = 1
),
final as (
    select * from per_kelompok_final
    union all by name select * from resmi_triwulan
    union all by name select * from resmi_tahun
)
select granularitas, periode::date as periode, periode_data::date as periode_data, jumlah_bulan, kode_wilayah, tingkat,
       kode_indikator, bidang, keluarga, sasaran, terlayani, capaian_persen, jumlah_laporan, sasaran_taksiran,
       terlayani_taksiran, unit_ada, unit_hitung, unit_taksiran, unit_persen
from final
