-- pemulihan: one row per (event, area, tanggal): cumulative physical recovery reached by that date.
create table if not exists pemulihan (
    kode_bencana                   varchar not null,
    kode_wilayah                   varchar not null,
    tanggal                        date not null,
    rumah_rusak_berat_diperbaiki   bigint,
    rumah_rusak_sedang_diperbaiki  bigint,
    rumah_rusak_ringan_diperbaiki  bigint,
    sekolah_pulih                  bigint,
    sarana_air_pulih               bigint,
    sarana_sanitasi_pulih          bigint,
    kk_menerima_bantuan            bigint,
    id_impor                       integer
);
