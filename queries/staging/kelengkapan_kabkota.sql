-- kelengkapan_kabkota: one row per (periode, kode_indikator) of the staged file (temp table `tahap`) reported per kab/kota
-- (a kab_kota indicator, or a posyandu_desa indicator given for kab/kota): kab/kota expected, present, and the names of
-- those missing in code order. No parameters.
with
berkas as (
    select distinct t.periode, t.kode_indikator, t.kode_wilayah
    from tahap t
    join indikator i on i.kode_indikator = t.kode_indikator
    join wilayah w on w.kode = t.kode_wilayah
    where t.periode is not null and w.tingkat = 'kabkota' and i.level in ('kab_kota', 'posyandu_desa')
),
kunci as (select distinct periode, kode_indikator from berkas),
harap as (
    select k.periode, k.kode_indikator, w.kode, w.nama
    from kunci k cross join wilayah w
    where w.tingkat = 'kabkota'
)
select
    h.periode,
    h.kode_indikator,
    count(*) as diharapkan,
    count(b.kode_wilayah) as ada,
    coalesce(list(h.nama order by h.kode) filter (where b.kode_wilayah is null), []) as tidak_ada
from harap h
left join berkas b on b.periode = h.periode and b.kode_indikator = h.kode_indikator and b.kode_wilayah = h.kode
group by h.periode, h.kode_indikator
order by h.periode, h.kode_indikator
