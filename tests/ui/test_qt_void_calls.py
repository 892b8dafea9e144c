"""Regression: PySide6 6.12.0 on Python 3.11 drops a reference to None on every void method call.

After a few thousand calls None's reference count reaches zero and the interpreter aborts
(`none_dealloc`). The calls run in a child process, so a crash fails this test instead of
killing the whole test run.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

CHILD = """
import sys
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication([])
label = QLabel()
model = QStandardItemModel()
before = sys.getrefcount(None)
for i in range(100_000):
    label.setText("x")
for i in range(5_000):
    model.appendRow(QStandardItem("y"))
after = sys.getrefcount(None)
print(before, after)
"""

# Unrelated code may take or drop a few references to None; a leak drops one per call.
TOLERANCE = 100


@pytest.mark.slow
def test_void_qt_calls_keep_none_alive() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, env=env, timeout=300
    )
    assert child.returncode == 0, f"child exited with {child.returncode}: {child.stderr[-2000:]}"
    before, after = (int(n) for n in child.stdout.split())
    assert after >= before - TOLERANCE, f"None lost {before - after} references"
