-- fakta_capaian: one row per reported (periode, kode_wilayah, kode_indikator) at the level it was reported.
create table if not exists fakta_capaian (
    periode             date not null,
    kode_wilayah        varchar not null,
    kode_indikator      varchar not null,
    sasaran             bigint,
    terlayani           bigint,
    capaian_dilaporkan  double,    -- only for rows that arrived as a percentage
    id_impor            integer
);
