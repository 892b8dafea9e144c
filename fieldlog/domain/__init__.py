"""Pure domain rules: stages, money, credit codes, periods, the indicators and the counting rules
that run in Python. No Qt, no sessions."""
