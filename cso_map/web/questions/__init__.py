"""The questions both the pages and the JSON API ask, as query-string forms."""
