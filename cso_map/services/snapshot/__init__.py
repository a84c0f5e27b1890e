"""The directory snapshot: each process's in-memory copy of the directory."""
