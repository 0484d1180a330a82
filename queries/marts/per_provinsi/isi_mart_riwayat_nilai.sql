-- isi_mart_riwayat_nilai: appends one row per outlier/jump candidate of province $kode_provinsi to mart_riwayat_nilai
-- (run by warehouse.build_marts for every province). Params: $kode_provinsi.
insert into mart_riwayat_nilai
from riwayat_nilai_provinsi($kode_provinsi, true, 'lingkup_mart')
