"""The window over a bureau database: its teams, one at a time or all together (SPEC §9)."""
