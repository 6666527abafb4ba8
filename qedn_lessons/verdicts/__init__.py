"""Evidence functions that compute each lesson's verdicts (see :mod:`qedn_lessons.claims`).

One module per lesson, ``lessonNN.py``; each registers with ``claims.evidence_for``.
"""
