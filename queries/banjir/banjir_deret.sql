-- banjir_deret: one row per (kelompok, kode_indikator, periode) for area $kode_wilayah of event $kode_bencana: the
-- monthly coverage of the affected desa in that area (and of the comparison desa, for a kab/kota or the whole event)
-- from mart_banjir_bulanan. Params: $kode_bencana, $kode_wilayah.
select m.kelompok, m.kode_indikator, m.periode, m.bulan_ke, m.sasaran, m.terlayani, m.capaian_persen, m.jumlah_desa
from mart_banjir_bulanan m
where m.kode_bencana = $kode_bencana and m.kode_wilayah = $kode_wilayah
order by m.kelompok, m.kode_indikator, m.periode
