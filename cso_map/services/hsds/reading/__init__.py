"""Reading HSDS 3.0 packages and JSON into our organization records, table by table."""
