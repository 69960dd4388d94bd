"""Readers for benchmark corpora: TimeML, PolNeAR brat standoff, quantity JSON sets."""
