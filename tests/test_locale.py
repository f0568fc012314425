"""archivedoc reads the same under any locale: English month names are a fixed table.

The check runs in a fresh interpreter whose ``LC_TIME`` is German before
archivedoc is imported.  The locale is built for the test with ``localedef``
into a temporary ``LOCPATH`` (no root needed), or taken from the installed
ones; the child first proves that the locale is in effect (its month names
are not English), so the test cannot pass by running in English.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import SEED

_CHILD = textwrap.dedent(
    """
    import calendar, locale, sys
    locale.setlocale(locale.LC_TIME, sys.argv[1])
    assert calendar.month_name[6] != "June", calendar.month_name[6]
    print(calendar.month_name[6])
    import archivedoc
    from archivedoc.model import Date
    doc = archivedoc.loads(open(sys.argv[2], encoding="utf-8", newline="").read())
    assert doc.date is not None and doc.date.edtf == "1945-06-30", doc.date
    assert Date("June 30, 1945").edtf == "1945-06-30"
    assert Date("Sept. 1962").edtf == "1962-09"
    assert Date("Mar 3, 1953").edtf == "1953-03-03"
    print("ok")
    """
)


def _german_locale(tmp_path: Path) -> tuple[str, dict[str, str]]:
    """A German LC_TIME locale name and the environment that makes it available."""
    env = dict(os.environ)
    localedef = shutil.which("localedef")
    if localedef is not None:
        built = subprocess.run(
            [localedef, "-i", "de_DE", "-f", "UTF-8", str(tmp_path / "de_DE.UTF-8")],
            capture_output=True,
            check=False,
        )
        if (tmp_path / "de_DE.UTF-8").exists():
            env["LOCPATH"] = str(tmp_path)
            return "de_DE.UTF-8", env
        assert built.returncode != 0
    installed = subprocess.run(["locale", "-a"], capture_output=True, text=True, check=False)
    for name in installed.stdout.split():
        if name.lower().startswith(("de_", "fr_", "es_", "ru_")):
            return name, env
    raise AssertionError(
        "no non-English locale: install the glibc locale sources (localedef -i de_DE) "
        "or a German, French, Spanish or Russian locale"
    )


def test_loads_under_a_german_lc_time(tmp_path: Path) -> None:
    name, env = _german_locale(tmp_path)
    env["LC_ALL"] = ""
    env["LC_TIME"] = name
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, name, str(SEED)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    month, result = done.stdout.split()
    assert month != "June" and result == "ok"
