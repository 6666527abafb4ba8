"""Ergotropy and passive states: how much work a unitary can take out of a quantum state.

Physics layer of lesson 06 (pure functions: no plotting, no printing). Energies are in the units
of the Hamiltonian you pass (for a qubit H = ω|1⟩⟨1| they are in units of ω, ħ = 1); the results
are in the same units.

The ergotropy of ρ with respect to H is the largest energy any cyclic unitary process can extract,

    W(ρ, H) = Tr(ρH) − Σ_k r_k↓ ε_k↑,

where r_k↓ are the eigenvalues of ρ in decreasing order and ε_k↑ those of H in increasing order. The
minimising state Σ_k r_k↓|ε_k⟩⟨ε_k| is the *passive* state: diagonal in the energy basis with
populations that do not increase with energy, from which no unitary can extract anything.

For a qubit with H = ω|1⟩⟨1| (ω > 0, |0⟩ ground) and Bloch vector (x, y, z) defined by
ρ = (I + xσx + yσy + zσz)/2, where σz = |0⟩⟨0| − |1⟩⟨1| so that the ground state has z = +1, the
ergotropy is W = ω(r − z)/2 with r = √(x² + y² + z²): |+⟩ (r = 1, z = 0) gives ω/2.

Reference: A. E. Allahverdyan, R. Balian & Th. M. Nieuwenhuizen, "Maximal work extraction from
finite quantum systems", EPL 67, 565 (2004), doi:10.1209/epl/i2004-10101-2, arXiv:cond-mat/0401574.

Beyond one state, the module holds lesson 06's battery models (energies in quanta ħω of one cell,
times in ns, couplings g in rad/ns, ħ = 1):

* :func:`cell_state`, :func:`stored_energy`, :func:`energy_distribution` -- a cell's state, the energy
  it holds above the ground state, and the Born-rule distribution of the energy *measured* on N cells
  (only whole quanta 0 … N come out; the mean is fixed by the state);
* :func:`parallel_charging`, :func:`collective_charging` -- N cells charged by photons in cavities:
  one cavity and one photon per cell (Jaynes–Cummings, "parallel"), or one shared cavity with N photons
  (Tavis–Cummings, "collective", the rotating-wave version of the Dicke battery of Ferraro et al.,
  PRL 120, 117702 (2018), arXiv:1707.04930). Charger plus battery is a closed system: the battery
  gains exactly what the cavity loses;
* :func:`driven_charging` -- N cells driven by an external field, with local operations or with one
  global operation of the same spectral width (Binder, Vinjanampathy, Modi & Goold, "Quantacell",
  New J. Phys. (2015)): the global drive charges exactly N times faster, the largest advantage allowed
  (Gyhm, Šafránek & Rosa, Phys. Rev. Lett. (2022), arXiv:2108.02491);
* :func:`charging_performance` -- charging time (first maximum of the stored energy), energy then
  stored and mean power E/τ, as in Ferraro et al.;
* :func:`self_discharge` -- stored energy and ergotropy of a cell left with T1, Tφ and a bath
  (the Lindblad model of :mod:`qedn_lessons.coherence`);
* :func:`power_watts` -- quanta per ns to watts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.optimize
import scipy.special

from qedn_lessons import coherence
from qedn_lessons.units import quantum_energy_j
from qedn_lessons.validate import (
    check_choice,
    check_density_matrix,
    check_hermitian,
    check_real,
    check_size,
    check_times,
)

__all__ = [
    "CHARGING_MODELS",
    "MAX_CELLS",
    "MAX_FULL_SPACE_CELLS",
    "ChargingCurve",
    "ChargingPerformance",
    "SelfDischarge",
    "cell_state",
    "charging_performance",
    "collective_charging",
    "collective_charging_full_space",
    "driven_charging",
    "energy_distribution",
    "ergotropy",
    "parallel_charging",
    "passive_state",
    "power_watts",
    "self_discharge",
    "stored_energy",
]

#: Largest number of cells the battery models accept. The collective model lives in the (N+1)-state
#: symmetric subspace, so this is far from a memory limit; beyond it the lesson has nothing new to show
#: and a larger number is a typo.
MAX_CELLS = 200
#: Model names understood by :func:`charging_performance`.
CHARGING_MODELS = ("parallel", "collective", "driven-local", "driven-global")


def _checked(rho, hamiltonian) -> tuple[np.ndarray, np.ndarray]:
    h = check_hermitian("hamiltonian", hamiltonian)
    r = check_density_matrix("rho", rho)
    if r.shape != h.shape:
        raise ValueError(f"rho must have the dimension of hamiltonian ({h.shape[0]}×{h.shape[0]}), got shape {r.shape}")
    r = r / np.trace(r).real  # check_density_matrix allows |Tr ρ − 1| ≤ 1e-6
    return (r + r.conj().T) / 2, (h + h.conj().T) / 2


def _sorted_spectra(r: np.ndarray, h: np.ndarray):
    populations = np.linalg.eigvalsh(r)[::-1]  # decreasing
    populations = np.clip(populations, 0.0, None)  # round-off below zero
    populations = populations / populations.sum()
    energies, vectors = np.linalg.eigh(h)  # increasing
    return populations, energies, vectors


def passive_state(rho, hamiltonian) -> np.ndarray:
    """The passive state of ρ for the Hamiltonian H: Σ_k r_k↓ |ε_k↑⟩⟨ε_k↑|.

    Same spectrum as ρ, diagonal in the eigenbasis of H, the largest population on the lowest
    energy. It is the lowest-energy state reachable from ρ by a unitary, and its ergotropy is 0.
    For a degenerate H any eigenbasis of the degenerate level is used (all give the same energy).

    Parameters
    ----------
    rho:
        Density matrix (or normalised ket), ``qutip.Qobj`` or array, with the dimension of H.
    hamiltonian:
        Hermitian matrix, ``qutip.Qobj`` or array, any energy unit.

    Returns
    -------
    numpy.ndarray
        The passive state as a complex d×d matrix in the same basis as ``rho`` and ``hamiltonian``.

    Raises
    ------
    ValueError, TypeError
        If ``rho`` is not a physical density matrix (Hermitian, trace 1, positive semidefinite),
        ``hamiltonian`` is not Hermitian and finite, or their dimensions differ.

    References
    ----------
    Allahverdyan, Balian & Nieuwenhuizen, EPL 67, 565 (2004), doi:10.1209/epl/i2004-10101-2;
    Pusz & Woronowicz, Commun. Math. Phys. 58, 273 (1978), doi:10.1007/BF01614224 (passivity).
    """
    r, h = _checked(rho, hamiltonian)
    populations, _, vectors = _sorted_spectra(r, h)
    return (vectors * populations) @ vectors.conj().T


def ergotropy(rho, hamiltonian) -> float:
    """Ergotropy W = Tr(ρH) − Σ_k r_k↓ ε_k↑: the most work a unitary can extract from ρ.

    Parameters
    ----------
    rho:
        Density matrix (or normalised ket), ``qutip.Qobj`` or array, with the dimension of H.
    hamiltonian:
        Hermitian matrix, ``qutip.Qobj`` or array, any energy unit.

    Returns
    -------
    float
        W in the energy unit of ``hamiltonian``, with 0 ≤ W ≤ Tr(ρH) − E_min. Zero for thermal and
        other passive states; ⟨H⟩ − E_min for a pure state; ω/2 for |+⟩ with H = ω|1⟩⟨1|.
        Values within round-off of zero are returned as 0.0.

    Raises
    ------
    ValueError, TypeError
        If ``rho`` is not a physical density matrix (Hermitian, trace 1, positive semidefinite),
        ``hamiltonian`` is not Hermitian and finite, or their dimensions differ.

    References
    ----------
    Allahverdyan, Balian & Nieuwenhuizen, "Maximal work extraction from finite quantum systems",
    EPL 67, 565 (2004), doi:10.1209/epl/i2004-10101-2, arXiv:cond-mat/0401574.
    """
    r, h = _checked(rho, hamiltonian)
    populations, energies, _ = _sorted_spectra(r, h)
    energy = float(np.real(np.trace(r @ h)))
    passive_energy = float(populations @ energies)
    # W ≥ 0 exactly; a negative value can only be round-off
    return max(0.0, energy - passive_energy)


# ----------------------------------------------------------------------------------------------
# One cell, N cells: stored energy and what a measurement of the energy gives


def cell_state(theta_rad: float, bloch_length: float = 1.0, phi_rad: float = 0.0) -> np.ndarray:
    """Density matrix of one cell with Bloch vector r·(sin θ cos φ, sin θ sin φ, cos θ).

    θ is measured from the ground state (θ = 0: |0⟩, θ = π: |1⟩, θ = π/2: an equal superposition);
    r = 1 is a pure state (then ρ = |ψ⟩⟨ψ| with |ψ⟩ = cos(θ/2)|0⟩ + e^{iφ} sin(θ/2)|1⟩), r < 1 a mixed one,
    r = 0 the fully mixed state. Convention of :mod:`qedn_lessons.operators`: σz = |0⟩⟨0| − |1⟩⟨1|.

    Parameters
    ----------
    theta_rad, phi_rad:
        Bloch angles in radians, finite.
    bloch_length:
        r in [0, 1] (1 − r measures how mixed the cell is).

    Returns
    -------
    numpy.ndarray
        2×2 complex density matrix in the basis (|0⟩, |1⟩). Its excited population is r(1 − cos θ)/2
        + (1 − r)/2 and its ergotropy for H = ω|1⟩⟨1| is ω(r − r cos θ)/2.

    Raises
    ------
    ValueError, TypeError
        Non-real or non-finite angles, r outside [0, 1].
    """
    theta = check_real("theta_rad", theta_rad)
    phi = check_real("phi_rad", phi_rad)
    r = check_real("bloch_length", bloch_length, minimum=0.0, maximum=1.0)
    x, y, z = r * math.sin(theta) * math.cos(phi), r * math.sin(theta) * math.sin(phi), r * math.cos(theta)
    return 0.5 * np.array([[1.0 + z, x - 1j * y], [x + 1j * y, 1.0 - z]], dtype=complex)


def stored_energy(rho, hamiltonian) -> float:
    """Energy stored above the ground state, Tr(ρH) − E_min, in the unit of ``hamiltonian``.

    It bounds the ergotropy from above: W ≤ Tr(ρH) − E_min, with equality for pure states (any pure
    state can be rotated to the ground state). A mixed state keeps the difference locked in.

    Parameters and errors as :func:`ergotropy`.

    Returns
    -------
    float
        ≥ 0; values within round-off of zero come back as 0.0.
    """
    r, h = _checked(rho, hamiltonian)
    e_min = float(np.linalg.eigvalsh(h)[0])
    return max(0.0, float(np.real(np.trace(r @ h))) - e_min)


def _excited_population(rho_cell) -> float:
    rho = check_density_matrix("rho_cell", rho_cell, dimension=2)
    return float(min(1.0, max(0.0, rho[1, 1].real / np.trace(rho).real)))


def energy_distribution(rho_cell, n_cells: int) -> tuple[np.ndarray, np.ndarray]:
    """Outcomes and Born probabilities of measuring the total energy of N identical, independent cells.

    Each cell has H = ω|1⟩⟨1| and is in the state ``rho_cell``; the N-cell state is ρ^{⊗N} and the total
    energy H_N = ω Σ_i |1⟩⟨1|_i has eigenvalues kω, k = 0 … N. The probability of outcome k is the
    binomial C(N, k) p^k (1 − p)^{N−k} with p = ⟨1|ρ|1⟩: coherences do not enter, and nothing but whole
    quanta is ever found. The mean, Np, is fixed by the state.

    Parameters
    ----------
    rho_cell:
        2×2 density matrix (or normalised ket) of one cell.
    n_cells:
        N, 1 … :data:`MAX_CELLS`.

    Returns
    -------
    (quanta, probabilities)
        Float arrays of length N + 1: outcomes k (energy in units of ω) and their probabilities.

    Raises
    ------
    ValueError, TypeError
        An unphysical 2×2 state, or N outside 1 … MAX_CELLS.

    References
    ----------
    Born rule for a degenerate observable (Lüders); cross-checked in the tests against
    :func:`qedn_lessons.measurement.born_probabilities` on the full 2^N-dimensional state.
    """
    n = check_size("n_cells", n_cells, maximum=MAX_CELLS, what="the lesson's battery models stop there")
    p = _excited_population(rho_cell)
    quanta = np.arange(n + 1, dtype=float)
    return quanta, _binomial(n, p)


def _binomial(n: int, p: float) -> np.ndarray:
    k = np.arange(n + 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        log_terms = (
            scipy.special.gammaln(n + 1)
            - scipy.special.gammaln(k + 1)
            - scipy.special.gammaln(n - k + 1)
            + scipy.special.xlogy(k, p)
            + scipy.special.xlog1py(n - k, -p)
        )
    probabilities = np.exp(log_terms)
    return probabilities / probabilities.sum()


# ----------------------------------------------------------------------------------------------
# Charging models


@dataclass(frozen=True)
class ChargingCurve:
    """Energies during charging, in quanta ħω of one cell (the cavity photons have the same ħω).

    ``charger_quanta`` is the energy left in the charger (a cavity) or ``None`` when the charger is an
    external classical field, whose work equals the battery's gain.
    """

    times_ns: np.ndarray
    battery_quanta: np.ndarray
    charger_quanta: np.ndarray | None
    n_cells: int
    model: str


def _check_charging(times_ns: Any, n_cells: Any, coupling_rad_per_ns: Any) -> tuple[np.ndarray, int, float]:
    times = check_times("times_ns", times_ns, maximum=coherence.MAX_TIME_POINTS)
    n = check_size("n_cells", n_cells, maximum=MAX_CELLS, what="the lesson's battery models stop there")
    g = check_real("coupling_rad_per_ns", coupling_rad_per_ns, minimum=0.0, minimum_inclusive=False)
    return times, n, g


def parallel_charging(times_ns: Any, n_cells: int, coupling_rad_per_ns: float) -> ChargingCurve:
    """N cells, each charged by its own resonant cavity holding one photon (Jaynes–Cummings).

    Each cell-cavity pair has H = ω(a†a + |1⟩⟨1|) + g(a σ₊ + a† σ₋) (rotating-wave approximation, on
    resonance). From |1 photon, cell in |0⟩⟩ the photon and the excitation swap back and forth: the cell's
    excited population is sin²(gt). So E_battery = N sin²(gt), E_charger = N cos²(gt), and their sum is
    N at all times. Full charge at t = π/(2g). (The "Rabi battery" of Ferraro et al. keeps the
    counter-rotating terms; at g ≪ ω both agree.)

    Parameters
    ----------
    times_ns:
        Times ≥ 0 in ns (number or 1-D array).
    n_cells:
        N, 1 … :data:`MAX_CELLS`.
    coupling_rad_per_ns:
        Cell–cavity coupling g > 0 in rad/ns (g/2π = 10 MHz is 0.0628 rad/ns).

    Returns
    -------
    ChargingCurve
        Battery and charger energies in quanta at each time.

    Raises
    ------
    ValueError, TypeError
        Negative or non-finite times, N outside 1 … MAX_CELLS, g ≤ 0.

    References
    ----------
    E. T. Jaynes & F. W. Cummings, Proc. IEEE 51, 89 (1963) (vacuum Rabi oscillation);
    D. Ferraro et al., PRL 120, 117702 (2018), arXiv:1707.04930 (parallel vs collective charging).
    """
    times, n, g = _check_charging(times_ns, n_cells, coupling_rad_per_ns)
    battery = n * np.sin(g * times) ** 2
    return ChargingCurve(times, battery, n - battery, n, "parallel")


def _dicke_block(n: int, g: float) -> np.ndarray:
    """Tavis–Cummings coupling in the basis |N − k photons, Dicke state with k excited cells⟩, k = 0 … N.

    ⟨k+1| g a J₊ |k⟩ = g √(N − k) · √((k + 1)(N − k)) (photon annihilation times the collective raising
    operator J₊ on the symmetric state with k excitations).
    """
    k = np.arange(n, dtype=float)
    off = g * np.sqrt(n - k) * np.sqrt((k + 1.0) * (n - k))
    return np.diag(off, 1) + np.diag(off, -1)


def _collective_populations(times: np.ndarray, n: int, g: float) -> np.ndarray:
    energies, vectors = np.linalg.eigh(_dicke_block(n, g))
    amplitudes = (vectors * vectors[0, :]) @ np.exp(-1j * np.outer(energies, times))
    return np.abs(amplitudes) ** 2  # shape (N + 1, len(times)): probability of k excited cells


def collective_charging(times_ns: Any, n_cells: int, coupling_rad_per_ns: float) -> ChargingCurve:
    """N cells in one shared cavity that starts with N photons (Tavis–Cummings, "collective").

    H = ω(a†a + Σ_i |1⟩⟨1|_i) + g Σ_i (a σ₊ⁱ + a† σ₋ⁱ), on resonance, rotating-wave approximation. The
    interaction conserves the number of excitations, so the state stays in the N + 1 symmetric states
    |N − k photons; k cells excited⟩ and the problem is an exact (N+1)×(N+1) diagonalisation. The
    energy the battery gains is exactly what the cavity loses (both count quanta ħω). Compared with
    :func:`parallel_charging` the charger holds the same N quanta and each cell has the same coupling g,
    but each cell now exchanges energy with a mode holding N photons (a field √N times the one-photon
    amplitude), and the shared mode entangles the cells. The battery charges faster (mean power about
    N^0.43 times the parallel one for N = 8 … 200) and its first maximum stays below N.

    This is the rotating-wave version of the Dicke battery of Ferraro et al. (who keep the
    counter-rotating terms and find a power advantage growing as √N at large N). How much of that
    advantage is quantum is debated: Xu & Li (arXiv:2411.04132, a Comment) attribute it to the stronger
    field, a classical effect.

    Parameters, returns and errors as :func:`parallel_charging`.

    References
    ----------
    M. Tavis & F. W. Cummings, Phys. Rev. 170, 379 (1968); D. Ferraro, M. Campisi, G. M. Andolina,
    V. Pellegrini & M. Polini, "High-power collective charging of a solid-state quantum battery",
    PRL 120, 117702 (2018), arXiv:1707.04930.
    """
    times, n, g = _check_charging(times_ns, n_cells, coupling_rad_per_ns)
    populations = _collective_populations(times, n, g)
    battery = np.arange(n + 1, dtype=float) @ populations
    return ChargingCurve(times, battery, n - battery, n, "collective")


#: Largest N for :func:`collective_charging_full_space` (dimension (N+1)·2^N: 448 at N = 6).
MAX_FULL_SPACE_CELLS = 6


def collective_charging_full_space(times_ns: Any, n_cells: int, coupling_rad_per_ns: float) -> ChargingCurve:
    """The collective model of :func:`collective_charging`, computed on the full cavity ⊗ N-qubit space.

    No symmetry is used: the cavity (N + 1 Fock states) and every cell are explicit (qutip operators in
    the course convention), H_int = g Σ_i (a σ₊ⁱ + a† σ₋ⁱ) is diagonalised once, and the battery energy
    ⟨Σ_i |1⟩⟨1|_i⟩ and the cavity energy ⟨a†a⟩ are computed as two *separate* expectation values. Their
    sum staying at N is therefore a real check of energy conservation, and the battery curve an
    independent check of the symmetric-subspace solution. N ≤ :data:`MAX_FULL_SPACE_CELLS`.

    Parameters, returns and errors as :func:`collective_charging`.
    """
    import qutip

    from qedn_lessons import operators

    times, n, g = _check_charging(times_ns, n_cells, coupling_rad_per_ns)
    n = check_size("n_cells", n, maximum=MAX_FULL_SPACE_CELLS, what="the full space has (N+1)·2^N states")
    identities = [qutip.qeye(n + 1)] + [qutip.qeye(2)] * n

    def on(op, slot: int):
        ops = list(identities)
        ops[slot] = op
        return qutip.tensor(ops)

    a = on(qutip.destroy(n + 1), 0)
    lowering = [on(operators.lowering(), i + 1) for i in range(n)]
    h_int = g * sum(a * s.dag() + a.dag() * s for s in lowering)
    psi0 = qutip.tensor([qutip.basis(n + 1, n)] + [operators.ground()] * n).full().ravel()
    cells = sum(on(operators.excited_projector(), i + 1) for i in range(n)).full()
    photons = (a.dag() * a).full()
    energies, vectors = np.linalg.eigh(h_int.full())
    states = vectors @ (np.exp(-1j * np.outer(energies, times)) * (vectors.conj().T @ psi0)[:, None])
    battery = np.real(np.einsum("it,ij,jt->t", states.conj(), cells, states))
    charger = np.real(np.einsum("it,ij,jt->t", states.conj(), photons, states))
    return ChargingCurve(times, battery, charger, n, "collective (full space)")


def driven_charging(times_ns: Any, n_cells: int, coupling_rad_per_ns: float, *, mode: str = "local") -> ChargingCurve:
    """N cells charged by an external field: local drives, or one global operation of the same width.

    ``mode="local"``: V = g Σ_i σxⁱ (interaction picture), each cell flips independently,
    E = N sin²(gt), full charge at π/(2g). ``mode="global"``: V = Ng (|0…0⟩⟨1…1| + |1…1⟩⟨0…0|), which
    has the same spectral width 2Ng (the same "power budget" in the sense of Binder et al.) but couples
    the empty and the full battery directly: E = N sin²(Ngt), full charge at π/(2Ng) — exactly N times
    faster. Gyhm, Šafránek & Rosa proved that no charging protocol under this constraint beats the
    parallel one by more than a factor of order N, and that reaching it needs global operations like this.
    The field does the work: the battery's energy is what the drive supplied.

    Parameters
    ----------
    times_ns, n_cells, coupling_rad_per_ns:
        As :func:`parallel_charging`.
    mode:
        "local" or "global".

    Returns
    -------
    ChargingCurve
        ``charger_quanta`` is ``None`` (a classical field has no energy budget in the model).

    References
    ----------
    F. C. Binder, S. Vinjanampathy, K. Modi & J. Goold, "Quantacell: powerful charging of quantum
    batteries", New J. Phys. (2015); J.-Y. Gyhm, D. Šafránek & D. Rosa, "Quantum charging advantage
    cannot be extensive without global operations", Phys. Rev. Lett. (2022), arXiv:2108.02491.
    """
    times, n, g = _check_charging(times_ns, n_cells, coupling_rad_per_ns)
    check_choice("mode", mode, ("local", "global"))
    rate = g if mode == "local" else n * g
    return ChargingCurve(times, n * np.sin(rate * times) ** 2, None, n, f"driven-{mode}")


@dataclass(frozen=True)
class ChargingPerformance:
    """Figures of merit of one charging run, as defined by Ferraro et al. (2018).

    ``charging_time_ns`` τ: first maximum of the stored energy; ``energy_quanta``: energy stored at τ;
    ``mean_power_quanta_per_ns``: E(τ)/τ.
    """

    model: str
    n_cells: int
    charging_time_ns: float
    energy_quanta: float
    mean_power_quanta_per_ns: float


def _first_maximum(energy, upper: float, points: int = 600) -> float:
    """Time of the first local maximum of ``energy(t)`` on (0, upper], refined by a bounded search."""
    grid = np.linspace(0.0, upper, points)
    values = energy(grid)
    falling = np.nonzero(np.diff(values) < 0)[0]
    i = int(falling[0]) if falling.size else points - 1
    low, high = grid[max(i - 1, 0)], grid[min(i + 1, points - 1)]
    result = scipy.optimize.minimize_scalar(
        lambda t: -float(energy(np.array([t]))[0]), bounds=(low, high), method="bounded", options={"xatol": 1e-10 * upper}
    )
    return float(result.x)


def charging_performance(model: str, n_cells: int, coupling_rad_per_ns: float) -> ChargingPerformance:
    """Charging time τ (first maximum of the stored energy), energy stored then, mean power E(τ)/τ.

    Parameters
    ----------
    model:
        One of :data:`CHARGING_MODELS`: "parallel", "collective", "driven-local", "driven-global".
    n_cells, coupling_rad_per_ns:
        As :func:`parallel_charging`.

    Returns
    -------
    ChargingPerformance
        Times in ns, energy in quanta, power in quanta per ns. Closed forms for the sin² models
        (τ = π/(2g) parallel and driven-local, π/(2Ng) driven-global, E = N); the collective model is
        located numerically to about 1e-10 of τ.

    Raises
    ------
    ValueError, TypeError
        Unknown model, N outside 1 … MAX_CELLS, g ≤ 0.

    References
    ----------
    Ferraro et al., PRL 120, 117702 (2018), arXiv:1707.04930 (definitions of τ and mean power).
    """
    check_choice("model", model, CHARGING_MODELS)
    _, n, g = _check_charging(0.0, n_cells, coupling_rad_per_ns)
    if model == "collective":
        energies, vectors = np.linalg.eigh(_dicke_block(n, g))  # one diagonalisation for the whole search
        weights = vectors * vectors[0, :]
        excited = np.arange(n + 1, dtype=float)

        def battery(t: np.ndarray) -> np.ndarray:
            return excited @ (np.abs(weights @ np.exp(-1j * np.outer(energies, t))) ** 2)

        # every cell is charged no later than in the parallel case: search up to a little beyond π/(2g)
        tau = _first_maximum(battery, 1.05 * math.pi / (2 * g))
        energy = float(battery(np.array([tau]))[0])
    else:
        tau = math.pi / (2 * g * (n if model == "driven-global" else 1))
        energy = float(n)
    return ChargingPerformance(model, n, tau, energy, energy / tau)


def power_watts(quanta_per_ns: Any, frequency_hz: float) -> Any:
    """Power in watts of ``quanta_per_ns`` quanta h·f delivered per nanosecond (scalar or array ≥ 0)."""
    energy = quantum_energy_j(frequency_hz)
    if isinstance(quanta_per_ns, np.ndarray):
        rate = np.asarray(quanta_per_ns, dtype=float)
        if not np.all(np.isfinite(rate)) or np.any(rate < 0):
            raise ValueError("quanta_per_ns must be ≥ 0 and finite")
        return rate * energy * 1e9
    return check_real("quanta_per_ns", quanta_per_ns, minimum=0.0) * energy * 1e9


# ----------------------------------------------------------------------------------------------
# Self-discharge


@dataclass(frozen=True)
class SelfDischarge:
    """A cell left alone: stored energy Tr(ρH) (above the ground state) and ergotropy, in quanta ħω."""

    times_us: np.ndarray
    stored_quanta: np.ndarray
    ergotropy_quanta: np.ndarray


def self_discharge(
    times_us: Any,
    *,
    t1_us: float,
    t_phi_us: float = math.inf,
    temperature_k: float = 0.0,
    frequency_hz: float = 5e9,
    initial: str = "excited",
) -> SelfDischarge:
    """Stored energy and ergotropy of one cell relaxing with T1, Tφ in a bath at ``temperature_k``.

    The density matrices come from :func:`qedn_lessons.coherence.density_matrices` (Lindblad model with
    thermal up/down rates summing to 1/T1); the ergotropy from :func:`ergotropy` with H = |1⟩⟨1|.
    A fully charged cell (``initial="excited"``) at zero temperature holds e^{−t/T1} quanta, but its
    ergotropy is max(0, 2e^{−t/T1} − 1): it reaches zero at t = T1 ln 2, while half the energy is
    still there — locked in a passive state.

    Parameters
    ----------
    times_us:
        Times ≥ 0 in µs.
    t1_us, t_phi_us:
        T1 > 0 and Tφ > 0 in µs (``inf`` allowed for Tφ: no pure dephasing).
    temperature_k, frequency_hz:
        Bath temperature (≥ 0 K) and cell frequency (> 0 Hz), which set n̄.
    initial:
        "excited", "plus", "plus_i" or "ground" (as in :mod:`qedn_lessons.coherence`).

    Returns
    -------
    SelfDischarge

    Raises
    ------
    ValueError, TypeError
        As :func:`qedn_lessons.coherence.density_matrices`.
    """
    rhos = coherence.density_matrices(
        times_us, t1=t1_us, t_phi=t_phi_us, temperature_k=temperature_k, frequency_hz=frequency_hz, initial=initial
    )
    h = np.diag([0.0, 1.0])
    stored = np.array([stored_energy(rho, h) for rho in rhos])
    work = np.array([ergotropy(rho, h) for rho in rhos])
    return SelfDischarge(np.atleast_1d(np.asarray(times_us, dtype=float)), stored, work)
