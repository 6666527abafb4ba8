"""Coherence and decoherence of a single qubit (lesson 01) and of GHZ registers (lesson 02).

Physics only: numpy, scipy and qutip; no plotting, no printing.

Conventions (docs/PHYSICS.md §0, :mod:`qedn_lessons.operators`): |0⟩ is the ground state, |1⟩ the excited
state, σ₋ = |0⟩⟨1|. The Bloch vector is (⟨σx⟩, ⟨σy⟩, ⟨σz⟩) with qutip's Paulis, so the ground state
is the north pole z = +1, the excited state z = −1, and |+⟩ = (|0⟩ + |1⟩)/√2 sits at x = +1. The
coherence is the off-diagonal element ρ₀₁ = ⟨0|ρ|1⟩, with |ρ₀₁| = √(x² + y²)/2.

Times: every function works in *one* time unit of your choice (the widget uses µs); rates and
detunings are then per that unit (detuning in rad per time unit). Only :func:`thermal_occupation`
needs SI units (hertz, kelvin).

The qubit model (Lindblad form, dρ/dt = −i[H, ρ] + Σ (LρL† − ½{L†L, ρ})):

* in the frame rotating at the drive frequency, H = Δ|1⟩⟨1| with detuning Δ;
* a bath of mean occupation n̄ at the qubit frequency: L↓ = √(Γ(n̄+1)) σ₋, L↑ = √(Γn̄) σ₊, so the
  energy relaxation rate is 1/T1 = Γ(2n̄+1) and the steady excited population is n̄/(2n̄+1);
* pure dephasing at coherence decay rate γφ = 1/Tφ: L = √(2γφ)|1⟩⟨1| (a Lindblad operator √κ|1⟩⟨1|
  decays ρ₀₁ at κ/2, hence the factor 2).

Then |ρ₀₁| decays as e^{−t/T2} with 1/T2 = 1/(2T1) + 1/Tφ, whatever the temperature: the bath sets
*where* the qubit relaxes to (the thermal state, not the ground state), T1 sets how fast.

References: M. A. Nielsen & I. L. Chuang, *Quantum Computation and Quantum Information* (CUP 2010),
§8.3; P. Krantz et al., "A quantum engineer's guide to superconducting qubits", Appl. Phys. Rev. 6,
021318 (2019), doi:10.1063/1.5089550, arXiv:1904.06560.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import qutip
import scipy.linalg

from qedn_lessons import operators
from qedn_lessons.units import BOLTZMANN_J_PER_K, JOULES_PER_KWH, PLANCK_J_S, quantum_energy_j
from qedn_lessons.validate import check_choice, check_finite_array, check_real, check_size, check_times

#: Largest number of time points the trajectory functions accept (refused before allocation).
MAX_TIME_POINTS = 100_000
#: Largest GHZ register :func:`ghz_coherence` accepts (a formula, but beyond this e^{−N²γt} is 0
#: for any γt a lesson could show, and larger numbers are a typo).
MAX_GHZ_QUBITS = 10_000
#: Initial states the trajectory functions know.
INITIAL_STATES = ("ground", "excited", "plus", "plus_i")


# --- closed forms --------------------------------------------------------------------------------


def t2_time(t1: float, t_phi: float) -> float:
    """Coherence time T2 from the energy relaxation time T1 and the pure dephasing time Tφ.

    1/T2 = 1/(2 T1) + 1/Tφ, hence T2 ≤ 2 T1 (equality without pure dephasing).

    Parameters
    ----------
    t1, t_phi:
        Times > 0 in any one unit; ``math.inf`` means "no such process" (T1 = Tφ = ∞ gives ∞).

    Returns
    -------
    float
        T2 in the same unit.

    Raises
    ------
    TypeError, ValueError
        If a time is not a real number, is ≤ 0 or NaN.

    Example: ``t2_time(100.0, 200.0)`` is 100.0 (docs/PHYSICS.md §1).
    """
    t1 = check_real("t1", t1, minimum=0.0, minimum_inclusive=False, allow_inf=True)
    t_phi = check_real("t_phi", t_phi, minimum=0.0, minimum_inclusive=False, allow_inf=True)
    rate = 1.0 / (2.0 * t1) + 1.0 / t_phi
    return math.inf if rate == 0.0 else 1.0 / rate


def t_phi_from_t1_t2(t1: float, t2: float) -> float:
    """Pure dephasing time Tφ from measured T1 and T2: 1/Tφ = 1/T2 − 1/(2 T1).

    Raises ``ValueError`` if T2 > 2 T1, which no Markovian qubit can show. ``inf`` when T2 = 2T1.
    """
    t1 = check_real("t1", t1, minimum=0.0, minimum_inclusive=False, allow_inf=True)
    t2 = check_real("t2", t2, minimum=0.0, minimum_inclusive=False, maximum=2.0 * t1, allow_inf=True)
    rate = 1.0 / t2 - 1.0 / (2.0 * t1)
    return math.inf if rate <= 0.0 else 1.0 / rate


def thermal_occupation(frequency_hz: float, temperature_k: float) -> float:
    """Bose–Einstein mean occupation n̄ = 1/(e^{hf/k_BT} − 1) of a mode at ``frequency_hz``.

    Parameters
    ----------
    frequency_hz:
        Mode (qubit) frequency in hertz, > 0 and finite.
    temperature_k:
        Bath temperature in kelvin, ≥ 0 and finite; T = 0 gives n̄ = 0.

    Returns
    -------
    float
        n̄ (dimensionless, ≥ 0). Computed with ``expm1`` so the classical limit k_BT ≫ hf is
        accurate (n̄ → k_BT/hf − ½).

    Example: 5 GHz at 20 mK gives 6.156×10⁻⁶ (docs/PHYSICS.md §1).
    """
    frequency_hz = check_real("frequency_hz", frequency_hz, minimum=0.0, minimum_inclusive=False)
    temperature_k = check_real("temperature_k", temperature_k, minimum=0.0)
    thermal_energy_j = BOLTZMANN_J_PER_K * temperature_k
    if thermal_energy_j == 0.0:  # T = 0, or a subnormal T whose k_B·T underflows: n̄ is 0 either way
        return 0.0
    x = PLANCK_J_S * frequency_hz / thermal_energy_j
    if x > 700.0:  # e^{−x} underflows long before expm1 overflows; n̄ ≈ e^{−x}
        return math.exp(-x)
    return 1.0 / math.expm1(x)


def thermal_excited_population(frequency_hz: float, temperature_k: float) -> float:
    """Excited-state population of a qubit in equilibrium with a bath: n̄/(2n̄ + 1) (Boltzmann).

    Same arguments as :func:`thermal_occupation`; equals 1/(e^{hf/k_BT} + 1), → ½ when hot.
    """
    n = thermal_occupation(frequency_hz, temperature_k)
    return n / (2.0 * n + 1.0)


def _check_times(name: str, times: Any) -> np.ndarray:
    """A 1-D float array of times ≥ 0 (a scalar becomes one element), size-checked before copying."""
    return check_times(name, times, maximum=MAX_TIME_POINTS)


def ramsey_probability(t: Any, *, t2: float, detuning: float) -> Any:
    """Ramsey fringe: probability of returning to |+⟩ after free evolution for time ``t``.

    P(t) = ½[1 + e^{−t/T2} cos(Δ t)].

    Parameters
    ----------
    t:
        Free-evolution time(s) ≥ 0, scalar or 1-D array, in the unit of ``t2``.
    t2:
        Coherence time > 0 (``inf`` allowed: no decay).
    detuning:
        Δ, qubit minus drive frequency (H = Δ|1⟩⟨1| in the drive's rotating frame), in rad per
        time unit (any sign; P depends only on |Δ|).

    Returns
    -------
    float or numpy.ndarray
        A float for scalar ``t``, otherwise an array of the same length.
    """
    scalar = np.ndim(t) == 0 and not isinstance(t, list | tuple)
    times = _check_times("t", t)
    t2 = check_real("t2", t2, minimum=0.0, minimum_inclusive=False, allow_inf=True)
    detuning = check_real("detuning", detuning)
    p = 0.5 * (1.0 + np.exp(-times / t2) * np.cos(detuning * times))
    return float(p[0]) if scalar else p


def ghz_coherence(n_qubits: int, gamma_t: float, *, correlated: bool = False) -> float:
    """Coherence left in an N-qubit GHZ state (|0…0⟩ + |1…1⟩)/√2 under dephasing.

    Independent dephasing of each qubit at rate γ: e^{−Nγt}. Correlated (collective) Gaussian phase
    noise: e^{−N²γt} ("superdecoherence": T. Monz et al., PRL 106, 130506 (2011), arXiv:1009.6126,
    made GHZ states of up to 14 trapped ions and observed the N² decay for up to 8).

    Parameters
    ----------
    n_qubits:
        N, an integer in [1, MAX_GHZ_QUBITS].
    gamma_t:
        Single-qubit dephasing rate × time, ≥ 0 (``inf`` allowed: no coherence left).
    correlated:
        False for independent noise, True for correlated noise.

    Returns
    -------
    float
        The ratio |ρ_{0…0,1…1}(t)| / |ρ_{0…0,1…1}(0)| in [0, 1].
    """
    n = check_size("n_qubits", n_qubits, maximum=MAX_GHZ_QUBITS, what="larger registers are a typo here")
    gamma_t = check_real("gamma_t", gamma_t, minimum=0.0, allow_inf=True)
    if not isinstance(correlated, bool | np.bool_):
        raise TypeError(f"correlated must be True or False, got {correlated!r}")
    exponent = (n * n if correlated else n) * gamma_t
    return math.exp(-exponent) if math.isfinite(exponent) else 0.0


def quanta_per_kwh(frequency_hz: float) -> float:
    """How many quanta h·f make one kilowatt-hour (3.6 MJ): 3.6×10⁶ J / (h f).

    ``frequency_hz`` > 0 and finite. At 5 GHz one quantum is 3.313×10⁻²⁴ J, so a kWh is about
    1.09×10³⁰ quanta (each a qubit excited once).
    """
    return JOULES_PER_KWH / quantum_energy_j(frequency_hz)


def coherence_magnitude(bloch: Any) -> Any:
    """|ρ₀₁| = √(x² + y²)/2 from Bloch vector(s) of shape (3,) or (n, 3)."""
    b = check_finite_array("bloch", bloch)
    if b.shape[-1:] != (3,) or b.ndim > 2:
        raise ValueError(f"bloch must have shape (3,) or (n, 3), got {b.shape}")
    value = 0.5 * np.hypot(b[..., 0].real, b[..., 1].real)
    return float(value) if b.ndim == 1 else value


# --- Lindblad evolution --------------------------------------------------------------------------


def qubit_collapse_operators(*, t1: float, t_phi: float, n_thermal: float = 0.0) -> list[qutip.Qobj]:
    """Lindblad operators of a qubit with relaxation time T1, dephasing time Tφ and bath occupation n̄.

    Γ = 1/(T1 (2n̄+1)); L↓ = √(Γ(n̄+1)) σ₋, L↑ = √(Γn̄) σ₊, Lφ = √(2/Tφ) |1⟩⟨1|. Operators with a
    zero rate (T1 or Tφ infinite, n̄ = 0) are left out. ``t1``, ``t_phi`` > 0 (``inf`` allowed),
    ``n_thermal`` ≥ 0 and finite.
    """
    t1 = check_real("t1", t1, minimum=0.0, minimum_inclusive=False, allow_inf=True)
    t_phi = check_real("t_phi", t_phi, minimum=0.0, minimum_inclusive=False, allow_inf=True)
    n_thermal = check_real("n_thermal", n_thermal, minimum=0.0)
    gamma = 1.0 / (t1 * (2.0 * n_thermal + 1.0))
    ops = []
    if gamma > 0:
        ops.append(math.sqrt(gamma * (n_thermal + 1.0)) * operators.lowering())
        if n_thermal > 0:
            ops.append(math.sqrt(gamma * n_thermal) * operators.raising())
    if math.isfinite(t_phi):
        ops.append(math.sqrt(2.0 / t_phi) * operators.excited_projector())
    return ops


def _initial_state(initial: str) -> qutip.Qobj:
    check_choice("initial", initial, INITIAL_STATES)
    ket = {
        "ground": operators.ground,
        "excited": operators.excited,
        "plus": operators.plus,
        "plus_i": lambda: (operators.ground() + 1j * operators.excited()).unit(),
    }[initial]()
    return qutip.ket2dm(ket)


def _propagate(liouvillian: qutip.Qobj, rho0: qutip.Qobj, times: np.ndarray) -> np.ndarray:
    """Density matrices ρ(t) = e^{𝓛t} ρ₀ for every t, shape (len(times), 2, 2).

    One eigendecomposition of the 4×4 superoperator; if its eigenvectors are ill-conditioned (a
    defective or nearly defective 𝓛), falls back to one ``expm`` per time, which is exact anyway.
    """
    lmat = liouvillian.full()
    vec0 = qutip.operator_to_vector(rho0).full().reshape(-1)
    eigenvalues, vectors = np.linalg.eig(lmat)
    if np.linalg.cond(vectors) < 1e8:
        coefficients = np.linalg.solve(vectors, vec0)
        vecs = (np.exp(np.outer(times, eigenvalues)) * coefficients) @ vectors.T
    else:
        vecs = np.array([scipy.linalg.expm(lmat * t) @ vec0 for t in times])
    # qutip vectorises column by column (Fortran order)
    return vecs.reshape(len(times), 2, 2).transpose(0, 2, 1)


def _bloch(rhos: np.ndarray) -> np.ndarray:
    """Bloch vectors (n, 3) from density matrices (n, 2, 2): x = 2Re ρ₀₁, y = −2Im ρ₀₁, z = ρ₀₀ − ρ₁₁."""
    rho01 = rhos[:, 0, 1]
    return np.column_stack([2.0 * rho01.real, -2.0 * rho01.imag, (rhos[:, 0, 0] - rhos[:, 1, 1]).real])


def qubit_liouvillian(*, t1: float, t_phi: float, n_thermal: float = 0.0, detuning: float = 0.0) -> qutip.Qobj:
    """The qubit's Liouvillian superoperator (qutip) with H = Δ|1⟩⟨1| in the rotating frame.

    Arguments as :func:`qubit_collapse_operators`; ``detuning`` Δ in rad per time unit.
    """
    detuning = check_real("detuning", detuning)
    c_ops = qubit_collapse_operators(t1=t1, t_phi=t_phi, n_thermal=n_thermal)
    return qutip.liouvillian(detuning * operators.excited_projector(), c_ops)


def density_matrices(
    times: Any,
    *,
    t1: float,
    t_phi: float,
    temperature_k: float = 0.0,
    frequency_hz: float = 5e9,
    detuning: float = 0.0,
    initial: str = "plus",
) -> np.ndarray:
    """Qubit density matrices ρ(t), shape (len(times), 2, 2), in the basis (|0⟩, |1⟩).

    Same arguments as :func:`bloch_trajectory`.
    """
    times = _check_times("times", times)
    frequency_hz = check_real("frequency_hz", frequency_hz, minimum=0.0, minimum_inclusive=False)
    n_thermal = thermal_occupation(frequency_hz, temperature_k)
    rho0 = _initial_state(initial)
    liouvillian = qubit_liouvillian(t1=t1, t_phi=t_phi, n_thermal=n_thermal, detuning=detuning)
    return _propagate(liouvillian, rho0, times)


def bloch_trajectory(
    times: Any,
    *,
    t1: float,
    t_phi: float,
    temperature_k: float = 0.0,
    frequency_hz: float = 5e9,
    detuning: float = 0.0,
    initial: str = "plus",
) -> np.ndarray:
    """Bloch vectors (x, y, z) of a decohering qubit at each of ``times``.

    The Lindblad model of the module docstring, solved exactly by one eigendecomposition of the
    Liouvillian (no ODE steps), so it is fast enough for a widget; tests cross-check it against
    ``qutip.mesolve``.

    Parameters
    ----------
    times:
        Times ≥ 0 (scalar or 1-D array, at most MAX_TIME_POINTS), in the unit of ``t1``.
    t1:
        Energy relaxation time T1 > 0 (``inf``: no relaxation). It is the *measured* T1, so the
        bath's up and down rates add up to 1/T1 at any temperature.
    t_phi:
        Pure dephasing time Tφ > 0 (``inf``: no pure dephasing).
    temperature_k:
        Bath temperature in kelvin, ≥ 0. It sets n̄ at ``frequency_hz`` and so the state the qubit
        relaxes to: z → 1/(2n̄+1), not the ground state z = 1.
    frequency_hz:
        Qubit frequency in hertz (> 0), only used for n̄.
    detuning:
        Δ in rad per time unit: the Bloch vector precesses about z at Δ.
    initial:
        "plus" (|+⟩, x = 1), "plus_i" ((|0⟩+i|1⟩)/√2, y = 1), "ground" (z = 1) or "excited" (z = −1).

    Returns
    -------
    numpy.ndarray
        Shape (len(times), 3). For ``initial="plus"``: x = e^{−t/T2} cos Δt, y = −e^{−t/T2} sin Δt.

    Raises
    ------
    TypeError, ValueError
        Bad types, NaN or infinite times, negative times/temperatures, non-positive T1/Tφ,
        unknown ``initial``, too many time points.
    """
    rhos = density_matrices(
        times,
        t1=t1,
        t_phi=t_phi,
        temperature_k=temperature_k,
        frequency_hz=frequency_hz,
        detuning=detuning,
        initial=initial,
    )
    return _bloch(rhos)


def thermal_relaxation(times: Any, *, gamma: float, n_thermal: float, initial: str = "excited") -> np.ndarray:
    """Excited-state population P₁(t) of a qubit coupled to a thermal bath.

    Lindblad operators L↓ = √(Γ(n̄+1)) σ₋ and L↑ = √(Γn̄) σ₊ (built with qutip); P₁ relaxes at
    1/T1 = Γ(2n̄+1) to the Boltzmann value n̄/(2n̄+1):
    P₁(t) = n̄/(2n̄+1) + (P₁(0) − n̄/(2n̄+1)) e^{−Γ(2n̄+1)t}.

    Parameters
    ----------
    times:
        Times ≥ 0 (scalar or 1-D array), in the unit of 1/``gamma``.
    gamma:
        Γ, the zero-temperature decay rate, ≥ 0 and finite.
    n_thermal:
        Bath occupation n̄ at the qubit frequency, ≥ 0 and finite (see :func:`thermal_occupation`).
    initial:
        One of "excited", "ground", "plus", "plus_i".

    Returns
    -------
    numpy.ndarray
        P₁ at each time, shape (len(times),).
    """
    times = _check_times("times", times)
    gamma = check_real("gamma", gamma, minimum=0.0)
    n_thermal = check_real("n_thermal", n_thermal, minimum=0.0)
    rho0 = _initial_state(initial)
    c_ops = []
    if gamma > 0:
        c_ops.append(math.sqrt(gamma * (n_thermal + 1.0)) * operators.lowering())
        if n_thermal > 0:
            c_ops.append(math.sqrt(gamma * n_thermal) * operators.raising())
    liouvillian = qutip.liouvillian(0 * operators.excited_projector(), c_ops)
    rhos = _propagate(liouvillian, rho0, times)
    return rhos[:, 1, 1].real.copy()


def excited_energy_j(frequency_hz: float, excited_population: Any) -> Any:
    """Mean energy above the ground state, P₁·h·f, in joules (scalar or array of P₁ in [0, 1])."""
    energy = quantum_energy_j(frequency_hz)
    p = check_finite_array("excited_population", excited_population)
    if np.iscomplexobj(p) or np.any(p < 0) or np.any(p > 1):
        raise ValueError("excited_population must be real and in [0, 1]")
    value = energy * p.astype(float)
    return float(value) if value.ndim == 0 else value


__all__ = [
    "INITIAL_STATES",
    "MAX_GHZ_QUBITS",
    "MAX_TIME_POINTS",
    "bloch_trajectory",
    "coherence_magnitude",
    "density_matrices",
    "excited_energy_j",
    "ghz_coherence",
    "quanta_per_kwh",
    "qubit_collapse_operators",
    "qubit_liouvillian",
    "ramsey_probability",
    "t2_time",
    "t_phi_from_t1_t2",
    "thermal_excited_population",
    "thermal_occupation",
    "thermal_relaxation",
]
