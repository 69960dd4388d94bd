"""Tests of extract.entities (a package so its conftest does not shadow tests/conftest.py)."""
