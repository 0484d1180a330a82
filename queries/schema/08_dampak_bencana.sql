-- dampak_bencana: one row per (event, affected area): the impact figures reported for that kab/kota, kecamatan or desa.
create table if not exists dampak_bencana (
    kode_bencana           varchar not null,
    kode_wilayah           varchar not null,
    kk_terdampak           bigint,
    jiwa_terdampak         bigint,
    jiwa_mengungsi         bigint,
    rumah_terendam         bigint,
    rumah_rusak_berat      bigint,
    rumah_rusak_sedang     bigint,
    rumah_rusak_ringan     bigint,
    sekolah_terdampak      bigint,
    posyandu_terdampak     bigint,
    faskes_terdampak       bigint,
    sarana_air_rusak       bigint,
    sarana_sanitasi_rusak  bigint,
    id_impor               integer
);
