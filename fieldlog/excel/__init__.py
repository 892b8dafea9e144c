"""Excel workbooks: the weekly return, exports and imports (openpyxl). Qt-free."""
