-- isi_capaian_periode_agregat: inserts the recomputed mart_capaian_periode_agregat rows of the 'tahun' keys of
-- lingkup_mart. No parameters.
insert into mart_capaian_periode_agregat
from capaian_periode_agregat(false, 'lingkup_mart')
