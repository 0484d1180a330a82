-- riwayat_nilai_provinsi (table macro; the rows of mart_riwayat_nilai for province kode_prov): one row per reported
-- fact (periode, kode_wilayah, kode_indikator) that may be an outlier or a jump in sasaran, with its place in the
-- area's own history of that indicator: coverage, the series median, the median absolute deviation (MAD), the robust
-- z-score 0.6745 * (capaian - median) / MAD (when MAD = 0: (capaian - median) / (1.2533 * mean absolute deviation); NA
-- when the series does not vary), and the change of sasaran against the previous period (the month before; for
-- quarterly indicators the quarter before) of the same area and indicator (rasio_lompatan = larger / smaller - 1,
-- infinity when the smaller is 0). A series is one area and indicator; for the year-to-date quarterly indicators only
-- the same quarter of other years is comparable, so their series is also split by quarter. Only candidates are kept
-- (|z| >= 2 or rasio_lompatan >= 0.2; the settings cannot go below these floors, see dashboard.quality.config), so the
-- table stays small on a national warehouse. The mart is filled one province at a time (warehouse.build_marts), so the
-- medians and the comparison with the previous period never hold a national fact table in memory. Params: kode_prov;
-- semua (true: every series) or else only the series (kode_wilayah, kode_indikator) listed in the table named lingkup
-- with jenis = 'seri' (the incremental rebuild after an import: a series' medians and each row's previous period depend
-- only on that series).
create or replace macro riwayat_nilai_provinsi(kode_prov, semua, lingkup) as table
with
fakta as (
    select f.periode, f.kode_wilayah, f.kode_indikator, f.sasaran, f.terlayani,
           case when f.sasaran > 0 and f.terlayani is not null then 100.0 * f.terlayani / f.sasaran
                else f.capaian_dilaporkan end as capaian,
           case when i.periode_laporan = 'bulanan' then 0 else quarter(f.periode) end as musim,
           w.tingkat, w.kode_kabkota
    from fakta_capaian f
    join indikator i using (kode_indikator)
    join wilayah w on w.kode = f.kode_wilayah
    left join (from query_table(lingkup) where jenis = 'seri') l  -- the series to rebuild (when not semua)
        on l.kode_wilayah = f.kode_wilayah and l.kode_indikator = f.kode_indikator
    where w.kode_provinsi = kode_prov
      and (f.kode_wilayah = kode_prov or starts_with(f.kode_wilayah, kode_prov || '.'))
      and (semua or l.jenis is not null)
),
pusat as (
    select kode_wilayah, kode_indikator, musim,
           median(capaian) as median_seri, mad(capaian) as mad, count(capaian) as n_seri
    from fakta
    group by all
),
simpangan as (
    select f.kode_wilayah, f.kode_indikator, f.musim, avg(abs(f.capaian - p.median_seri)) as rata_simpangan
    from fakta f
    join pusat p using (kode_wilayah, kode_indikator, musim)
    group by all
),
urutan as (
    select f.*, p.median_seri, p.mad, p.n_seri, s.rata_simpangan,
           prev.sasaran as sasaran_sebelumnya, prev.periode as periode_sebelumnya
    from fakta f
    join pusat p using (kode_wilayah, kode_indikator, musim)
    join simpangan s using (kode_wilayah, kode_indikator, musim)
    left join fakta prev
        on prev.kode_wilayah = f.kode_wilayah and prev.kode_indikator = f.kode_indikator
       and prev.periode = (f.periode - to_months(case when f.musim = 0 then 1 else 3 end))::date
),
final as (
    select periode, kode_wilayah, tingkat, kode_kabkota, kode_indikator, sasaran, terlayani, capaian,
           musim, n_seri, median_seri, mad, rata_simpangan,
           case when capaian is null then null
                when mad > 0 then 0.6745 * (capaian - median_seri) / mad
                when rata_simpangan > 0 then (capaian - median_seri) / (1.2533 * rata_simpangan)
           end as skor_z,
           sasaran_sebelumnya, periode_sebelumnya,
           abs(sasaran - sasaran_sebelumnya) as selisih_sasaran,
           case when sasaran is null or sasaran_sebelumnya is null then null  -- least/greatest skip NULLs
                when least(sasaran, sasaran_sebelumnya) > 0
                    then greatest(sasaran, sasaran_sebelumnya)::double / least(sasaran, sasaran_sebelumnya) - 1
                when greatest(sasaran, sasaran_sebelumnya) > 0 then 'infinity'::double
                when sasaran is not null and sasaran_sebelumnya is not null then 0.0
           end as rasio_lompatan
    from urutan
)
select * from final
where abs(skor_z) >= 2 or rasio_lompatan >= 0.2
