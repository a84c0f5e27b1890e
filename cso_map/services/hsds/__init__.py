"""Open Referral HSDS 3.0: API objects and queries, bulk rows, package, reader."""
