-- kualitas_desa_belum_lapor: one row per desa/kelurahan under $kode_wilayah (a kecamatan, kab/kota or the province)
-- that did not report monthly indicator $indikator ('*' = no monthly indicator at all) in month $periode (only months
-- that have monthly desa data somewhere, as in the completeness heat map). Read from the facts of that month and area.
-- Params: $periode (first day of the month), $kode_wilayah, $indikator.
with
desa as (
    select kode, nama, jenis, kode_kecamatan, kode_kabkota
    from wilayah
    where tingkat = 'desa' and starts_with(kode, $kode_wilayah || '.')
      and exists (select 1 from mart_kelengkapan where periode = $periode::date)
),
laporan as (
    select f.kode_wilayah, list(f.kode_indikator) as indikator_dilaporkan
    from fakta_capaian f
    join indikator i using (kode_indikator)
    where f.periode = $periode::date and starts_with(f.kode_wilayah, $kode_wilayah || '.')
      and i.periode_laporan = 'bulanan'
    group by all
),
final as (
    select d.kode as kode_desa, d.nama as nama_desa, d.jenis, kec.nama as kecamatan, kab.nama_lengkap as kabkota,
           coalesce(len(l.indikator_dilaporkan), 0) as indikator_dilaporkan,
           coalesce(l.indikator_dilaporkan, []::varchar[]) as daftar
    from desa d
    join wilayah kec on kec.kode = d.kode_kecamatan
    join wilayah kab on kab.kode = d.kode_kabkota
    left join laporan l on l.kode_wilayah = d.kode
)
select kode_desa, nama_desa, jenis, kecamatan, kabkota, indikator_dilaporkan
from final
where case when $indikator = '*' then indikator_dilaporkan = 0
           else not list_contains(daftar, $indikator) end
order by kode_desa
