-- banjir_pemulihan_layanan: one row per (tingkat, kode_wilayah, kode_indikator) of the affected desa of event
-- $kode_bencana (per desa, and summed per kecamatan, kab/kota and the whole event as tingkat 'provinsi'), for each
-- monthly flood-sensitive indicator compared with its baseline (mart_banjir_indikator.peran = 'pemulihan'): the pre-
-- flood baseline (mean coverage of the $bulan_baseline months before the onset month), the worst point from the
-- onset month on (lowest; highest when lower is better), the latest value, whether the latest value is recovered (>=
-- $ambang x baseline; <= baseline / $ambang when lower is better), the month (counted from the onset month) from
-- which it has stayed recovered, and the last $bulan_tren points from the worst point on (for the trend projection).
-- Params: $kode_bencana, $bulan_baseline, $ambang, $bulan_tren.
with
deret as (
    select m.tingkat, m.kode_wilayah, m.kode_indikator, m.periode, m.bulan_ke, m.capaian_persen as capaian,
           m.sasaran, m.terlayani, i.lebih_tinggi_lebih_baik as naik
    from mart_banjir_bulanan m
    join indikator i using (kode_indikator)
    semi join mart_banjir_indikator b on b.kode_indikator = m.kode_indikator and b.peran = 'pemulihan'
    where m.kode_bencana = $kode_bencana and m.kelompok = 'terdampak' and m.capaian_persen is not null
      and m.bulan_ke >= -$bulan_baseline
),
dasar as (
    select tingkat, kode_wilayah, kode_indikator, avg(capaian) as baseline, count(*) as bulan_baseline_ada
    from deret
    where bulan_ke < 0
    group by all
),
pasca as (
    select d.*, b.baseline, b.bulan_baseline_ada,
           case when d.naik then d.capaian else -d.capaian end as skor,
           case
               when b.baseline is null then null
               when d.naik then d.capaian >= $ambang * b.baseline
               else d.capaian * $ambang <= b.baseline
           end as pulih_bulan
    from deret d
    left join dasar b using (tingkat, kode_wilayah, kode_indikator)
    where d.bulan_ke >= 0
),
terburuk as (
    select tingkat, kode_wilayah, kode_indikator, min(skor) as skor_terburuk, max(bulan_ke) as bulan_kini
    from pasca
    group by all
),
ringkas as (
    select p.tingkat, p.kode_wilayah, p.kode_indikator, any_value(p.naik) as naik,
           any_value(p.baseline) as baseline, any_value(p.bulan_baseline_ada) as bulan_baseline_ada,
           min(p.bulan_ke) filter (where p.skor = t.skor_terburuk) as bulan_terburuk,
           any_value(p.capaian) filter (where p.skor = t.skor_terburuk) as terburuk,
           any_value(t.bulan_kini) as bulan_kini,
           any_value(p.capaian) filter (where p.bulan_ke = t.bulan_kini) as kini,
           any_value(p.sasaran) filter (where p.bulan_ke = t.bulan_kini) as sasaran_kini,
           any_value(p.terlayani) filter (where p.bulan_ke = t.bulan_kini) as terlayani_kini,
           any_value(p.pulih_bulan) filter (where p.bulan_ke = t.bulan_kini) as pulih,
           count(*) as bulan_pasca_ada
    from pasca p
    join terburuk t using (tingkat, kode_wilayah, kode_indikator)
    group by all
),
waktu as (
    -- the last month from the worst point on that is not recovered
    select p.tingkat, p.kode_wilayah, p.kode_indikator,
           max(p.bulan_ke) filter (where p.bulan_ke >= r.bulan_terburuk and not p.pulih_bulan) as terakhir_belum,
           any_value(r.bulan_terburuk) as bulan_terburuk
    from pasca p
    join ringkas r using (tingkat, kode_wilayah, kode_indikator)
    group by all
),
pulih_sejak as (
    -- the first recovered month after it: recovered ever since
    select p.tingkat, p.kode_wilayah, p.kode_indikator, min(p.bulan_ke) as bulan_pulih
    from pasca p
    join waktu w using (tingkat, kode_wilayah, kode_indikator)
    where p.pulih_bulan and p.bulan_ke > coalesce(w.terakhir_belum, w.bulan_terburuk - 1)
    group by all
),
tren as (
    select tingkat, kode_wilayah, kode_indikator,
           list(bulan_ke order by bulan_ke) as tren_bulan, list(capaian order by bulan_ke) as tren_nilai
    from (
        select p.*, row_number() over (partition by p.tingkat, p.kode_wilayah, p.kode_indikator order by p.bulan_ke desc) as urut
        from pasca p
        join ringkas r using (tingkat, kode_wilayah, kode_indikator)
        where p.bulan_ke >= r.bulan_terburuk
    )
    where urut <= $bulan_tren
    group by all
),
final as (
    select r.tingkat, r.kode_wilayah, w.nama as nama_wilayah, w.kode_kecamatan, w.kode_kabkota,
           c.nama as nama_kecamatan, k.nama as nama_kabkota,
           r.kode_indikator, i.nama_id as indikator_id, i.nama_en as indikator_en, i.kode_bidang, r.naik,
           r.baseline, r.bulan_baseline_ada, r.terburuk, r.bulan_terburuk, r.kini, r.bulan_kini,
           r.sasaran_kini, r.terlayani_kini, r.bulan_pasca_ada,
           case
               when r.baseline is null then null
               when r.naik then r.terburuk >= $ambang * r.baseline
               else r.terburuk * $ambang <= r.baseline
           end as tidak_turun,
           r.pulih,
           case when r.pulih then ps.bulan_pulih end as bulan_pulih,
           t.tren_bulan, t.tren_nilai
    from ringkas r
    left join pulih_sejak ps using (tingkat, kode_wilayah, kode_indikator)
    join tren t using (tingkat, kode_wilayah, kode_indikator)
    join indikator i using (kode_indikator)
    join wilayah w on w.kode = r.kode_wilayah
    left join wilayah c on c.kode = w.kode_kecamatan
    left join wilayah k on k.kode = w.kode_kabkota
)
select * from final
order by tingkat, kode_wilayah, kode_indikator
