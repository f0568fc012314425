"""The model: frozen classes built from text, with cheap local checks.

The public home of these classes is :mod:`archivedoc.model`.  Nothing here
parses a whole document; parts are read by :mod:`archivedoc._readers`.
"""
