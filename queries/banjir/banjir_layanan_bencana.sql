-- banjir_layanan_bencana: one row per (kode_indikator, periode) for the disaster-service indicators around event
-- $kode_bencana (mart_banjir_indikator.peran = 'layanan_bencana'): people/households/facilities to serve (sasaran),
-- served (terlayani) and the gap, summed over the affected desa (monthly Posyandu indicators), the affected kab/kota
-- (district SPM) or the province (provincial SPM), from $bulan_sebelum months before to 36 months after the onset
-- month. Params: $kode_bencana, $bulan_sebelum.
with
layanan as (
    select kode_indikator from mart_banjir_indikator where peran = 'layanan_bencana'
),
kejadian as (
    select date_trunc('month', tanggal_mulai)::date as bulan_mulai from bencana where kode_bencana = $kode_bencana
),
kabkota as (
    select distinct kode_kabkota, kode_provinsi from mart_banjir_desa where kode_bencana = $kode_bencana
),
desa as (
    select m.kode_indikator, m.periode, m.sasaran, m.terlayani
    from mart_banjir_bulanan m
    semi join layanan using (kode_indikator)
    where m.kode_bencana = $kode_bencana and m.kelompok = 'terdampak' and m.tingkat = 'provinsi'
),
kab as (
    select c.kode_indikator, c.periode, sum(c.sasaran) as sasaran, sum(c.terlayani) as terlayani
    from mart_capaian c
    semi join layanan using (kode_indikator)
    join indikator i using (kode_indikator)
    join kabkota k on k.kode_kabkota = c.kode_wilayah
    where c.tingkat = 'kabkota' and i.level = 'kab_kota' and c.sasaran is not null and c.terlayani is not null
    group by all
),
prov as (
    select c.kode_indikator, c.periode, c.sasaran, c.terlayani
    from mart_capaian c
    semi join layanan using (kode_indikator)
    join indikator i using (kode_indikator)
    where c.tingkat = 'provinsi' and i.level = 'provinsi' and c.kode_wilayah in (select kode_provinsi from kabkota)
      and c.sasaran is not null and c.terlayani is not null
),
semua as (
    select * from desa union all select * from kab union all select * from prov
),
final as (
    select s.kode_indikator, i.nama_id as indikator_id, i.nama_en as indikator_en, i.kode_bidang, i.level,
           s.periode, s.sasaran::bigint as sasaran, s.terlayani::bigint as terlayani,
           case when s.sasaran is not null and s.terlayani is not null then greatest(s.sasaran - s.terlayani, 0) end::bigint
               as kesenjangan,
           case when s.sasaran > 0 then 100.0 * s.terlayani / s.sasaran end as capaian_persen
    from semua s
    join indikator i using (kode_indikator)
    cross join kejadian k
    where s.periode between (k.bulan_mulai - to_months($bulan_sebelum))::date and (k.bulan_mulai + interval 36 month)::date
)
select * from final
order by kode_indikator, periode
