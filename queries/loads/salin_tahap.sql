-- salin_tahap: (re)creates temp table `tahap` from the registered frame `tahap_tervalidasi` (the staged rows of a file
-- validated against this very version of the warehouse). No parameters.
create or replace temp table tahap as
from tahap_tervalidasi
