"""Readers of the parts: a date, a citation, a section body, a transcript.

Each reader runs grammar rules over one part's text and returns plain Python
data (strings, numbers, named tuples).  Readers sit below the model: the
model's classes call them, never the other way round.
"""
