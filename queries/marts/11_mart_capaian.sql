-- mart_capaian (view): one row per (periode, kode_wilayah, kode_indikator) at every level (desa, kecamatan, kabkota,
-- provinsi). The desa rows are read straight from fakta_capaian (never copied: at national scale they are ~58 M rows);
-- the higher levels come from mart_capaian_agregat. Filters on tingkat, kode_wilayah or periode reach both parts.
-- Coverage columns as in mart_capaian_agregat (a desa row is one unit: unit_ada 1). No parameters.
create or replace view mart_capaian as
select
    f.periode,
    f.kode_wilayah,
    'desa' as tingkat,
    f.kode_indikator,
    i.kode_bidang as bidang,
    i.keluarga,
    f.sasaran,
    f.terlayani,
    case
        when f.sasaran is not null and f.terlayani is not null
            then case when f.sasaran > 0 then 100.0 * f.terlayani / f.sasaran end
        else f.capaian_dilaporkan
    end as capaian_persen,
    1::bigint as jumlah_laporan,
    'langsung' as asal,
    t.sasaran_taksiran,
    t.terlayani_taksiran,
    1::bigint as unit_ada,
    (f.sasaran is not null and f.terlayani is not null)::int::bigint as unit_hitung,
    ((f.sasaran is null or f.terlayani is null) and t.terlayani_taksiran is not null)::int::bigint as unit_taksiran,
    ((f.sasaran is null or f.terlayani is null) and t.terlayani_taksiran is null
        and f.capaian_dilaporkan is not null)::int::bigint as unit_persen
from fakta_capaian f
semi join (select kode from wilayah where tingkat = 'desa') d on d.kode = f.kode_wilayah
join indikator i using (kode_indikator)
left join mart_taksiran t using (periode, kode_wilayah, kode_indikator)
union all
select periode, kode_wilayah, tingkat, kode_indikator, bidang, keluarga, sasaran, terlayani, capaian_persen,
       jumlah_laporan, asal, sasaran_taksiran, terlayani_taksiran, unit_ada, unit_hitung, unit_taksiran, unit_persen
from mart_capaian_agregat
