"""The ledger as the follow-up sees it: facts (amounts per year, month, account, objects and
phase) and the mapping that turns accounts and objects into report lines and units."""
