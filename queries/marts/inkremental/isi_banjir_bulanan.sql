-- isi_banjir_bulanan: inserts the recomputed mart_banjir_bulanan rows of the 'banjir' keys of lingkup_mart.
-- No parameters.
insert into mart_banjir_bulanan
from banjir_bulanan(false, 'lingkup_mart')
