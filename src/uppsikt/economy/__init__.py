"""The economy: figure tables of reports, the ledger (facts imported from SIE, budget and
forecast files, and the mapping to report lines) and the explanations of variances.

Actions: `sie_import.import_sie_file`, `budget_files.import_budget_file` and
`export_budget_file`, `mapping_store.save_mapping`, `actions.variances`. Queries:
`queries`, `mapping_store.load_mapping`. The errors callers catch are in `errors`.
"""
