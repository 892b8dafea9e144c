"""Pure domain rules: stages, money, credit codes, periods, counting rules. No Qt, no sessions."""
