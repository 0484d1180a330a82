-- tingkat_urutan (scalar macro): the rank of an administrative level, finest first: desa 0, kecamatan 1, kabkota 2,
-- provinsi 3 (used to tell whether an area is above an indicator's unit level). Params: tingkat.
create or replace macro tingkat_urutan(tingkat) as
    case tingkat when 'desa' then 0 when 'kecamatan' then 1 when 'kabkota' then 2 when 'provinsi' then 3 end
