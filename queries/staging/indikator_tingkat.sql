-- indikator_tingkat: one row per catalog indicator (kode_indikator, level, periode_laporan), to read an imported file's
-- conventions (a province row is skipped for an indicator that is not provincial). No parameters.
select kode_indikator, level, periode_laporan from indikator order by kode_indikator
