-- load_sample_dampak_bencana: inserts the sample flood impacts registered as `sampel_dampak` (one row per event and kab/kota, kecamatan or desa). Params: $id_impor.
insert into dampak_bencana (
    kode_bencana, kode_wilayah, kk_terdampak, jiwa_terdampak, jiwa_mengungsi, rumah_terendam, rumah_rusak_berat,
    rumah_rusak_sedang, rumah_rusak_ringan, sekolah_terdampak, posyandu_terdampak, faskes_terdampak,
    sarana_air_rusak, sarana_sanitasi_rusak, id_impor
)
select
    kode_bencana, kode_wilayah, kk_terdampak, jiwa_terdampak, jiwa_mengungsi, rumah_terendam, rumah_rusak_berat,
    rumah_rusak_sedang, rumah_rusak_ringan, sekolah_terdampak, posyandu_terdampak, faskes_terdampak,
    sarana_air_rusak, sarana_sanitasi_rusak, $id_impor
from sampel_dampak
