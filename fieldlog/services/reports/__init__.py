"""Figures and exports: stats, weekly return, ledger and lists, dashboard, targets, chain map."""
