-- isi_riwayat_nilai: inserts the recomputed mart_riwayat_nilai rows of province $kode_provinsi for the 'seri' keys of
-- lingkup_mart. Params: $kode_provinsi.
insert into mart_riwayat_nilai
from riwayat_nilai_provinsi($kode_provinsi, false, 'lingkup_mart')
