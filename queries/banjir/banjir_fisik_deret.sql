-- banjir_fisik_deret: one row per (komponen, tanggal) for area $kode_wilayah of event $kode_bencana: damage,
-- cumulative repaired/restored, backlog and percent done on each progress date (mart_banjir_fisik), with the
-- responsible field. Params: $kode_bencana, $kode_wilayah.
select f.komponen, f.urutan, f.kode_bidang, f.tanggal, f.rusak, f.pulih, f.sisa, f.persen_pulih
from mart_banjir_fisik f
where f.kode_bencana = $kode_bencana and f.kode_wilayah = $kode_wilayah
order by f.urutan, f.tanggal
