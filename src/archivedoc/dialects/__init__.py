"""Example dialects, shipped and tested: models for your own.

* :mod:`archivedoc.dialects.metadata`: the default layout plus the current
  site's metadata sections (people, places, subjects, archive, type, id).
* :mod:`archivedoc.dialects.site`: the current site's page layout, with the
  transcript before the summary.
* :mod:`archivedoc.dialects.library`: a partner archive's export built from
  the default parts, with its own heading mark and labels.

Import the one you need (``from archivedoc.dialects.site import SITE``).
"""
