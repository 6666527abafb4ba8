"""Measurement: the Born rule, back-action and its energy cost, the quantum Zeno effect, and the
minimal model of quantum energy teleportation (QET).

Physics layer: pure functions (numpy, qutip), no plotting, no printing. States and operators may be
``qutip.Qobj`` or numpy arrays; numbers come back as floats or numpy arrays.

Conventions (docs/PHYSICS.md §0): |0⟩ ground, |1⟩ excited; Pauli matrices are qutip's, σz = diag(+1, −1).
Dimensionless models use ħ = 1 and say their unit of energy.

What the module answers, in one line each:

* :func:`born_probabilities`, :func:`sample_outcomes` -- the probabilities of a projective measurement
  and outcomes sampled from them (seeded ``rng``);
* :func:`post_measurement_state`, :func:`measurement_energy_change` -- the state after a selective or
  non-selective (Lüders) measurement and the change of ⟨H⟩ it causes: the meter pays it;
* :func:`zeno_transition_probability`, :func:`zeno_survival_probability`, :func:`zeno_simulation`,
  :func:`sample_zeno_runs` -- the two quantities of Itano et al. (1990), closed form and simulated;
* :func:`dephasing_for_measurement_rate`, :func:`measured_transport_efficiency`,
  :func:`measured_efficiency_curve` -- frequent site measurement freezes excitation transport
  (thin wrappers over the transport engine, :mod:`qedn_lessons.transport`: measuring at rate r is a
  site dephasing γ = r/2);
* :func:`qet_minimal`, :func:`qet_extracted_energy`, :func:`qet_operators`, :func:`qet_protocol` --
  Hotta's minimal QET model, closed forms and an explicit 4×4 computation with an energy ledger.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import qutip

from qedn_lessons import operators, transport, units
from qedn_lessons.validate import (
    check_density_matrix,
    check_finite_array,
    check_hermitian,
    check_real,
    check_rng,
    check_size,
)

#: Largest Hilbert-space dimension the measurement routines accept (a full eigendecomposition).
MAX_DIMENSION = 256
#: Largest number of measurements in a Zeno sequence (the closed forms are cheap; the simulation
#: loops over them).
MAX_MEASUREMENTS = 100_000
#: Largest number of sampled values (shots × measurements) a sampling routine allocates.
MAX_SAMPLES = 10_000_000
#: Largest |h|, |k| of the QET model (dimensionless; keeps h² and k² far from overflow).
MAX_QET_PARAMETER = 1.0e6

__all__ = [
    "MAX_DIMENSION",
    "QET_STAGES",
    "QETLedger",
    "QETResult",
    "ZenoSample",
    "ZenoSimulation",
    "born_probabilities",
    "dephasing_for_measurement_rate",
    "measured_efficiency_curve",
    "measured_transport_efficiency",
    "measurement_energy_change",
    "model_energy_j",
    "post_measurement_state",
    "qet_extracted_energy",
    "qet_minimal",
    "qet_operators",
    "qet_protocol",
    "runs_per_kwh",
    "sample_outcomes",
    "sample_zeno_runs",
    "three_site_chain_cm",
    "zeno_simulation",
    "zeno_survival_probability",
    "zeno_transition_probability",
]


# --------------------------------------------------------------------------------------------------
# Projective measurement: Born rule, back-action, energy cost
# --------------------------------------------------------------------------------------------------


def _state_and_operator(state: Any, operator: Any, *, operator_name: str) -> tuple[np.ndarray, np.ndarray]:
    """Validated density matrix and Hermitian operator of the same dimension."""
    shape = getattr(operator, "shape", None)
    if shape is not None and len(shape) == 2 and shape[0] > MAX_DIMENSION:
        raise ValueError(f"{operator_name} must be at most {MAX_DIMENSION}×{MAX_DIMENSION}, got shape {tuple(shape)}")
    matrix = check_hermitian(operator_name, operator, max_dimension=MAX_DIMENSION)
    rho = check_density_matrix("state", state, dimension=matrix.shape[0])
    return rho, matrix


def _eigenspaces(observable: np.ndarray) -> tuple[np.ndarray, list[np.ndarray]]:
    """Distinct eigenvalues (ascending) of a Hermitian matrix and the projectors on their eigenspaces.

    Eigenvalues closer than 1e-9 × (largest |eigenvalue|, at least 1) are treated as one degenerate
    eigenvalue, so a degenerate observable is measured with the Lüders rule (one projector per
    eigenspace), not by accidentally resolving its eigenspace into an arbitrary basis.
    """
    values, vectors = np.linalg.eigh((observable + observable.conj().T) / 2)
    tolerance = 1e-9 * max(1.0, float(np.max(np.abs(values))))
    groups: list[list[int]] = [[0]]
    for index in range(1, values.size):
        if values[index] - values[groups[-1][0]] <= tolerance:
            groups[-1].append(index)
        else:
            groups.append([index])
    distinct = np.array([float(np.mean(values[g])) for g in groups])
    projectors = [vectors[:, g] @ vectors[:, g].conj().T for g in groups]
    return distinct, projectors


def born_probabilities(state: Any, observable: Any) -> tuple[np.ndarray, np.ndarray]:
    """Outcomes and Born-rule probabilities of a projective measurement of ``observable``.

    Parameters
    ----------
    state : ket or density matrix (Qobj or array), normalised, dimension d ≤ 256.
    observable : Hermitian d×d matrix (Qobj or array). Its eigenvalues are the possible outcomes.

    Returns
    -------
    (outcomes, probabilities) : two float arrays; ``outcomes`` are the distinct eigenvalues in
    ascending order, ``probabilities[i] = Tr(P_i ρ)`` with P_i the projector on eigenspace i.

    Raises
    ------
    TypeError, ValueError : non-numeric input, NaN/inf, non-Hermitian observable, unphysical state,
    mismatched dimensions, d > 256.

    Reference: Born, Z. Phys. 37, 863 (1926); G. Lüders, Ann. Phys. (Leipzig) (1951), for degenerate
    outcomes (its history: A. Sudbery, arXiv:2402.15280).
    """
    rho, matrix = _state_and_operator(state, observable, operator_name="observable")
    outcomes, projectors = _eigenspaces(matrix)
    probabilities = np.array([float(np.real(np.trace(p @ rho))) for p in projectors])
    probabilities = np.clip(probabilities, 0.0, 1.0)
    return outcomes, probabilities / probabilities.sum()


def sample_outcomes(state: Any, observable: Any, n_shots: int, *, rng: np.random.Generator) -> np.ndarray:
    """``n_shots`` outcomes of measuring ``observable`` on fresh copies of ``state`` (Born rule).

    ``rng`` is a ``numpy.random.Generator`` (seeded in notebooks). ``n_shots`` is 1 … 10⁷.
    Returns a float array of eigenvalues of ``observable``. Raises like :func:`born_probabilities`,
    and TypeError if ``rng`` is not a Generator.
    """
    n_shots = check_size("n_shots", n_shots, maximum=MAX_SAMPLES, what="samples are kept in memory")
    _check_rng(rng)
    outcomes, probabilities = born_probabilities(state, observable)
    return rng.choice(outcomes, size=n_shots, p=probabilities)


def post_measurement_state(state: Any, observable: Any, outcome: float | None = None) -> np.ndarray:
    """The density matrix after a projective measurement of ``observable`` (Lüders rule).

    ``outcome=None`` (non-selective: the result is not read, or is averaged over): ρ' = Σ_i P_i ρ P_i.
    ``outcome=a`` (selective, an eigenvalue of ``observable``): ρ' = P_a ρ P_a / Tr(P_a ρ).

    Returns a d×d complex ndarray. Raises ValueError if ``outcome`` is not an eigenvalue or has
    probability 0, plus the errors of :func:`born_probabilities`.
    """
    rho, matrix = _state_and_operator(state, observable, operator_name="observable")
    outcomes, projectors = _eigenspaces(matrix)
    if outcome is None:
        return sum(p @ rho @ p for p in projectors)
    outcome = check_real("outcome", outcome)
    index = int(np.argmin(np.abs(outcomes - outcome)))
    if abs(outcomes[index] - outcome) > 1e-6 * max(1.0, abs(outcome)):
        allowed = ", ".join(f"{o:.6g}" for o in outcomes)
        raise ValueError(f"outcome must be an eigenvalue of the observable ({allowed}), got {outcome!r}")
    projected = projectors[index] @ rho @ projectors[index]
    probability = float(np.real(np.trace(projected)))
    if probability < 1e-12:
        raise ValueError(f"outcome {outcome!r} has probability {probability:.3g} in this state: it cannot occur")
    return projected / probability


def measurement_energy_change(state: Any, hamiltonian: Any, observable: Any) -> float:
    """⟨H⟩ after a non-selective projective measurement of ``observable`` minus ⟨H⟩ before.

    ΔE = Tr(H Σ_i P_i ρ P_i) − Tr(H ρ). It is zero when ``observable`` commutes with H (or ρ is
    diagonal in its eigenbasis); otherwise the measurement changes the energy, and the meter supplies
    (or absorbs) the difference. For a ground state ΔE ≥ 0: measuring never lowers it.
    Example: ground state of H = ω|1⟩⟨1|, measure σx: ΔE = ω/2.

    Parameters
    ----------
    state : ket or density matrix (Qobj or array), dimension d ≤ 256.
    hamiltonian : Hermitian d×d matrix, in any energy unit; ΔE comes out in the same unit.
    observable : Hermitian d×d matrix.

    Returns
    -------
    float : ΔE in the unit of ``hamiltonian``.

    Raises
    ------
    TypeError, ValueError : as :func:`born_probabilities`, also for a mismatched ``hamiltonian``.

    Reference: G. Lüders, Ann. Phys. (Leipzig) (1951) (the non-selective post-measurement state;
    see A. Sudbery, arXiv:2402.15280);
    Hotta, arXiv:1002.0200 (the same cost is the energy a QET measurement injects).
    """
    rho, matrix = _state_and_operator(state, observable, operator_name="observable")
    energy = check_hermitian("hamiltonian", hamiltonian, max_dimension=MAX_DIMENSION)
    if energy.shape != matrix.shape:
        raise ValueError(f"hamiltonian must have the observable's shape {matrix.shape}, got {energy.shape}")
    _, projectors = _eigenspaces(matrix)
    after = sum(p @ rho @ p for p in projectors)
    return float(np.real(np.trace(energy @ after) - np.trace(energy @ rho)))


def _check_rng(rng: Any) -> None:
    check_rng("rng", rng)


# --------------------------------------------------------------------------------------------------
# Quantum Zeno effect (Itano, Heinzen, Bollinger & Wineland, PRA 41, 2295 (1990))
# --------------------------------------------------------------------------------------------------


def _check_measurements(n_measurements: Any) -> int:
    return check_size(
        "n_measurements", n_measurements, maximum=MAX_MEASUREMENTS, what="the direct simulation loops over every measurement"
    )


def zeno_transition_probability(n_measurements: int) -> float:
    """Probability of ending in |1⟩ after a π pulse interrupted by N ideal measurements.

    A resonant π pulse (which alone takes |0⟩ to |1⟩) is split into N equal parts, each followed by a
    projective measurement of the level (|0⟩ or |1⟩) whose result is not selected on. Each
    measurement resets the Bloch vector onto the z axis, so z → z·cos(π/N) per step and

        P₁(N) = [1 − cos^N(π/N)] / 2        (N = 1 → 1, N = 4 → 0.375, N → ∞ → 0).

    Parameters: ``n_measurements`` N, a whole number 1 … 100 000.
    Returns: a float in [0, 1]. Raises TypeError (not a whole number) or ValueError (N < 1, too large).
    Reference: Itano et al., Phys. Rev. A 41, 2295 (1990), doi:10.1103/PhysRevA.41.2295.
    """
    n = _check_measurements(n_measurements)
    return 0.5 * (1.0 - math.cos(math.pi / n) ** n)


def zeno_survival_probability(n_measurements: int) -> float:
    """Probability that every one of N measurements during a π pulse finds the initial state |0⟩.

    Each step rotates by π/N; from |0⟩ the next measurement finds |0⟩ with probability cos²(π/2N), so
    all N do with probability cos^{2N}(π/2N) (N = 4 → 0.5308). This is *not* the transition
    probability :func:`zeno_transition_probability`: runs that jump to |1⟩ and back to |0⟩ count
    against survival but not as a transition.

    Parameters: ``n_measurements`` N, a whole number 1 … 100 000.
    Returns: a float in [0, 1]. Raises TypeError or ValueError as :func:`zeno_transition_probability`.
    Reference: Itano et al., Phys. Rev. A 41, 2295 (1990), doi:10.1103/PhysRevA.41.2295.
    """
    n = _check_measurements(n_measurements)
    return math.cos(math.pi / (2 * n)) ** (2 * n)


@dataclass(frozen=True)
class ZenoSimulation:
    """Result of :func:`zeno_simulation` (both probabilities from one explicit simulation)."""

    n_measurements: int
    #: population of |1⟩ at the end of the pulse, non-selective measurements (density matrix)
    transition_probability: float
    #: probability that all N outcomes were |0⟩ (product of the outcome probabilities along that branch)
    survival_probability: float


def zeno_simulation(n_measurements: int) -> ZenoSimulation:
    """Direct simulation of a π pulse cut into N steps with a projective measurement after each.

    An independent check of the closed forms: each step applies U = exp(−i(π/N)σx/2) (qutip),
    then measures the level with the projectors |0⟩⟨0| and |1⟩⟨1|.

    * transition probability: the density matrix after N steps of ρ → Σ_k P_k U ρ U† P_k; returns ⟨1|ρ|1⟩;
    * survival probability: the product over steps of the probability Tr(P₀ U ρ U†) that the outcome
      is |0⟩, the state being reset to |0⟩ after each such outcome (Born rule along one branch).

    Parameters: ``n_measurements`` N, 1 … 100 000. Returns :class:`ZenoSimulation`.
    Raises TypeError/ValueError as :func:`zeno_transition_probability`.
    Reference: Itano et al., Phys. Rev. A 41, 2295 (1990), doi:10.1103/PhysRevA.41.2295.
    """
    n = _check_measurements(n_measurements)
    step = (-1j * (math.pi / n) * operators.pauli_x() / 2).expm().full()
    p0 = (operators.ground() * operators.ground().dag()).full()
    p1 = operators.excited_projector().full()
    ground = operators.ground().full().reshape(-1)
    rho = np.outer(ground, ground.conj())
    survival = 1.0
    branch = rho.copy()
    for _ in range(n):
        rotated = step @ rho @ step.conj().T
        rho = p0 @ rotated @ p0 + p1 @ rotated @ p1
        if survival > 0.0:
            rotated_branch = step @ branch @ step.conj().T
            projected = p0 @ rotated_branch @ p0
            probability = float(np.real(np.trace(projected)))
            survival *= probability
            if probability > 0.0:
                branch = projected / probability
    return ZenoSimulation(n, float(np.real(rho[1, 1])), survival)


@dataclass(frozen=True)
class ZenoSample:
    """Result of :func:`sample_zeno_runs`: fractions of simulated single runs."""

    n_measurements: int
    n_runs: int
    #: fraction of runs that end in |1⟩ (estimates the transition probability)
    ended_excited: float
    #: fraction of runs in which every outcome was |0⟩ (estimates the survival probability)
    always_ground: float


def sample_zeno_runs(n_measurements: int, n_runs: int, *, rng: np.random.Generator) -> ZenoSample:
    """Simulate ``n_runs`` single experiments of the Zeno sequence, outcome by outcome (Born rule).

    After each measurement the atom is in |0⟩ or |1⟩; the next π/N rotation and measurement flip it
    with probability sin²(π/2N), independently. Both of Itano's quantities are read off the same runs.

    Parameters: N = ``n_measurements`` ≥ 1, ``n_runs`` ≥ 1 with N·n_runs ≤ 10⁷; ``rng`` a numpy Generator.
    Returns :class:`ZenoSample`. Raises TypeError/ValueError for bad arguments or too many samples.
    """
    n = _check_measurements(n_measurements)
    runs = check_size("n_runs", n_runs, maximum=MAX_SAMPLES, what="samples are kept in memory")
    if n * runs > MAX_SAMPLES:
        raise ValueError(f"n_runs × n_measurements must be ≤ {MAX_SAMPLES}, got {runs} × {n} = {runs * n}")
    _check_rng(rng)
    flips = rng.random((runs, n)) < math.sin(math.pi / (2 * n)) ** 2
    n_flips = flips.sum(axis=1)
    return ZenoSample(n, runs, float(np.mean(n_flips % 2 == 1)), float(np.mean(n_flips == 0)))


# --------------------------------------------------------------------------------------------------
# Zeno effect on excitation transport (the physics is the transport engine, qedn_lessons.transport)
# --------------------------------------------------------------------------------------------------


def dephasing_for_measurement_rate(measurement_rate_per_ps: float) -> float:
    """Per-site dephasing rate γ (ps⁻¹, the transport engine's convention) equivalent to measuring
    which site holds the excitation at random (Poisson) times at ``measurement_rate_per_ps`` r.

    Derivation. Between measurements nothing happens to ρ from the meter; in a short dt a measurement
    occurs with probability r·dt and replaces ρ by the non-selective (Lüders) state Σ_k P_k ρ P_k,
    P_k = |k⟩⟨k|. On average dρ/dt|_meter = r(Σ_k P_k ρ P_k − ρ): populations are untouched and every
    coherence ρ_ij (i ≠ j) decays at rate r. The same generator is the Lindblad dissipator of the
    operators √r·P_k, because Σ_k P_k = I on the site manifold.
    The engine's dephasing (docs/PHYSICS.md §0) is the Lindblad operator √(2γ)·P_k on each site:
    Σ_k 2γ(P_k ρ P_k − ½{P_k, ρ}), whose (i, j) element for i ≠ j is 0 − ½·2γ·(ρ_ij + ρ_ij) = −2γρ_ij,
    so ρ_ij decays at γ_i + γ_j = 2γ. Equal generators need 2γ = r, hence γ = r/2.

    Parameters: ``measurement_rate_per_ps`` r ≥ 0, finite. Returns γ = r/2 in ps⁻¹.
    Raises TypeError/ValueError for a non-number, NaN, inf or a negative rate.
    """
    rate = check_real("measurement_rate_per_ps", measurement_rate_per_ps, minimum=0.0)
    return rate / 2.0


def measured_transport_efficiency(hamiltonian_cm: Any, measurement_rate_per_ps: float, **transport_options: Any) -> float:
    """Transport efficiency when every site's occupation is measured at ``measurement_rate_per_ps``.

    A thin wrapper: :func:`qedn_lessons.transport.transport_efficiency` with the per-site dephasing
    :func:`dephasing_for_measurement_rate` (γ = r/2). ``transport_options`` (``initial_site``,
    ``sink_site``, ``trap_rate_per_ps``, ``loss_rate_per_ns``, ``time_ps``) are passed on unchanged,
    with the engine's defaults (start on site 1, sink at site 3, trap 1 ps⁻¹, loss 1 ns⁻¹, t → ∞).
    At high rates the excitation is pinned where it was last found (quantum Zeno effect): hopping
    between neighbours with coupling J and energy gap Δ becomes incoherent with rate 2J²r/(r² + Δ²)
    (≈ 2J²/r for r ≫ Δ), and once that is slower than the loss the efficiency collapses.

    Returns the efficiency (a float in [0, 1]). Raises ValueError/TypeError for a bad rate, and
    whatever the transport engine raises for its own arguments; ``dephasing_per_ps`` is not accepted
    here (the measurement sets it).
    Reference: model of Plenio & Huelga, New J. Phys. 10, 113019 (2008),
    doi:10.1088/1367-2630/10/11/113019; Zeno effect: Misra & Sudarshan, J. Math. Phys. 18, 756 (1977),
    doi:10.1063/1.523304.
    """
    if "dephasing_per_ps" in transport_options:
        raise TypeError("dephasing_per_ps is set by measurement_rate_per_ps; do not pass it")
    gamma = dephasing_for_measurement_rate(measurement_rate_per_ps)
    return float(transport.transport_efficiency(hamiltonian_cm, dephasing_per_ps=gamma, **transport_options))


def measured_efficiency_curve(hamiltonian_cm: Any, measurement_rates_per_ps: Any, **transport_options: Any) -> np.ndarray:
    """:func:`measured_transport_efficiency` for each rate in ``measurement_rates_per_ps`` (ps⁻¹, ≥ 0).

    Calls :func:`qedn_lessons.transport.efficiency_curve` with γ = r/2; same options and errors as
    :func:`measured_transport_efficiency`. Returns a float array of the same length.
    """
    if "dephasing_per_ps" in transport_options:
        raise TypeError("dephasing_per_ps is set by measurement_rates_per_ps; do not pass it")
    rates = check_finite_array("measurement_rates_per_ps", measurement_rates_per_ps, ndim=1)
    if np.iscomplexobj(rates) or np.any(rates < 0):
        raise ValueError(f"measurement_rates_per_ps must be rates ≥ 0 and finite, got {np.round(rates[:6], 6).tolist()}")
    return transport.efficiency_curve(hamiltonian_cm, rates.astype(float) / 2.0, **transport_options)


def three_site_chain_cm(coupling_cm: float = 20.0, middle_offset_cm: float = 0.0) -> np.ndarray:
    """The lesson's three-site chain: :func:`qedn_lessons.transport.chain_hamiltonian` (3 sites,
    nearest-neighbour coupling ``coupling_cm``) with site 2 raised by ``middle_offset_cm`` (cm⁻¹,
    finite). Returns a 3×3 real symmetric array in cm⁻¹. Raises TypeError/ValueError for non-numbers,
    NaN or inf.
    """
    offset = check_real("middle_offset_cm", middle_offset_cm)
    hamiltonian = transport.chain_hamiltonian(3, coupling_cm)
    hamiltonian[1, 1] += offset
    return hamiltonian


# --------------------------------------------------------------------------------------------------
# Quantum energy teleportation, minimal model (Hotta, arXiv:1002.0200)
# --------------------------------------------------------------------------------------------------


def _check_hk(h: Any, k: Any) -> tuple[float, float]:
    h = check_real("h", h, minimum=0.0, maximum=MAX_QET_PARAMETER, minimum_inclusive=False)
    k = check_real("k", k, minimum=0.0, maximum=MAX_QET_PARAMETER)
    return h, k


@dataclass(frozen=True)
class QETResult:
    """Closed-form figures of the minimal QET model (energies in the model's unit, see :func:`qet_minimal`)."""

    h: float
    k: float
    #: energy Alice's X_A measurement puts into the chain, h²/√(h²+k²) (supplied by her meter)
    injected_energy: float
    #: the most Bob can extract with the message, over his rotation angle
    max_extracted_energy: float
    #: Bob's angle φ (rad) that achieves it, ½·arctan(hk/(h²+2k²)) for outcome μ = +1
    optimal_angle: float
    #: the most Bob can extract without the message: 0 (no local operation of his lowers ⟨H⟩)
    extracted_without_message: float

    @property
    def fraction(self) -> float:
        """max_extracted_energy / injected_energy: the share of Alice's input Bob can get back."""
        return self.max_extracted_energy / self.injected_energy


def qet_minimal(h: float, k: float) -> QETResult:
    """Closed forms of Hotta's minimal quantum-energy-teleportation model.

    Two qubits (ħ = 1, energies in an arbitrary unit ε; the lesson takes ε = one 5 GHz quantum h·f):

        H_A = hZ_A + h²/ξ,  H_B = hZ_B + h²/ξ,  V = 2kX_AX_B + 2k²/ξ,  ξ = √(h²+k²),

    whose ground state |g⟩ has energy exactly 0. Alice measures X_A (outcome μ = ±1) and sends μ to
    Bob, who applies U_B(μ) = cos φ·I − iμ sin φ·Y_B. Then

    * injected_energy E_A = h²/ξ (the change of ⟨H⟩ caused by Alice's measurement);
    * Bob's extraction E_B(φ) = [hk sin 2φ − (h²+2k²)(1 − cos 2φ)]/ξ (qutip's Pauli matrices),
      maximal at tan 2φ = hk/(h²+2k²): max_extracted_energy = [√((h²+2k²)² + h²k²) − (h²+2k²)]/ξ;
    * without the message Bob's rotation cannot depend on μ and his best extraction is 0 (at φ = 0):
      ⟨H⟩ after any unitary on B of the post-measurement state ≥ its value before (no-signalling).

    Worked value: (h, k) = (1.5, 1) → E_A = 1.248075, E_B,max = 0.142524.

    Parameters: ``h`` in (0, 10⁶], ``k`` in [0, 10⁶] (dimensionless).
    Returns :class:`QETResult`. Raises TypeError/ValueError for non-numbers, NaN, inf, out of range.
    References: M. Hotta, arXiv:1002.0200; K. Ikeda, Phys. Rev. Applied 20, 024051 (2023),
    arXiv:2301.02666; Rodríguez-Briones et al., Phys. Rev. Lett. 130, 110801 (2023).
    """
    h, k = _check_hk(h, k)
    xi = math.hypot(h, k)
    a = h * h + 2 * k * k
    best = (math.hypot(a, h * k) - a) / xi
    angle = 0.5 * math.atan2(h * k, a)
    # No message: E_B(φ) = −a(1 − cos 2φ)/ξ ≤ 0, maximal (0) at φ = 0.
    without = float(qet_extracted_energy(h, k, 0.0, message=False))
    return QETResult(h, k, h * h / xi, best, angle, without)


def qet_extracted_energy(h: float, k: float, angle: Any, *, message: bool = True) -> Any:
    """Bob's extracted energy E_B(φ) in the minimal QET model (closed form, vectorised over ``angle``).

    ``message=True``: Bob applies cos φ·I − iμ sin φ·Y_B with Alice's outcome μ,
    E_B = [hk sin 2φ − (h²+2k²)(1 − cos 2φ)]/ξ. ``message=False``: he applies the same rotation
    whatever μ was (he does not know it), E_B = −(h²+2k²)(1 − cos 2φ)/ξ ≤ 0: he can only add energy.

    Parameters: ``h`` > 0, ``k`` ≥ 0 as :func:`qet_minimal`; ``angle`` φ in rad (finite float or
    array); ``message`` a bool. Returns a float for a scalar angle, else a float array (model unit).
    Raises TypeError/ValueError for bad arguments. Reference: Hotta, arXiv:1002.0200.
    """
    h, k = _check_hk(h, k)
    if not isinstance(message, bool | np.bool_):
        raise TypeError(f"message must be True or False, got {message!r}")
    if np.ndim(angle) == 0:
        phi = check_real("angle", angle)
    else:
        phi = check_finite_array("angle", angle, ndim=1).astype(float)
    xi = math.hypot(h, k)
    a = h * h + 2 * k * k
    cost = -a * (1.0 - np.cos(2 * phi)) / xi
    result = cost + (h * k * np.sin(2 * phi) / xi if message else 0.0)
    return float(result) if np.ndim(result) == 0 else np.asarray(result, dtype=float)


def qet_operators(h: float, k: float) -> dict[str, qutip.Qobj]:
    """The explicit 4×4 operators of the minimal QET model (qutip, qubit A ⊗ qubit B).

    Returns a dict with ``"H_A"``, ``"H_B"``, ``"V"``, ``"H"`` (= H_A + H_B + V), ``"ground"`` (the
    ground-state ket, found by diagonalising H), ``"P_plus"``, ``"P_minus"`` (Alice's projectors
    (I ± X_A)/2 for the outcomes μ = ±1) and ``"Y_B"``. Arguments as :func:`qet_minimal`.
    Reference: Hotta, arXiv:1002.0200.
    """
    h, k = _check_hk(h, k)
    xi = math.hypot(h, k)
    one = qutip.qeye(2)
    x, y, z = operators.pauli_x(), operators.pauli_y(), operators.pauli_z()
    identity = qutip.tensor(one, one)
    h_a = h * qutip.tensor(z, one) + (h * h / xi) * identity
    h_b = h * qutip.tensor(one, z) + (h * h / xi) * identity
    v = 2 * k * qutip.tensor(x, x) + (2 * k * k / xi) * identity
    total = h_a + h_b + v
    _, states = total.eigenstates()
    return {
        "H_A": h_a,
        "H_B": h_b,
        "V": v,
        "H": total,
        "ground": states[0],
        "P_plus": qutip.tensor((one + x) / 2, one),
        "P_minus": qutip.tensor((one - x) / 2, one),
        "Y_B": qutip.tensor(one, y),
    }


#: Stages of the QET protocol in :class:`QETLedger` arrays.
QET_STAGES: tuple[str, ...] = ("ground state", "after Alice's measurement", "after Bob's rotation")


@dataclass(frozen=True)
class QETLedger:
    """Energy ledger of one run of the QET protocol, from an explicit 4×4 computation.

    Energies in the model's unit. ``alice``, ``bob``, ``coupling`` and ``total`` hold ⟨H_A⟩, ⟨H_B⟩,
    ⟨V⟩ and ⟨H⟩ at the three :data:`QET_STAGES`. The books balance:
    ``meter_supplied = bob_extracted + left_in_chain``.
    """

    h: float
    k: float
    angle: float
    message: bool
    alice: np.ndarray
    bob: np.ndarray
    coupling: np.ndarray
    total: np.ndarray
    #: energy Alice's meter supplies to the chain (= change of ⟨H⟩ caused by her measurement)
    meter_supplied: float
    #: energy Bob's device takes out (= decrease of ⟨H⟩ caused by his rotation; negative = he adds)
    bob_extracted: float
    #: energy still in the chain at the end, ⟨H⟩ − E_ground ≥ 0
    left_in_chain: float

    @property
    def entries(self) -> np.ndarray:
        """The ledger's six lines, in this order: what the meter supplies, the changes of ⟨H_A⟩, ⟨H_B⟩
        and ⟨V⟩ from the ground state to the end, what Bob's device receives and what is left in the
        chain (the rows of ``views.measurement.LEDGER_ROWS``)."""
        return np.array(
            [
                self.meter_supplied,
                self.alice[2] - self.alice[0],
                self.bob[2] - self.bob[0],
                self.coupling[2] - self.coupling[0],
                self.bob_extracted,
                self.left_in_chain,
            ]
        )


def qet_protocol(h: float, k: float, angle: float, *, message: bool = True) -> QETLedger:
    """Run the minimal QET protocol with explicit operators and return its energy ledger.

    1. The chain starts in the ground state |g⟩ of H (found by diagonalisation; ⟨H⟩ = 0).
    2. Alice measures X_A: ρ₁ = Σ_μ P_μ ρ₀ P_μ (averaged over her outcomes μ = ±1).
    3. Bob applies U_B(μ) = cos φ·I − iμ sin φ·Y_B to the branch with outcome μ if he received the
       message (``message=True``), otherwise U_B(+1) to both branches: ρ₂ = Σ_μ U P_μ ρ₀ P_μ U†.

    Parameters: ``h`` > 0, ``k`` ≥ 0 as :func:`qet_minimal`; ``angle`` φ in rad (finite);
    ``message`` a bool. Returns :class:`QETLedger`. Raises TypeError/ValueError for bad arguments.
    Reference: Hotta, arXiv:1002.0200; Ikeda, arXiv:2301.02666.
    """
    h, k = _check_hk(h, k)
    phi = check_real("angle", angle)
    if not isinstance(message, bool | np.bool_):
        raise TypeError(f"message must be True or False, got {message!r}")
    ops = qet_operators(h, k)
    ground = ops["ground"]
    rho0 = ground * ground.dag()
    one = qutip.tensor(qutip.qeye(2), qutip.qeye(2))
    branches = {+1: ops["P_plus"] * rho0 * ops["P_plus"], -1: ops["P_minus"] * rho0 * ops["P_minus"]}
    rho1 = branches[+1] + branches[-1]
    rho2 = 0 * rho1
    for mu, branch in branches.items():
        sign = mu if message else +1
        rotation = math.cos(phi) * one - 1j * sign * math.sin(phi) * ops["Y_B"]
        rho2 = rho2 + rotation * branch * rotation.dag()
    parts = {name: np.array([float(qutip.expect(ops[name], r)) for r in (rho0, rho1, rho2)]) for name in ("H_A", "H_B", "V", "H")}
    total = parts["H"]
    return QETLedger(
        h=h,
        k=k,
        angle=phi,
        message=bool(message),
        alice=parts["H_A"],
        bob=parts["H_B"],
        coupling=parts["V"],
        total=total,
        meter_supplied=float(total[1] - total[0]),
        bob_extracted=float(total[1] - total[2]),
        left_in_chain=float(total[2] - total[0]),
    )


def model_energy_j(energy: Any, *, frequency_hz: float = 5.0e9) -> Any:
    """Joules of an energy given in units of one quantum h·f at ``frequency_hz`` (default 5 GHz,
    a typical superconducting-qubit frequency; h·f = 3.313×10⁻²⁴ J).

    ``energy`` is a finite float (or array) in that unit. Returns joules (float or array).
    Raises TypeError/ValueError for non-numbers, NaN, inf or ``frequency_hz`` ≤ 0.
    """
    quantum = units.quantum_energy_j(frequency_hz)
    if np.ndim(energy) == 0:
        return check_real("energy", energy) * quantum
    return check_finite_array("energy", energy).astype(float) * quantum


def runs_per_kwh(energy_per_run_j: float) -> float:
    """How many protocol runs deliver one kilowatt-hour (3.6×10⁶ J) at ``energy_per_run_j`` (> 0) each."""
    energy = check_real("energy_per_run_j", energy_per_run_j, minimum=0.0, minimum_inclusive=False)
    return units.JOULES_PER_KWH / energy
