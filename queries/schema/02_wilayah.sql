-- wilayah: one row per administrative unit (provinsi, kabkota, kecamatan, desa/kelurahan), dotted Kemendagri code.
create table if not exists wilayah (
    kode            varchar primary key,
    nama            varchar not null,
    nama_lengkap    varchar,
    tingkat         varchar not null,   -- 'provinsi' | 'kabkota' | 'kecamatan' | 'desa'
    jenis           varchar,            -- kabupaten/kota, desa/kelurahan
    kode_induk      varchar,
    kode_provinsi   varchar,
    kode_kabkota    varchar,
    kode_kecamatan  varchar,
    ibukota         varchar,
    latitude        double,
    longitude       double,
    luas_km2        double,
    penduduk        bigint,
    singkatan       varchar,
    tile_baris      integer,
    tile_kolom      integer
);
