-- delete_capaian_siap: removes the facts whose key is in the staged frame `siap` (they are about to be replaced). No parameters.
delete from fakta_capaian f
using siap s
where f.periode = s.periode and f.kode_wilayah = s.kode_wilayah and f.kode_indikator = s.kode_indikator
