-- simpan_taksiran_lama: a temporary copy of mart_taksiran before it is rebuilt, to find the estimates an import
-- changed (of other periods of the same area and indicator too). No parameters.
create or replace temp table taksiran_lama as
from mart_taksiran
