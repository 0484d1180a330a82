-- kualitas_indikator_bulanan: one row per monthly (Posyandu/desa) indicator of the catalog, in catalog order. No parameters.
select i.kode_indikator, i.nama_id, i.nama_en
from indikator i
join bidang b using (kode_bidang)
where i.periode_laporan = 'bulanan'
order by b.urutan, i.kode_indikator
