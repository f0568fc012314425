"""Whole documents: reading text into a Document, writing it back, JSON dicts."""
