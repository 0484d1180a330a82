-- anggaran: one row per (tahun, kab/kota, bidang): budget allocation (pagu) and realisation in rupiah.
create table if not exists anggaran (
    tahun         integer not null,
    kode_wilayah  varchar not null,
    kode_bidang   varchar not null,
    pagu          bigint,
    realisasi     bigint,
    id_impor      integer
);
