"""The two boxes for what is nobody's input error: a broken installation, and a defect that
nothing caught (an exception in a slot Qt called), which `fieldlog.diagnostics` has logged."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from fieldlog.diagnostics import log_file
from fieldlog.ui.operations import defect_sentence

APP_NAME = "FieldLog"
# The defect box shown last: kept here, since one without a parent is deleted with its wrapper.
_defect_box: QMessageBox | None = None


def show_resources_missing(error: FileNotFoundError) -> None:
    """FieldLog's resources are missing: the sentence in a box and on stderr where there is one.
    It stays in English, since the translations are among what is missing."""
    if sys.stderr is not None:
        print(f"fieldlog: error: {error}", file=sys.stderr)
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, str(error))
    box.setObjectName("resourcesMissingBox")
    box.exec()


def tell_defect(parent: QWidget | None) -> None:
    """The generic sentence and where the log is, in a box that does not wait (the exception
    hook calls this); one at a time, however many defects follow."""
    global _defect_box
    if QApplication.instance() is None or _open_already():
        return
    _defect_box = box = QMessageBox(
        QMessageBox.Icon.Warning,
        APP_NAME,
        defect_sentence(),
        QMessageBox.StandardButton.Close,
        parent,
    )
    box.setObjectName("defectBox")
    where = log_file()
    if where is not None:
        text = QCoreApplication.translate("problem_boxes", "The details were written to {file}.")
        box.setInformativeText(text.format(file=where))
    box.open()


def _open_already() -> bool:
    try:
        return _defect_box is not None and _defect_box.isVisible()
    except RuntimeError:  # its parent window was closed and took it along
        return False
