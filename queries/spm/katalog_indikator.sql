-- katalog_indikator: one row per indicator of the catalog (every column of indikator, including regulasi_teknis and
-- regulasi_terverifikasi) with its field names. No parameters.
select i.*, b.nama_id as bidang_id, b.nama_en as bidang_en, b.urutan
from indikator i
join bidang b using (kode_bidang)
order by b.urutan, i.level, i.kode_indikator
