"""Synthetic demo data: a generated ledger for Malmö's executive board (kommunstyrelsen).

Everything here is SYNTHETIC. The generated SIE file reproduces the figures of the demo
report in `examples/malmo-ks-2025/`, but no voucher, account balance or cost centre figure
below the report's own tables comes from Malmö stad.
"""

from uppsikt.demo.ledger import generate

__all__ = ["generate"]
