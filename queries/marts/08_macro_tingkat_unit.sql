-- tingkat_unit (scalar macro): the level of the units that report an indicator, from its catalog level: desa for
-- Posyandu indicators ('posyandu_desa'), kab/kota for kab/kota-level services, the province for its own services.
-- An aggregate's coverage counts these units ("12 dari 13 kab/kota"). Params: level (indikator.level).
create or replace macro tingkat_unit(level) as
    case level when 'posyandu_desa' then 'desa' when 'kab_kota' then 'kabkota' when 'provinsi' then 'provinsi' end
