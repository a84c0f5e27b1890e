"""Operations: backups, the deploy check, and writing the vocabularies."""
