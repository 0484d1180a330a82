-- banjir_selisih_pembanding: one row per (tingkat, kode_wilayah, kode_indikator, periode) from the onset month of
-- event $kode_bencana on, for each baseline-compared indicator (mart_banjir_indikator) and each affected kab/kota
-- and for the whole event (tingkat 'provinsi'): coverage of the affected desa and of the comparable unaffected desa
-- (see mart_banjir_bulanan), each group's change from its own baseline (mean of the $bulan_baseline months before
-- onset), and the difference of the two changes (difference-in-differences, in percentage points; negative = the
-- affected desa fell further). Params: $kode_bencana, $bulan_baseline.
with
deret as (
    select m.kelompok, m.tingkat, m.kode_wilayah, m.kode_indikator, m.periode, m.bulan_ke, m.capaian_persen,
           m.jumlah_desa
    from mart_banjir_bulanan m
    semi join mart_banjir_indikator b on b.kode_indikator = m.kode_indikator and b.peran = 'pemulihan'
    where m.kode_bencana = $kode_bencana and m.tingkat in ('kabkota', 'provinsi') and m.capaian_persen is not null
      and m.bulan_ke >= -$bulan_baseline
),
dasar as (
    select kelompok, tingkat, kode_wilayah, kode_indikator, avg(capaian_persen) as baseline
    from deret
    where bulan_ke < 0
    group by all
),
perubahan as (
    select d.*, b.baseline, d.capaian_persen - b.baseline as perubahan
    from deret d
    join dasar b using (kelompok, tingkat, kode_wilayah, kode_indikator)
    where d.bulan_ke >= 0
),
final as (
    select a.tingkat, a.kode_wilayah, w.nama as nama_wilayah, a.kode_indikator, i.nama_id as indikator_id,
           i.nama_en as indikator_en, i.kode_bidang, i.lebih_tinggi_lebih_baik as naik, a.periode, a.bulan_ke,
           a.capaian_persen as capaian_terdampak, a.baseline as baseline_terdampak, a.perubahan as perubahan_terdampak,
           a.jumlah_desa as desa_terdampak,
           p.capaian_persen as capaian_pembanding, p.baseline as baseline_pembanding,
           p.perubahan as perubahan_pembanding, p.jumlah_desa as desa_pembanding,
           a.perubahan - p.perubahan as selisih
    from perubahan a
    join perubahan p using (tingkat, kode_wilayah, kode_indikator, periode)
    join indikator i using (kode_indikator)
    join wilayah w on w.kode = a.kode_wilayah
    where a.kelompok = 'terdampak' and p.kelompok = 'pembanding'
)
select * from final
order by tingkat desc, kode_wilayah, kode_indikator, periode
