-- lingkup_banjir: adds the 'banjir' keys (kode_bencana, kode_indikator): every event that hit the province of a
-- changed fact whose window (12 months before to 36 months after the onset month) holds the fact's month, with the
-- fact's indicator; each mart_banjir_bulanan row of that event and indicator is recomputed. No parameters.
insert into lingkup_mart (jenis, kode_bencana, kode_indikator)
with
kejadian as (
    select distinct kode_bencana, kode_provinsi, bulan_mulai from mart_banjir_desa
)
select distinct 'banjir', k.kode_bencana, f.kode_indikator
from fakta_berubah f
join wilayah w on w.kode = f.kode_wilayah
join kejadian k
    on k.kode_provinsi = w.kode_provinsi
   and f.periode between (k.bulan_mulai - interval 12 month)::date and (k.bulan_mulai + interval 36 month)::date
