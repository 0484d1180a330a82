-- siap_from_tahap: (re)creates temp table `siap`, one row per staged row of the accepted file (a copy of `tahap`), which the load queries read. No parameters.
create or replace temp table siap as select * from tahap
