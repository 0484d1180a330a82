-- writer_settings: connection settings for warehouse writers (no progress bar on stdout during mart builds). No parameters.
set enable_progress_bar = false
