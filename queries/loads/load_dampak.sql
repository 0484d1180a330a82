-- load_dampak: inserts the staged impact rows (`siap`). Params: $id_impor.
insert into dampak_bencana by name
select kode_bencana, kode_wilayah, kk_terdampak, jiwa_terdampak, jiwa_mengungsi, rumah_terendam, rumah_rusak_berat,
       rumah_rusak_sedang, rumah_rusak_ringan, sekolah_terdampak, posyandu_terdampak, faskes_terdampak,
       sarana_air_rusak, sarana_sanitasi_rusak, $id_impor as id_impor
from siap
