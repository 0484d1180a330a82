-- ambil_tahap: every row of temp table `tahap` (the staged rows of a validated file), to hand them to the writer's
-- copy of the warehouse instead of reading and checking the file a second time. No parameters.
from tahap
