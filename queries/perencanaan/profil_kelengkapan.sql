-- profil_kelengkapan: one row per (area in $kode_wilayah, month in $mulai..$akhir with monthly data): desa under the
-- area, desa that sent any monthly Posyandu/desa report and completeness in percent (mart_kelengkapan, indicator '*');
-- a desa counts itself (1 active, 1 or 0 reporting). Params: $kode_wilayah (list), $mulai, $akhir (DATEs).
with
bulan as (
    select distinct periode from mart_kelengkapan where periode between $mulai and $akhir
),
area as (
    select kode, tingkat from wilayah where list_contains($kode_wilayah, kode)
),
agregat as (
    select k.periode, k.kode_wilayah, k.desa_aktif::bigint as desa_aktif, k.desa_melapor::bigint as desa_melapor
    from mart_kelengkapan k
    where k.kode_indikator = '*' and list_contains($kode_wilayah, k.kode_wilayah)
      and k.periode between $mulai and $akhir
),
laporan_desa as (
    select distinct m.periode, m.kode_wilayah
    from mart_capaian m
    where m.tingkat = 'desa' and m.keluarga <> 'spm_resmi' and list_contains($kode_wilayah, m.kode_wilayah)
      and m.periode between $mulai and $akhir
),
desa as (
    select b.periode, a.kode as kode_wilayah, 1::bigint as desa_aktif,
           case when l.kode_wilayah is null then 0 else 1 end::bigint as desa_melapor
    from area a
    cross join bulan b
    left join laporan_desa l on l.kode_wilayah = a.kode and l.periode = b.periode
    where a.tingkat = 'desa'
),
final as (
    select periode, kode_wilayah, desa_aktif, desa_melapor, 100.0 * desa_melapor / nullif(desa_aktif, 0) as kelengkapan_persen
    from (select * from agregat union all select * from desa)
)
select * from final
order by kode_wilayah, periode
