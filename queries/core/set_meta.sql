-- set_meta: upserts one warehouse setting. Params: $kunci, $nilai.
insert or replace into meta (kunci, nilai) values ($kunci, $nilai)
