"""Plot functions: each draws on a given matplotlib ``Axes`` and returns the artists it made.

One module per physics topic (``views/coherence.py``, ``views/transport.py``, …). They compute
nothing beyond what a plot needs (no physics), so widgets can update the returned artists in place.
"""
