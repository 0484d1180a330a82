-- load_pemulihan: inserts the staged recovery-progress rows (`siap`). Params: $id_impor.
insert into pemulihan by name
select kode_bencana, kode_wilayah, tanggal, rumah_rusak_berat_diperbaiki, rumah_rusak_sedang_diperbaiki,
       rumah_rusak_ringan_diperbaiki, sekolah_pulih, sarana_air_pulih, sarana_sanitasi_pulih, kk_menerima_bantuan,
       $id_impor as id_impor
from siap
