-- meta_all: one row per warehouse setting (kunci, nilai). No parameters.
select kunci, nilai from meta order by kunci
