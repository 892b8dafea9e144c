"""Queries that receive a session from the caller and never commit."""
