"""Command line: write the demo SIE file and/or regenerate the example side files.

python -m uppsikt.demo ks-2025.se [--transactions N] [--seed S]
python -m uppsikt.demo --examples examples/malmo-ks-2025-ledger
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from uppsikt.demo.files import write_examples
from uppsikt.demo.ledger import build_plan, generate


def main(argv: list[str] | None = None) -> None:
    """Parse arguments and write what was asked for."""
    parser = argparse.ArgumentParser(prog="python -m uppsikt.demo", description=__doc__)
    parser.add_argument("output", nargs="?", type=Path, help="SIE file to write")
    parser.add_argument("--transactions", type=int, default=None, help="about this many lines")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--examples", type=Path, help="folder for mapping.yaml and the CSVs")
    args = parser.parse_args(argv)
    if args.examples:
        write_examples(args.examples, build_plan().budget)
        print(f"skrev {args.examples}")
    if args.output:
        start = time.perf_counter()
        written = generate(args.output, transactions=args.transactions, seed=args.seed)
        seconds = time.perf_counter() - start
        size = args.output.stat().st_size
        print(
            f"skrev {args.output}: {written.vouchers} verifikationer, {written.lines} rader, "
            f"{size / 1e6:.1f} MB på {seconds:.1f} s"
        )
    if not args.examples and not args.output:
        parser.print_help()


if __name__ == "__main__":
    main()
