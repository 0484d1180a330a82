-- mart_capaian_periode_agregat: one row per (granularitas, periode, kode_wilayah, kode_indikator) at the kecamatan,
-- kab/kota and province levels for the quarter and year grains (the view mart_capaian_periode adds the monthly grain and
-- the desa rows, computed on read). granularitas 'triwulan' (periode = the quarter's last month) or 'tahun' (periode =
-- December of the year). Monthly indicators: quarter/year = sum of terlayani and sum of sasaran over the months
-- present (never an average of percentages). Official SPM rows are year-to-date cumulative: quarter = the quarter-end
-- row; year = the latest quarter-end row of that year for the area (periode_data says which). Annual ('tahunan') rows
-- count only in December: the year and its fourth quarter. No parameters.
create or replace table mart_capaian_periode_agregat as
with
capaian as (
    select m.*, i.periode_laporan
    from mart_capaian_agregat m
    join indikator i using (kode_indikator)
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
           sum(sasaran) filter (where sasaran is not null and terlayani is not null)   as sasaran,
           sum(terlayani) filter (where sasaran is not null and terlayani is not null) as terlayani,
           -- a single month reported as a percentage only keeps its percentage; sums need counts
           case when count(*) = 1 then max(capaian_persen) end as capaian_satu_bulan,
           sum(jumlah_laporan)::bigint as jumlah_laporan
    from bulanan_dijumlah
    group by granularitas, periode, kode_wilayah, tingkat, kode_indikator, bidang, keluarga
),
per_kelompok_final as (
    select granularitas, periode, periode_data, jumlah_bulan, kode_wilayah, tingkat, kode_indikator, bidang, keluarga,
           sasaran::bigint as sasaran, terlayani::bigint as terlayani,
           case
               when sasaran > 0 then 100.0 * terlayani / sasaran
               when sasaran is null then capaian_satu_bulan
           end as capaian_persen,
           jumlah_laporan
    from per_kelompok
),
resmi_akhir_triwulan as (
    select * from capaian
    where (periode_laporan = 'triwulanan_kumulatif' and month(periode) in (3, 6, 9, 12))
       or (periode_laporan = 'tahunan' and month(periode) = 12)  -- an annual value (e.g. a survey rate): December only
),
resmi_triwulan as (
    select 'triwulan' as granularitas, periode, periode as periode_data, month(periode)::bigint as jumlah_bulan,
           kode_wilayah, tingkat, kode_indikator, bidang, keluarga, sasaran, terlayani, capaian_persen, jumlah_laporan
    from resmi_akhir_triwulan
),
resmi_tahun as (
    select 'tahun' as granularitas, make_date(year(periode), 12, 1) as periode, periode as periode_data,
           month(periode)::bigint as jumlah_bulan,
           kode_wilayah, tingkat, kode_indikator, bidang, keluarga, sasaran, terlayani, capaian_persen, jumlah_laporan
    from resmi_akhir_triwulan
    qualify row_number() over (partition by year(periode), kode_wilayah, kode_indikator order by periode desc) = 1
),
final as (
    select * from per_kelompok_final
    union all by name select * from resmi_triwulan
    union all by name select * from resmi_tahun
)
select granularitas, periode::date as periode, periode_data::date as periode_data, jumlah_bulan, kode_wilayah, tingkat,
       kode_indikator, bidang, keluarga, sasaran, terlayani, capaian_persen, jumlah_laporan
from final
order by granularitas, tingkat, kode_indikator, kode_wilayah, periode
