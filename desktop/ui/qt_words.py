"""Qt's own words that its Chinese catalogue lacks, answered by ours.

PySide6's ``qtbase_zh_CN.qm`` still has the file dialog's Qt 5 texts ("Look in:", "Files of
type:"); Qt 6 asks for them with shortcuts ("&Look in:", "Files of &type:"), so a Chinese file
dialog said "Look in:" and "Files of type:" in English. Marked here under Qt's own context,
they are in the app's catalogue (i18n/app_zh_CN.ts), which Qt asks as it asks its own.
"""

from __future__ import annotations

from desktop.domain.i18n_marks import QT_TRANSLATE_NOOP

# (context, text) of each: what the test checks every language answers.
MISSING_FROM_QT: tuple[tuple[str, str], ...] = (
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "&Look in:")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:")),
)
