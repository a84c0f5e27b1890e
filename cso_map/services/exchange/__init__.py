"""Our own formats in and out: the organizations table, uploads, imports, exports."""
