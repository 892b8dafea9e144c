"""`python -m fieldlog …` runs the command line."""

from fieldlog.cli import main

raise SystemExit(main())
