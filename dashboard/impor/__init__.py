"""The import contract: read, validate and load CSV/XLSX files of every data kind."""
