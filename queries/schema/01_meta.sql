-- meta: one row per warehouse setting (schema version, whether sample data is loaded, build time).
create table if not exists meta (
    kunci varchar primary key,
    nilai varchar
);
