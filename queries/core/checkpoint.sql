-- checkpoint: writes the write-ahead log into the database file (before the writer swaps the file in). No parameters.
checkpoint
