#!/usr/bin/env python
"""(Re)write the fixture cassettes in cassettes/ from the fixture data in tests/fixtures/.

    python scripts/build_cassettes.py                  # rewrite every cassette
    python scripts/build_cassettes.py --check          # exit 1 if a committed cassette is stale
    python scripts/build_cassettes.py sample search    # only these sets (sample, search, translate)

Nothing is recorded from the web: sample.yaml answers the fixture pages of examples/pages/,
search/ and translate/ answer in each API's documented format with data written for the tests.
The output is deterministic, so a cassette changes only when its fixture data does.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from fixtures import sample_cassette, search_cassettes, translate_cassettes  # noqa: E402

SETS = {"sample": sample_cassette, "search": search_cassettes, "translate": translate_cassettes}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", choices=[[], *SETS], default=[], metavar="SET")
    parser.add_argument("--check", action="store_true", help="exit 1 if a cassette is stale")
    args = parser.parse_args(argv)
    stale = []
    for name in args.sets or list(SETS):
        for path, text in SETS[name].files().items():
            rel = path.relative_to(ROOT)
            if args.check:
                if not path.exists() or path.read_text(encoding="utf-8") != text:
                    stale.append(str(rel))
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
            print(f"wrote {rel}")
    if stale:
        print(f"stale: {', '.join(stale)}; run python scripts/build_cassettes.py", file=sys.stderr)
        return 1
    if args.check:
        print("the cassettes are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
