-- bidang_daftar: one row per SPM field (and the Posyandu transformation panel) with its names, order, whether it
-- counts in the SPM index, and how many indicators of each family it has. No parameters.
select b.kode_bidang, b.urutan, b.nama_id, b.nama_en, b.opd_id, b.opd_en, b.termasuk_indeks,
       count(*) filter (where i.keluarga = 'spm_resmi' and i.level = 'kab_kota') as jumlah_spm_kabkota,
       count(*) filter (where i.keluarga = 'spm_resmi' and i.level = 'provinsi') as jumlah_spm_provinsi,
       count(*) filter (where i.keluarga = 'posyandu') as jumlah_posyandu,
       count(*) filter (where i.keluarga = 'transformasi') as jumlah_transformasi
from bidang b
left join indikator i using (kode_bidang)
group by all
order by b.urutan
