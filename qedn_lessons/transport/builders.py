"""Hamiltonians of the networks the transport lessons use, and the size limits of the engine.

Energies in cm⁻¹ (the engine converts them to rad/ps by 2πc, ``units.RAD_PER_PS_PER_CM``); site
labels 1-based in the public API. The FMO complex (Adolphs & Renger, Biophys. J. 91, 2778 (2006)),
uniform and disordered chains and rings, and the perfect-state-transfer chain of Christandl et al.,
PRL 92, 187902 (2004). Physics and worked values: docs/PHYSICS.md §3.
"""

from __future__ import annotations

import numpy as np

from qedn_lessons.validate import (
    check_hermitian,
    check_int,
    check_real,
    check_size,
    check_times,
)

__all__ = [
    "FMO_SHIFT_CM",
    "MAX_SITES",
    "MAX_SITES_DYNAMICS",
    "MAX_TIMES",
    "MAX_WALK_SITES",
    "chain_hamiltonian",
    "exciton_energies_cm",
    "fmo_hamiltonian",
    "localisation_length",
    "pst_couplings",
    "pst_hamiltonian",
    "ring_hamiltonian",
]

#: Largest network :func:`transport_efficiency` accepts (a 500-site chain with dephasing takes a few
#: seconds and ~100 MB; the cost grows as N⁴ with dephasing, N³ without).
MAX_SITES = 500
#: Largest network whose populations vs time with dephasing are computed (N² × N² Liouvillian).
MAX_SITES_DYNAMICS = 60
#: Largest lattice of the walk functions (dimensionless, pure states: N × N eigenproblem).
MAX_WALK_SITES = 4001
#: Largest number of time points of the curve functions.
MAX_TIMES = 20_000

#: Diagonal shift of the FMO Hamiltonian (Adolphs & Renger 2006), cm⁻¹.
FMO_SHIFT_CM = 12230.0

_FMO_CM = np.array(
    [
        [215.0, -104.1, 5.1, -4.3, 4.7, -15.1, -7.8],
        [-104.1, 220.0, 32.6, 7.1, 5.4, 8.3, 0.8],
        [5.1, 32.6, 0.0, -46.8, 1.0, -8.1, 5.1],
        [-4.3, 7.1, -46.8, 125.0, -70.7, -14.7, -61.5],
        [4.7, 5.4, 1.0, -70.7, 450.0, 89.7, -2.5],
        [-15.1, 8.3, -8.1, -14.7, 89.7, 330.0, 32.7],
        [-7.8, 0.8, 5.1, -61.5, -2.5, 32.7, 280.0],
    ]
)
_FMO_CM.setflags(write=False)


# --------------------------------------------------------------------------------------------------
# Networks
# --------------------------------------------------------------------------------------------------


def fmo_hamiltonian() -> np.ndarray:
    """The 7-site Fenna–Matthews–Olson Hamiltonian in cm⁻¹ (sites = BChl 1–7).

    Site energies are shifted by −12230 cm⁻¹ (:data:`FMO_SHIFT_CM`), so only differences matter.

    Returns
    -------
    ndarray, shape (7, 7), real symmetric, cm⁻¹ (a fresh copy).

    Reference: J. Adolphs & T. Renger, Biophys. J. 91, 2778 (2006), doi:10.1529/biophysj.105.079483;
    as used by M. B. Plenio & S. F. Huelga, NJP 10, 113019 (2008), doi:10.1088/1367-2630/10/11/113019.
    """
    return _FMO_CM.copy()


def exciton_energies_cm(hamiltonian_cm) -> np.ndarray:
    """Exciton (eigen)energies of a single-excitation network, ascending, in cm⁻¹.

    ``hamiltonian_cm`` is a real symmetric or Hermitian matrix in cm⁻¹ (at most :data:`MAX_SITES`
    sites). For :func:`fmo_hamiltonian` the energies are relative to 12230 cm⁻¹.

    Raises
    ------
    ValueError, TypeError
        If the matrix is not square, Hermitian and finite, or larger than the size limit.
    """
    return np.linalg.eigvalsh(check_hermitian("hamiltonian_cm", hamiltonian_cm, max_dimension=MAX_SITES))


def _check_rng(rng, disorder: float) -> np.random.Generator | None:
    if disorder > 0.0 and not isinstance(rng, np.random.Generator):
        raise TypeError(
            f"rng must be a numpy.random.Generator when there is disorder (e.g. np.random.default_rng(1)), got {rng!r}"
        )
    return rng


def _tridiagonal(n: int, couplings: np.ndarray, onsite: np.ndarray, *, ring: bool = False) -> np.ndarray:
    h = np.diag(onsite.astype(float))
    idx = np.arange(n - 1)
    h[idx, idx + 1] = couplings
    h[idx + 1, idx] = couplings
    if ring and n > 2:
        h[0, n - 1] = h[n - 1, 0] = couplings[0]
    return h


def _onsite(n: int, disorder: float, rng) -> np.ndarray:
    """Anderson box disorder: site energies uniform in [−W/2, W/2]."""
    if disorder == 0.0:
        return np.zeros(n)
    return rng.uniform(-disorder / 2.0, disorder / 2.0, size=n)


def chain_hamiltonian(
    n_sites: int,
    coupling_cm: float = 100.0,
    *,
    disorder_cm: float = 0.0,
    rng: np.random.Generator | None = None,
) -> np.ndarray:
    """Hamiltonian of a linear chain with nearest-neighbour coupling, in cm⁻¹.

    Parameters
    ----------
    n_sites : int, 1 … :data:`MAX_WALK_SITES`.
    coupling_cm : float, nearest-neighbour coupling J in cm⁻¹ (any finite real; default 100 cm⁻¹,
        the size of the strongest FMO couplings).
    disorder_cm : float ≥ 0, width W of the Anderson box distribution: each site energy is drawn
        uniformly from [−W/2, W/2] cm⁻¹.
    rng : numpy Generator, required when ``disorder_cm > 0`` (randomness only through ``rng``).

    Returns
    -------
    ndarray (n_sites, n_sites), real symmetric tridiagonal, cm⁻¹.

    Raises
    ------
    ValueError, TypeError for a size outside the range, a non-finite coupling, negative disorder or a
    missing ``rng``.

    Reference: P. W. Anderson, Phys. Rev. 109, 1492 (1958), doi:10.1103/PhysRev.109.1492.
    """
    n = check_size("n_sites", n_sites, maximum=MAX_WALK_SITES, what="dense N×N matrix")
    coupling = check_real("coupling_cm", coupling_cm)
    disorder = check_real("disorder_cm", disorder_cm, minimum=0.0)
    rng = _check_rng(rng, disorder)
    return _tridiagonal(n, np.full(n - 1, coupling), _onsite(n, disorder, rng))


def ring_hamiltonian(
    n_sites: int,
    coupling_cm: float = 100.0,
    *,
    disorder_cm: float = 0.0,
    rng: np.random.Generator | None = None,
) -> np.ndarray:
    """Hamiltonian of a ring of ``n_sites`` (≥ 3) with nearest-neighbour coupling, in cm⁻¹.

    Same parameters, units and errors as :func:`chain_hamiltonian`; site N couples to site 1.
    """
    n = check_size("n_sites", n_sites, maximum=MAX_WALK_SITES, what="dense N×N matrix")
    if n < 3:
        raise ValueError(f"n_sites must be an integer in [3, {MAX_WALK_SITES}] for a ring, got {n}")
    coupling = check_real("coupling_cm", coupling_cm)
    disorder = check_real("disorder_cm", disorder_cm, minimum=0.0)
    rng = _check_rng(rng, disorder)
    return _tridiagonal(n, np.full(n - 1, coupling), _onsite(n, disorder, rng), ring=True)


def localisation_length(
    disorder: float, *, energy: float = 0.0, n_sites: int = 20_000, realisations: int = 16, seed: int = 0
) -> float:
    """Localisation length ξ (in sites) of the 1-D Anderson model, from the Lyapunov exponent.

    Dimensionless: coupling J = 1, box disorder of width W = ``disorder`` (site energies uniform in
    [−W/2, W/2]), ``energy`` E in units of J (inside the band, |E| < 2 + W/2). The amplitude of an eigenstate at
    energy E falls as e^{−|x|/ξ}; ξ = 1/γ with γ = lim (1/N) ln|ψ_N| from the transfer-matrix recursion
    ψ_{n+1} = (E − ε_n) ψ_n − ψ_{n−1}, averaged over ``realisations`` seeded chains of ``n_sites`` sites.

    Weak-disorder (Born) estimate to compare with: ξ ≈ 24(4 − E²)/W², i.e. 96/W² at the band centre;
    D. J. Thouless, "Localization distance and mean free path in one-dimensional disordered systems",
    J. Phys. C 6, L49 (1973) identifies ξ with the backscattering mean free path at weak disorder. Exactly
    at E = 0 the weak-disorder value is about 10% larger than 96/W² (the band-centre anomaly).

    Returns
    -------
    float, sites (statistical error a few per cent at the defaults while ξ ≲ 300 sites).

    Raises
    ------
    ValueError, TypeError for disorder ≤ 0, a non-finite energy, sizes out of range.
    """
    w = check_real("disorder", disorder, minimum=0.0, minimum_inclusive=False)
    e = check_real("energy", energy)
    n = check_int("n_sites", n_sites, minimum=100, maximum=1_000_000)
    r = check_int("realisations", realisations, minimum=1, maximum=256)
    seed = check_int("seed", seed, minimum=0)
    rng = np.random.default_rng(seed)
    ratio = np.full(r, 1.0)  # Riccati variable ψ_{n}/ψ_{n−1}; its log-sum is ln|ψ_N|
    log_sum = np.zeros(r)
    chunk = 1000
    for start in range(0, n, chunk):
        eps = rng.uniform(-w / 2.0, w / 2.0, size=(min(chunk, n - start), r))
        logs = np.empty_like(eps)
        for i in range(eps.shape[0]):
            ratio = (e - eps[i]) - 1.0 / ratio
            logs[i] = ratio
        log_sum += np.log(np.abs(logs)).sum(axis=0)
    return float(n / np.mean(log_sum))


def pst_couplings(n_sites: int, lam: float = 1.0) -> np.ndarray:
    """Couplings J_n = (λ/2)·√(n(N−n)), n = 1 … N−1, of a perfect-state-transfer chain.

    With these couplings an excitation on site 1 arrives on site N with probability exactly 1 at
    t = π/λ, for every N (Christandl, Datta, Ekert & Landahl, PRL 92, 187902 (2004),
    doi:10.1103/PhysRevLett.92.187902, arXiv:quant-ph/0309131).

    Parameters
    ----------
    n_sites : int, 2 … :data:`MAX_WALK_SITES`.
    lam : float > 0, the rate λ in the same energy unit as the couplings (ħ = 1: time unit 1/λ).

    Returns
    -------
    ndarray of length N−1.
    """
    n = check_size("n_sites", n_sites, maximum=MAX_WALK_SITES, what="dense N×N matrix")
    if n < 2:
        raise ValueError(f"n_sites must be an integer in [2, {MAX_WALK_SITES}], got {n}")
    lam = check_real("lam", lam, minimum=0.0, minimum_inclusive=False)
    k = np.arange(1, n)
    return 0.5 * lam * np.sqrt(k * (n - k))


def pst_hamiltonian(n_sites: int, lam: float = 1.0) -> np.ndarray:
    """Tridiagonal Hamiltonian with the couplings of :func:`pst_couplings` (same units as ``lam``)."""
    couplings = pst_couplings(n_sites, lam)
    return _tridiagonal(len(couplings) + 1, couplings, np.zeros(len(couplings) + 1))


def _check_times(name: str, times, *, maximum: int = MAX_TIMES) -> np.ndarray:
    return check_times(name, times, maximum=maximum, allow_scalar=False)
