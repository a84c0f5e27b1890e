"""Organization records: the field registry, cell parsing and the bulk writer."""
