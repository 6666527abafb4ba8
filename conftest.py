"""Loaded by every pytest run from this folder (unit tests, nbval over notebooks/, browser tests).

The learner's progress file (qedn_lessons.progress) must never be written into the repository by a
test run: point it at a throwaway file before any test, kernel or server starts (kernels and servers
inherit the environment). tests/conftest.py gives each unit test its own file on top of this.
"""

import os
import tempfile

os.environ["QEDN_PROGRESS_FILE"] = os.path.join(tempfile.mkdtemp(prefix="qedn-progress-"), "qedn_progress.json")
os.environ.pop("QEDN_SHOW_ALL_VERDICTS", None)
