-- mart_banjir_fisik: one row per (kode_bencana, kode_wilayah, komponen, tanggal): physical recovery of one kind of
-- damage (houses by damage class, schools, water and sanitation facilities, households reached by social assistance)
-- in an area on a progress-report date (or the event's start date, when nothing is repaired yet). `rusak` is the
-- damage from mart_banjir_dampak; `pulih` the cumulative count restored, carried forward from each reporting area's
-- latest report on or before the date; the area's own report wins over the sum of the areas below it. `sisa` is the
-- backlog. Also carries the responsible field (kode_bidang). No parameters.
create or replace table mart_banjir_fisik as
with
komponen as (
    select * from (values
        (1, 'rumah_rusak_berat', 'rumah_rusak_berat', 'rumah_rusak_berat_diperbaiki', 'perumahan_rakyat'),
        (2, 'rumah_rusak_sedang', 'rumah_rusak_sedang', 'rumah_rusak_sedang_diperbaiki', 'perumahan_rakyat'),
        (3, 'rumah_rusak_ringan', 'rumah_rusak_ringan', 'rumah_rusak_ringan_diperbaiki', 'perumahan_rakyat'),
        (4, 'sekolah', 'sekolah_terdampak', 'sekolah_pulih', 'pendidikan'),
        (5, 'sarana_air', 'sarana_air_rusak', 'sarana_air_pulih', 'pekerjaan_umum'),
        (6, 'sarana_sanitasi', 'sarana_sanitasi_rusak', 'sarana_sanitasi_pulih', 'pekerjaan_umum'),
        (7, 'kk_bantuan', 'kk_terdampak', 'kk_menerima_bantuan', 'sosial')
    ) as k(urutan, komponen, ukuran_rusak, ukuran_pulih, kode_bidang)
),
laporan as (
    select kode_bencana, kode_wilayah as kode, tanggal, ukuran, nilai
    from pemulihan
    unpivot (nilai for ukuran in (
        rumah_rusak_berat_diperbaiki, rumah_rusak_sedang_diperbaiki, rumah_rusak_ringan_diperbaiki, sekolah_pulih,
        sarana_air_pulih, sarana_sanitasi_pulih, kk_menerima_bantuan
    ))
),
tanggal as (
    select kode_bencana, tanggal_mulai as tanggal from bencana
    union
    select distinct kode_bencana, tanggal from pemulihan
),
posisi as (
    -- each reporting area's latest cumulative figure on or before every date of the event
    select g.kode_bencana, g.tanggal, g.kode, g.ukuran, l.nilai
    from (
        select t.kode_bencana, t.tanggal, r.kode, r.ukuran
        from tanggal t
        join (select distinct kode_bencana, kode, ukuran from laporan) r using (kode_bencana)
    ) g
    asof left join laporan l
        on l.kode_bencana = g.kode_bencana and l.kode = g.kode and l.ukuran = g.ukuran and g.tanggal >= l.tanggal
),
baris as (
    select p.*, length(p.kode) - length(replace(p.kode, '.', '')) as kedalaman,
           [w.kode_provinsi, w.kode_kabkota, w.kode_kecamatan, w.kode] as leluhur
    from posisi p
    join wilayah w on w.kode = p.kode
    where p.nilai is not null
),
tertutup as (
    select b.kode_bencana, b.tanggal, b.kode, b.ukuran, max(a.kedalaman) as kedalaman_atas
    from baris b
    join baris a
        on a.kode_bencana = b.kode_bencana and a.tanggal = b.tanggal and a.ukuran = b.ukuran
       and starts_with(b.kode, a.kode || '.')
    group by all
),
sumbangan as (
    select b.kode_bencana, b.tanggal, b.ukuran, b.nilai, b.kode,
           unnest(list_distinct(list_filter(b.leluhur, lambda x: x is not null))) as area, t.kedalaman_atas
    from baris b
    left join tertutup t using (kode_bencana, tanggal, kode, ukuran)
),
pulih as (
    select kode_bencana, tanggal, area as kode_wilayah, ukuran, sum(nilai) as pulih
    from sumbangan
    where kedalaman_atas is null or length(area) - length(replace(area, '.', '')) > kedalaman_atas
    group by all
),
rusak as (
    select d.kode_bencana, d.kode_wilayah, k.komponen, d.nilai as rusak
    from mart_banjir_dampak d
    join komponen k on k.ukuran_rusak = d.ukuran
),
area as (
    select kode_bencana, kode_wilayah, komponen from rusak
    union
    select p.kode_bencana, p.kode_wilayah, k.komponen from pulih p join komponen k on k.ukuran_pulih = p.ukuran
),
final as (
    select a.kode_bencana, a.kode_wilayah, w.tingkat, a.komponen, k.urutan, k.kode_bidang, t.tanggal,
           r.rusak, coalesce(p.pulih, 0)::bigint as pulih,
           case when r.rusak is not null then greatest(r.rusak - coalesce(p.pulih, 0), 0) end::bigint as sisa,
           case when r.rusak > 0 then 100.0 * least(coalesce(p.pulih, 0), r.rusak) / r.rusak end as persen_pulih
    from area a
    join komponen k using (komponen)
    join wilayah w on w.kode = a.kode_wilayah
    join tanggal t using (kode_bencana)
    left join rusak r using (kode_bencana, kode_wilayah, komponen)
    left join pulih p
        on p.kode_bencana = a.kode_bencana and p.kode_wilayah = a.kode_wilayah and p.ukuran = k.ukuran_pulih
       and p.tanggal = t.tanggal
)
select * from final
order by kode_bencana, kode_wilayah, urutan, tanggal
