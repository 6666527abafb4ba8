"""Single-excitation energy transport on networks of coupled sites (lessons 03 and 07).

A package of three modules, re-exported here so that ``from qedn_lessons import transport`` and
``transport.X`` work for every name of the former single module:

* :mod:`~qedn_lessons.transport.builders` -- Hamiltonians (FMO, chains, rings, perfect state
  transfer), the Anderson localisation length, and the size limits;
* :mod:`~qedn_lessons.transport.engine` -- the Lindblad transport engine: efficiency at any time
  or t → ∞ without time integration, populations vs time (see ``docs/transport_engine.md``);
* :mod:`~qedn_lessons.transport.walks` -- coherent quantum walks, first arrival, spreading and the
  example networks of the lesson.

Physics, conventions and worked values: docs/PHYSICS.md §3 (dephasing convention: §0).
"""

from __future__ import annotations

from qedn_lessons.transport.builders import (  # noqa: F401  (private names: kept for code and tests written against 0.1.0)
    _FMO_CM,
    FMO_SHIFT_CM,
    MAX_SITES,
    MAX_SITES_DYNAMICS,
    MAX_TIMES,
    MAX_WALK_SITES,
    _check_rng,
    _check_times,
    _onsite,
    _tridiagonal,
    chain_hamiltonian,
    exciton_energies_cm,
    fmo_hamiltonian,
    localisation_length,
    pst_couplings,
    pst_hamiltonian,
    ring_hamiltonian,
)
from qedn_lessons.transport.engine import (  # noqa: F401  (private names: kept for code and tests written against 0.1.0)
    DEEP_ZENO_MAX_SITES,
    DEEP_ZENO_RATIO,
    TransportCurves,
    _check_dephasing,
    _check_model,
    _clip,
    _deep_zeno,
    _efficiency_liouvillian,
    _efficiency_spectral,
    _integrated_populations,
    _liouvillian,
    _Model,
    _populations_liouvillian,
    _populations_pure,
    _short,
    _Spectrum,
    efficiency_curve,
    site_populations,
    transport_efficiency,
)
from qedn_lessons.transport.walks import (  # noqa: F401  (private names: kept for code and tests written against 0.1.0)
    NETWORKS,
    Spreading,
    _check_walk,
    arrival_probability,
    arrival_vs_length,
    ballistic_crossing_time_ps,
    best_arrival,
    classical_walk_probabilities,
    example_network,
    first_arrival,
    mean_square_displacement,
    quantum_walk_probabilities,
    walk_spreading,
)

__all__ = [
    "FMO_SHIFT_CM",
    "MAX_SITES",
    "MAX_SITES_DYNAMICS",
    "MAX_WALK_SITES",
    "NETWORKS",
    "Spreading",
    "TransportCurves",
    "arrival_probability",
    "arrival_vs_length",
    "ballistic_crossing_time_ps",
    "best_arrival",
    "chain_hamiltonian",
    "classical_walk_probabilities",
    "efficiency_curve",
    "example_network",
    "exciton_energies_cm",
    "first_arrival",
    "fmo_hamiltonian",
    "localisation_length",
    "mean_square_displacement",
    "pst_couplings",
    "pst_hamiltonian",
    "quantum_walk_probabilities",
    "ring_hamiltonian",
    "site_populations",
    "transport_efficiency",
    "walk_spreading",
]
