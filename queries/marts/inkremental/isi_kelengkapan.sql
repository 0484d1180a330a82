-- isi_kelengkapan: inserts the recomputed mart_kelengkapan rows of the 'periode' keys of lingkup_mart. No parameters.
insert into mart_kelengkapan
from kelengkapan(false, 'lingkup_mart')
