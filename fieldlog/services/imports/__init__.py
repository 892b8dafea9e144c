"""Importing target-company lists and visit logs from Excel sheets."""
