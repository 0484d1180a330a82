-- kelengkapan_desa: one row per (periode, kode_indikator, kab/kota) of the staged file (temp table `tahap`) for a
-- posyandu_desa indicator reported per desa/kelurahan: desa/kelurahan expected in that kab/kota and present in the file.
-- No parameters.
with
berkas as (
    select distinct t.periode, t.kode_indikator, t.kode_wilayah
    from tahap t
    join indikator i on i.kode_indikator = t.kode_indikator
    join wilayah w on w.kode = t.kode_wilayah
    where t.periode is not null and w.tingkat = 'desa' and i.level = 'posyandu_desa'
),
kunci as (select distinct periode, kode_indikator from berkas),
harap as (
    select k.periode, k.kode_indikator, w.kode, w.kode_kabkota
    from kunci k cross join wilayah w
    where w.tingkat = 'desa'
)
select
    h.periode,
    h.kode_indikator,
    kk.kode as kode_kabkota,
    kk.nama as kabkota,
    count(*) as diharapkan,
    count(b.kode_wilayah) as ada
from harap h
join wilayah kk on kk.kode = h.kode_kabkota
left join berkas b on b.periode = h.periode and b.kode_indikator = h.kode_indikator and b.kode_wilayah = h.kode
group by h.periode, h.kode_indikator, kk.kode, kk.nama
order by h.periode, h.kode_indikator, kk.kode
