from fieldlog.app import main

raise SystemExit(main())
