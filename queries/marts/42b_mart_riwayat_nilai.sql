-- mart_riwayat_nilai: one row per reported fact that may be an outlier or a jump in sasaran (see the macro
-- riwayat_nilai_provinsi for the columns and rules). Created empty here; warehouse.build_marts fills it one province
-- at a time with the named query isi_mart_riwayat_nilai. No parameters.
create or replace table mart_riwayat_nilai as
from riwayat_nilai_provinsi(null, true, 'lingkup_mart')
limit 0
