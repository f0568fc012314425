"""Write pip constraints that pin every dependency in pyproject.toml to its lower bound.

Usage::

    python tools/lowest_constraints.py [EXTRA ...] > lowest.txt
    pip install -c lowest.txt "dist/archivedoc-*.whl[test]"

Each requirement of ``[project] dependencies`` (and of the named optional
extras) must have a ``>=`` bound: the declared minimum is a promise that
this version works, which CI keeps by running the suite with exactly these
versions.  A requirement without one is an error.
"""

from __future__ import annotations

import sys
from pathlib import Path

from packaging.requirements import Requirement

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def lower_bounds(pyproject: dict, extras: list[str]) -> list[str]:  # type: ignore[type-arg]
    """``name==version`` for each requirement's ``>=`` bound, in pyproject's order."""
    project = pyproject["project"]
    lines = list(project["dependencies"])
    for extra in extras:
        lines += project["optional-dependencies"][extra]
    pins = []
    for line in lines:
        req = Requirement(line)
        lows = [spec.version for spec in req.specifier if spec.operator == ">="]
        if len(lows) != 1:
            raise SystemExit(f"{line!r}: needs exactly one '>=' lower bound")
        pins.append(f"{req.name}=={lows[0]}")
    return pins


def main(argv: list[str]) -> int:
    """Print the constraints for the core dependencies and the extras named in ``argv``."""
    with PYPROJECT.open("rb") as f:
        print("\n".join(lower_bounds(tomllib.load(f), argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
