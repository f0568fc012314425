"""``python -m archivedoc``: the same as the ``archivedoc`` command."""

import sys

from archivedoc._cli import main

sys.exit(main())
