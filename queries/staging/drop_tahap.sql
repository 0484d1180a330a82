-- drop_tahap: removes the temp table `tahap` of the file staged before (if any) on this connection. No parameters.
drop table if exists tahap
