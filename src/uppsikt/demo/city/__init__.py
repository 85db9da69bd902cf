"""The demo city: every reporting organisation of the demo's Malmö stad with synthetic
reports for 2024 and 2025 (interim report and annual analysis), their economy, rounds,
company documents and a special oversight case. Pure: no Django, no I/O.

Everything here is SYNTHETIC ("Syntetiskt exempel"), except what it takes from the
executive board's real annual analysis: organisations, goal areas, council goals, its
four budget assignments and its economy figures.
"""

from uppsikt.demo.city.model import SYNTHETIC, CityPlan
from uppsikt.demo.city.plan import SEED, generate_city

__all__ = ["SEED", "SYNTHETIC", "CityPlan", "generate_city"]
