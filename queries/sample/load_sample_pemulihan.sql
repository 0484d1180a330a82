-- load_sample_pemulihan: inserts the sample recovery progress registered as `sampel_pemulihan` (one row per event, area and month end). Params: $id_impor.
insert into pemulihan (
    kode_bencana, kode_wilayah, tanggal, rumah_rusak_berat_diperbaiki, rumah_rusak_sedang_diperbaiki,
    rumah_rusak_ringan_diperbaiki, sekolah_pulih, sarana_air_pulih, sarana_sanitasi_pulih, kk_menerima_bantuan, id_impor
)
select
    kode_bencana, kode_wilayah, tanggal::date, rumah_rusak_berat_diperbaiki, rumah_rusak_sedang_diperbaiki,
    rumah_rusak_ringan_diperbaiki, sekolah_pulih, sarana_air_pulih, sarana_sanitasi_pulih, kk_menerima_bantuan, $id_impor
from sampel_pemulihan
