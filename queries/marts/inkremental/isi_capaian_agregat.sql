-- isi_capaian_agregat: inserts the recomputed mart_capaian_agregat rows of the 'capaian' keys of lingkup_mart.
-- No parameters.
insert into mart_capaian_agregat
from capaian_agregat(false, 'lingkup_mart')
