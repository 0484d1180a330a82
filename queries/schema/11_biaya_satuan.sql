-- biaya_satuan: one row per (tahun, kode_indikator, area): the unit cost in rupiah of serving one person of a kab/kota
-- SPM service to standard, province-wide (kode_wilayah = the province's code) or a kab/kota's own override, and its source.
create table if not exists biaya_satuan (
    tahun           integer not null,
    kode_indikator  varchar not null,
    kode_wilayah    varchar not null,
    biaya_satuan    bigint not null,
    sumber          varchar not null,
    id_impor        integer
);
