"""The home bureau: teams registered, figures per team and across teams, overlaps (SPEC §9)."""
