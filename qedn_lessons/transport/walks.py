"""Coherent quantum walks and what they imply for transport over distance.

Dimensionless unless a name says otherwise (coupling J = 1, ħ = 1, time in units of 1/J): the
continuous-time quantum walk (ballistic spreading, ⟨x²⟩ = 2J²t²) against the classical random walk
(diffusive, ⟨x²⟩ = 2Jt), first arrival at a target site, disorder (Anderson localisation) and the
fastest coherent front, 2J sites per unit time. Physics and worked values: docs/PHYSICS.md §3.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from qedn_lessons.transport.builders import (
    MAX_TIMES,
    MAX_WALK_SITES,
    _check_times,
    _onsite,
    _tridiagonal,
    chain_hamiltonian,
    fmo_hamiltonian,
    pst_couplings,
    ring_hamiltonian,
)
from qedn_lessons.units import RAD_PER_PS_PER_CM
from qedn_lessons.validate import (
    check_choice,
    check_finite_array,
    check_hermitian,
    check_int,
    check_real,
    check_size,
)

__all__ = [
    "NETWORKS",
    "Spreading",
    "arrival_probability",
    "arrival_vs_length",
    "ballistic_crossing_time_ps",
    "best_arrival",
    "classical_walk_probabilities",
    "example_network",
    "first_arrival",
    "mean_square_displacement",
    "quantum_walk_probabilities",
    "walk_spreading",
]


# --------------------------------------------------------------------------------------------------
# Quantum walks (dimensionless: coupling J = 1 unless given, ħ = 1, time in units of 1/J)
# --------------------------------------------------------------------------------------------------


def _check_walk(hamiltonian, times, start_site):
    h = check_hermitian("hamiltonian", hamiltonian, max_dimension=MAX_WALK_SITES)
    t = _check_times("times", times)
    start = check_int("start_site", start_site, minimum=1, maximum=h.shape[0]) - 1
    return h, t, start


def quantum_walk_probabilities(hamiltonian, times, *, start_site: int) -> np.ndarray:
    """|⟨k|e^{−iHt}|start⟩|² for every time and site (closed system), shape (T, N).

    ``hamiltonian`` is Hermitian in any energy unit E; ``times`` are in units of ħ/E (≥ 0).
    One eigendecomposition serves all times. On an infinite uniform line (coupling J) the amplitude
    on site n is (−i)ⁿ Jₙ(2Jt) (Bessel function), so ⟨x²⟩ = 2J²t² (ballistic).

    Reference: A. M. Childs, E. Farhi & S. Gutmann, Quantum Inf. Process. 1, 35 (2002),
    arXiv:quant-ph/0103020.
    """
    h, t, start = _check_walk(hamiltonian, times, start_site)
    e, v = np.linalg.eigh(h)
    amps = (v * v[start].conj()[None, :]) @ np.exp(-1j * e[:, None] * t[None, :])
    return (np.abs(amps) ** 2).T


def classical_walk_probabilities(hamiltonian, times, *, start_site: int) -> np.ndarray:
    """Classical continuous-time random walk with hopping rate |H_jk| from k to j, shape (T, N).

    The rate matrix has the coupling strengths of ``hamiltonian`` off the diagonal (site energies are
    ignored); on a uniform line with rate J, ⟨x²⟩ = 2Jt (diffusive). Same units as
    :func:`quantum_walk_probabilities`.
    """
    h, t, start = _check_walk(hamiltonian, times, start_site)
    rates = np.abs(h)
    np.fill_diagonal(rates, 0.0)
    gen = rates - np.diag(rates.sum(axis=0))
    e, v = np.linalg.eigh(gen)  # symmetric rates: real spectrum ≤ 0
    p = (v * v[start][None, :]) @ np.exp(e[:, None] * t[None, :])
    return np.clip(p.T, 0.0, 1.0)


def mean_square_displacement(probabilities, start_site: int) -> np.ndarray:
    """⟨(x − x₀)²⟩ in site spacings² for each row of ``probabilities`` (T × N), x₀ = ``start_site``."""
    p = check_finite_array("probabilities", probabilities, ndim=2)
    start = check_int("start_site", start_site, minimum=1, maximum=p.shape[1])
    x = np.arange(1, p.shape[1] + 1) - start
    return p.real @ (x.astype(float) ** 2)


def arrival_probability(hamiltonian, times, *, initial_site: int, target_site: int) -> np.ndarray:
    """|⟨target|e^{−iHt}|initial⟩|² at each time (closed system; units as
    :func:`quantum_walk_probabilities`)."""
    h, t, start = _check_walk(hamiltonian, times, initial_site)
    target = check_int("target_site", target_site, minimum=1, maximum=h.shape[0]) - 1
    e, v = np.linalg.eigh(h)
    amp = (v[target] * v[start].conj()) @ np.exp(-1j * e[:, None] * t[None, :])
    return np.abs(amp) ** 2


def first_arrival(hamiltonian, *, initial_site: int, target_site: int, t_max: float, n_times: int = 4000) -> tuple[float, float]:
    """Height and time of the first maximum of the arrival probability on ``target_site``.

    Scans ``n_times`` points on [0, t_max] (units of ħ/E) for the first local maximum (the arrival
    of the wave front), then refines it with a bounded scalar search. If the probability only rises
    on the window, returns its value at ``t_max``.

    Returns
    -------
    (probability, time).
    Worked value: uniform chain N = 4, J = 1: (0.9728, 2.81) (docs/PHYSICS.md §3).
    """
    from scipy.optimize import minimize_scalar

    t_max = check_real("t_max", t_max, minimum=0.0, minimum_inclusive=False)
    n_times = check_int("n_times", n_times, minimum=10, maximum=MAX_TIMES)
    h = check_hermitian("hamiltonian", hamiltonian, max_dimension=MAX_WALK_SITES)
    start = check_int("initial_site", initial_site, minimum=1, maximum=h.shape[0]) - 1
    target = check_int("target_site", target_site, minimum=1, maximum=h.shape[0]) - 1
    e, v = np.linalg.eigh(h)
    weights = v[target] * v[start].conj()

    def prob(t):
        return float(np.abs(weights @ np.exp(-1j * e * t)) ** 2)

    grid = np.linspace(0.0, t_max, n_times)
    p = np.abs(weights @ np.exp(-1j * e[:, None] * grid[None, :])) ** 2
    # local maxima, ignoring round-off wiggles far below the signal (|U|² ~ t^{2d} is ~1e-30 early on)
    peaks = np.nonzero((p[1:-1] >= p[:-2]) & (p[1:-1] > p[2:]) & (p[1:-1] > 1e-3 * p.max()))[0]
    if len(peaks) == 0:
        return float(p[-1]), float(t_max)
    i = peaks[0] + 1
    res = minimize_scalar(
        lambda t: -prob(t), bounds=(grid[i - 1], grid[i + 1]), method="bounded", options={"xatol": 1e-10 * max(1.0, t_max)}
    )
    return float(-res.fun), float(res.x)


# --------------------------------------------------------------------------------------------------
# Ready-made setups for the lesson (physics only; widgets call these)
# --------------------------------------------------------------------------------------------------

NETWORKS = ("FMO", "chain", "PST chain", "ring")


def example_network(
    kind: str, n_sites: int = 8, *, coupling_cm: float = 100.0, disorder_cm: float = 0.0, seed: int = 0
) -> tuple[np.ndarray, int, int]:
    """A network of the lesson and its natural start and sink sites: ``(hamiltonian_cm, initial, sink)``.

    ``kind``: "FMO" (7 sites, start 1, sink 3; ``n_sites`` ignored), "chain" (start 1, sink N),
    "PST chain" (couplings of :func:`pst_couplings` with the largest equal to ``coupling_cm``; start 1,
    sink N), "ring" (start 1, sink opposite: ⌊N/2⌋ + 1). ``disorder_cm`` adds Anderson box disorder of
    width W (cm⁻¹) to the site energies, drawn from ``np.random.default_rng(seed)`` (reproducible).
    """
    check_choice("kind", kind, NETWORKS)
    disorder = check_real("disorder_cm", disorder_cm, minimum=0.0)
    coupling = check_real("coupling_cm", coupling_cm, minimum=0.0, minimum_inclusive=False)
    seed = check_int("seed", seed, minimum=0)
    rng = np.random.default_rng(seed)
    if kind == "FMO":
        h = fmo_hamiltonian()
        h[np.diag_indices(7)] += _onsite(7, disorder, rng)
        return h, 1, 3
    n = check_size("n_sites", n_sites, maximum=MAX_WALK_SITES, what="dense N×N matrix")
    if kind == "ring":
        return ring_hamiltonian(max(n, 3), coupling, disorder_cm=disorder, rng=rng), 1, max(n, 3) // 2 + 1
    if n < 2:
        raise ValueError(f"n_sites must be an integer in [2, {MAX_WALK_SITES}] for a {kind}, got {n}")
    if kind == "chain":
        return chain_hamiltonian(n, coupling, disorder_cm=disorder, rng=rng), 1, n
    j = pst_couplings(n, 1.0)
    return _tridiagonal(n, j * coupling / j.max(), _onsite(n, disorder, rng)), 1, n


@dataclass(frozen=True)
class Spreading:
    """Quantum vs classical spreading on a line (dimensionless, J = 1, time in 1/J)."""

    times: np.ndarray
    msd_quantum: np.ndarray  # disorder-averaged ⟨x²⟩
    msd_classical: np.ndarray
    positions: np.ndarray  # site offsets from the start
    p_quantum: np.ndarray  # disorder-averaged distribution at the last time
    p_classical: np.ndarray


def walk_spreading(times, *, disorder: float = 0.0, n_sites: int = 201, realisations: int = 1, seed: int = 0) -> Spreading:
    """Mean square displacement of a quantum walk (Anderson disorder W = ``disorder``, in units of J,
    averaged over ``realisations`` seeded draws) and of the classical random walk with rate J, from the
    centre of a line of ``n_sites`` (odd, ≤ :data:`MAX_WALK_SITES`). Ordered line: ⟨x²⟩ = 2t² vs 2t.
    """
    n = check_size("n_sites", n_sites, maximum=MAX_WALK_SITES, what="dense N×N eigenproblem")
    disorder = check_real("disorder", disorder, minimum=0.0)
    realisations = check_int("realisations", realisations, minimum=1, maximum=200)
    seed = check_int("seed", seed, minimum=0)
    t = _check_times("times", times)
    start = n // 2 + 1
    rng = np.random.default_rng(seed)
    pq = np.zeros((len(t), n))
    for _ in range(realisations if disorder > 0 else 1):
        pq += quantum_walk_probabilities(chain_hamiltonian(n, 1.0, disorder_cm=disorder, rng=rng), t, start_site=start)
    pq /= realisations if disorder > 0 else 1
    pc = classical_walk_probabilities(chain_hamiltonian(n, 1.0), t, start_site=start)
    return Spreading(
        t, mean_square_displacement(pq, start), mean_square_displacement(pc, start), np.arange(n) - (start - 1), pq[-1], pc[-1]
    )


def best_arrival(hamiltonian, *, initial_site: int, target_site: int, t_max: float, n_times: int = 2000) -> float:
    """Largest arrival probability |⟨target|e^{−iHt}|initial⟩|² on a grid of ``n_times`` times in
    [0, t_max] (closed system; units of ħ/E for a Hamiltonian in units E)."""
    t_max = check_real("t_max", t_max, minimum=0.0, minimum_inclusive=False)
    n_times = check_int("n_times", n_times, minimum=10, maximum=MAX_TIMES)
    return float(
        arrival_probability(
            hamiltonian, np.linspace(0.0, t_max, n_times), initial_site=initial_site, target_site=target_site
        ).max()
    )


def arrival_vs_length(
    lengths, *, coupling_cm: float = 100.0, disorder_cm: float = 0.0, realisations: int = 1, seed: int = 0
) -> np.ndarray:
    """Best end-to-end arrival probability of a closed chain (no loss, no trap) for each length N,
    within twice the ballistic crossing time N/(2J) (J = ``coupling_cm``, cm⁻¹). With disorder, the mean
    over ``realisations`` seeded draws of width W = ``disorder_cm``. Returns an array like ``lengths``.
    """
    ns = [check_size("lengths", n, maximum=MAX_WALK_SITES, what="dense N×N eigenproblem") for n in np.ravel(lengths)]
    if min(ns) < 2:
        raise ValueError(f"lengths must be integers in [2, {MAX_WALK_SITES}], got {min(ns)}")
    coupling = check_real("coupling_cm", coupling_cm, minimum=0.0, minimum_inclusive=False)
    disorder = check_real("disorder_cm", disorder_cm, minimum=0.0)
    realisations = check_int("realisations", realisations, minimum=1, maximum=200)
    rng = np.random.default_rng(check_int("seed", seed, minimum=0))
    out = []
    for n in ns:
        t_max = 2.0 * n / (2.0 * coupling) + 5.0 / coupling  # in cm (ħ = 1 with energies in cm⁻¹)
        draws = [
            best_arrival(
                chain_hamiltonian(n, coupling, disorder_cm=disorder, rng=rng),
                initial_site=1,
                target_site=n,
                t_max=t_max,
                n_times=max(400, 20 * n),
            )
            for _ in range(realisations if disorder > 0 else 1)
        ]
        out.append(float(np.mean(draws)))
    return np.array(out)


def ballistic_crossing_time_ps(n_sites: float, coupling_cm: float) -> float:
    """Time (ps) for the fastest part of a quantum walk to cross ``n_sites`` sites: the front moves at
    2J sites per unit time (group velocity of the band E(k) = 2J cos k), so t = N / (2J), J in rad/ps.
    ``n_sites`` may be any real ≥ 1 (for extrapolations)."""
    n = check_real("n_sites", n_sites, minimum=1.0)
    coupling = check_real("coupling_cm", coupling_cm, minimum=0.0, minimum_inclusive=False)
    return n / (2.0 * coupling * RAD_PER_PS_PER_CM)
