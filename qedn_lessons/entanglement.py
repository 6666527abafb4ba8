"""Two-qubit entanglement: Bell and Werner states, concurrence, negativity, CHSH, no-signalling and
entanglement sudden death.

Conventions (docs/PHYSICS.md §0, :mod:`qedn_lessons.operators`): |0⟩ is the ground state, |1⟩ the excited
state; two-qubit states are written in the basis |00⟩, |01⟩, |10⟩, |11⟩ with Alice's qubit (A)
first. Each qubit has the Hamiltonian H = ε|1⟩⟨1| (ħ = 1): energies are returned in units of the
level spacing ε you pass (default 1). Bloch vectors use qutip's Pauli matrices, so the ground state
sits at z = +1.

Every function takes states as ``qutip.Qobj`` or numpy arrays (a normalised ket is turned into
|ψ⟩⟨ψ|), checks them with :func:`qedn_lessons.validate.check_density_matrix` and returns plain
floats or numpy arrays.

General helpers other lessons can reuse (stable names): :func:`reduced_state`,
:func:`partial_transpose`, :func:`bloch_vector`, :func:`apply_local`, :func:`measure_local`,
:func:`local_energy`, and the Kraus-map builders :func:`rotation_kraus`,
:func:`measurement_kraus`, :func:`dephasing_kraus`, :func:`amplitude_damping_kraus`,
:func:`depolarizing_kraus`.

Negativity convention: N = (‖ρ^{T_A}‖₁ − 1)/2, so a Bell state has N = 1/2 (Vidal & Werner,
PRA 65, 032314 (2002), doi:10.1103/PhysRevA.65.032314). Some papers use ‖ρ^{T_A}‖₁ − 1 (Bell state
1) or the log-negativity log₂‖ρ^{T_A}‖₁.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import qutip

from qedn_lessons.validate import (
    as_array,
    check_choice,
    check_density_matrix,
    check_finite_array,
    check_real,
)

__all__ = [
    "BELL_NAMES",
    "LOCAL_OPERATIONS",
    "LocalOutcome",
    "amplitude_damping_kraus",
    "apply_local",
    "bell_state",
    "bloch_vector",
    "chsh_max",
    "chsh_value",
    "concurrence",
    "correlation_matrix",
    "damped_qubit_coherence",
    "dephasing_kraus",
    "depolarizing_kraus",
    "local_energy",
    "local_operation",
    "max_partner_energy_change",
    "measure_local",
    "measurement_kraus",
    "negativity",
    "operation_grid",
    "partial_transpose",
    "partly_entangled_state",
    "product_state",
    "qubit_state",
    "reduced_state",
    "rotation_kraus",
    "sudden_death_concurrence",
    "sudden_death_terms",
    "sudden_death_time",
    "werner_state",
    "yu_eberly_state",
]

BELL_NAMES = ("phi+", "phi-", "psi+", "psi-")
QUBITS = ("A", "B")

_I2 = np.eye(2, dtype=complex)
_SX = np.array([[0, 1], [1, 0]], dtype=complex)
_SY = np.array([[0, -1j], [1j, 0]], dtype=complex)
_SZ = np.array([[1, 0], [0, -1]], dtype=complex)  # +1 on the ground state |0⟩
_PAULIS = (_SX, _SY, _SZ)
_SYSY = np.kron(_SY, _SY)
_EXCITED = np.array([[0, 0], [0, 1]], dtype=complex)  # |1⟩⟨1|

#: CHSH bound of any local hidden-variable model (Clauser et al., PRL 23, 880 (1969)).
CHSH_LOCAL_BOUND = 2.0
#: Tsirelson's bound, the largest CHSH value quantum mechanics allows (Cirel'son 1980,
#: Lett. Math. Phys. 4, 93, doi:10.1007/BF00417500).
TSIRELSON_BOUND = 2.0 * math.sqrt(2.0)


# --- states -------------------------------------------------------------------------------------


def _two_qubit(name: str, rho: Any) -> np.ndarray:
    """A validated 4×4 two-qubit density matrix (a normalised 4-component ket is accepted)."""
    return check_density_matrix(name, rho, dimension=4)


def _one_qubit(name: str, rho: Any) -> np.ndarray:
    return check_density_matrix(name, rho, dimension=2)


def _dm(matrix: np.ndarray) -> qutip.Qobj:
    return qutip.Qobj(matrix, dims=[[2, 2], [2, 2]])


def bell_state(name: str = "phi+") -> qutip.Qobj:
    """One of the four Bell states as a two-qubit ket (``qutip.Qobj`` with dims [[2, 2], [1, 1]]).

    ``"phi+"`` = (|00⟩ + |11⟩)/√2, ``"phi-"`` = (|00⟩ − |11⟩)/√2, ``"psi+"`` = (|01⟩ + |10⟩)/√2,
    ``"psi-"`` = (|01⟩ − |10⟩)/√2 (the singlet).

    Raises ValueError for any other name.
    """
    check_choice("name", name, BELL_NAMES)
    vector = {
        "phi+": [1, 0, 0, 1],
        "phi-": [1, 0, 0, -1],
        "psi+": [0, 1, 1, 0],
        "psi-": [0, 1, -1, 0],
    }[name]
    return qutip.Qobj(np.array(vector, dtype=complex) / math.sqrt(2.0), dims=[[2, 2], [1, 1]])


def werner_state(p: float) -> qutip.Qobj:
    """The Werner state ρ_W = p|Ψ⁻⟩⟨Ψ⁻| + (1 − p) I/4 as a 4×4 density matrix (``qutip.Qobj``).

    ``p`` in [0, 1] is the singlet weight; the singlet fidelity is F = (1 + 3p)/4. The state is
    entangled for p > 1/3 and violates the CHSH inequality for p > 1/√2 (Werner, PRA 40, 4277
    (1989), doi:10.1103/PhysRevA.40.4277).

    Raises ValueError if p is outside [0, 1] or not finite, TypeError if it is not a number.
    """
    p = check_real("p", p, minimum=0.0, maximum=1.0)
    singlet = bell_state("psi-").full().reshape(-1)
    matrix = p * np.outer(singlet, singlet.conj()) + (1.0 - p) * np.eye(4) / 4.0
    return _dm(matrix)


def qubit_state(theta_rad: float, phi_rad: float = 0.0) -> qutip.Qobj:
    """The pure qubit state cos(θ/2)|0⟩ + e^{iφ} sin(θ/2)|1⟩ (Bloch polar angle θ from the ground state).

    Its Bloch vector is (sin θ cos φ, sin θ sin φ, cos θ). Angles in radians, any finite value.
    """
    theta_rad = check_real("theta_rad", theta_rad)
    phi_rad = check_real("phi_rad", phi_rad)
    vector = np.array([math.cos(theta_rad / 2), np.exp(1j * phi_rad) * math.sin(theta_rad / 2)], dtype=complex)
    return qutip.Qobj(vector, dims=[[2], [1]])


def product_state(theta_a_rad: float, theta_b_rad: float, phi_a_rad: float = 0.0, phi_b_rad: float = 0.0) -> qutip.Qobj:
    """The product ket |ψ_A⟩ ⊗ |ψ_B⟩ of two :func:`qubit_state` (no entanglement at all)."""
    return qutip.tensor(qubit_state(theta_a_rad, phi_a_rad), qubit_state(theta_b_rad, phi_b_rad))


def partly_entangled_state(theta_rad: float) -> qutip.Qobj:
    """The ket cos θ|00⟩ + sin θ|11⟩: a product state at θ = 0, the Bell state |Φ⁺⟩ at θ = π/4.

    Its concurrence is |sin 2θ|; Bob's reduced Bloch vector is (0, 0, cos 2θ).
    """
    theta_rad = check_real("theta_rad", theta_rad)
    vector = np.array([math.cos(theta_rad), 0, 0, math.sin(theta_rad)], dtype=complex)
    return qutip.Qobj(vector, dims=[[2, 2], [1, 1]])


def yu_eberly_state(a: float) -> qutip.Qobj:
    """The X state of Yu & Eberly (PRL 93, 140404 (2004), doi:10.1103/PhysRevLett.93.140404).

    ρ(0) = (1/3)[[a,0,0,0],[0,1,1,0],[0,1,1,0],[0,0,0,1−a]] in the basis (|11⟩, |10⟩, |01⟩, |00⟩)
    with 1 = excited, returned here in the package basis (|00⟩, |01⟩, |10⟩, |11⟩). ``a`` in [0, 1].
    """
    a = check_real("a", a, minimum=0.0, maximum=1.0)
    matrix = np.zeros((4, 4), dtype=complex)
    matrix[0, 0] = (1.0 - a) / 3.0  # |00⟩, both ground
    matrix[1, 1] = matrix[2, 2] = matrix[1, 2] = matrix[2, 1] = 1.0 / 3.0
    matrix[3, 3] = a / 3.0  # |11⟩, both excited
    return _dm(matrix)


# --- partial operations -------------------------------------------------------------------------


def partial_transpose(rho: Any, qubit: str = "A") -> np.ndarray:
    """ρ^{T_A} (or ρ^{T_B}): the transpose on one qubit of a two-qubit density matrix (4×4 array)."""
    check_choice("qubit", qubit, QUBITS)
    r = _two_qubit("rho", rho).reshape(2, 2, 2, 2)  # indices a, b, a', b'
    r = r.transpose(2, 1, 0, 3) if qubit == "A" else r.transpose(0, 3, 2, 1)
    return r.reshape(4, 4)


def reduced_state(rho: Any, keep: str = "B") -> np.ndarray:
    """The 2×2 reduced density matrix of qubit ``keep`` ("A" or "B"): the partial trace over the other."""
    check_choice("keep", keep, QUBITS)
    r = _two_qubit("rho", rho).reshape(2, 2, 2, 2)
    return np.einsum("ajbj->ab", r) if keep == "A" else np.einsum("jajb->ab", r)


def bloch_vector(rho_qubit: Any) -> np.ndarray:
    """Bloch vector (⟨σx⟩, ⟨σy⟩, ⟨σz⟩) of a one-qubit state; the ground state |0⟩ is (0, 0, 1)."""
    r = _one_qubit("rho_qubit", rho_qubit)
    return np.array([float(np.real(np.trace(r @ s))) for s in _PAULIS])


def local_energy(rho: Any, qubit: str = "B", level_spacing: float = 1.0) -> float:
    """⟨H⟩ of one qubit of a two-qubit state, H = ε|1⟩⟨1| with ε = ``level_spacing`` (> 0).

    Returned in the units of ``level_spacing`` (ħ = 1): 0 for the ground state, ε for the excited
    state, ε/2 for the maximally mixed state of a Bell-pair half.
    """
    check_choice("qubit", qubit, QUBITS)
    level_spacing = check_real("level_spacing", level_spacing, minimum=0.0, minimum_inclusive=False)
    keep = "A" if qubit == "A" else "B"
    return level_spacing * float(np.real(reduced_state(rho, keep=keep)[1, 1]))


# --- local operations (Kraus maps on one qubit) ---------------------------------------------------


def _axis(name: str, axis: Any) -> np.ndarray:
    if isinstance(axis, str):
        check_choice(name, axis, ("x", "y", "z"))
        return {"x": np.array([1.0, 0, 0]), "y": np.array([0, 1.0, 0]), "z": np.array([0, 0, 1.0])}[axis]
    vector = check_finite_array(name, axis, shape=(3,)).real.astype(float)
    norm = float(np.linalg.norm(vector))
    if norm < 1e-12:
        raise ValueError(f"{name} must be a non-zero 3-vector or one of 'x', 'y', 'z', got {vector.tolist()}")
    return vector / norm


def _direction(theta_rad: float, phi_rad: float) -> np.ndarray:
    theta_rad = check_real("theta_rad", theta_rad)
    phi_rad = check_real("phi_rad", phi_rad)
    return np.array([math.sin(theta_rad) * math.cos(phi_rad), math.sin(theta_rad) * math.sin(phi_rad), math.cos(theta_rad)])


def rotation_kraus(angle_rad: float, axis: Any = "x") -> list[np.ndarray]:
    """The unitary U = exp(−i θ n·σ/2) as a one-element Kraus list: a Bloch-sphere rotation by θ about n.

    ``axis`` is "x", "y", "z" or a non-zero 3-vector (normalised here).
    """
    angle_rad = check_real("angle_rad", angle_rad)
    n = _axis("axis", axis)
    n_sigma = n[0] * _SX + n[1] * _SY + n[2] * _SZ
    return [math.cos(angle_rad / 2) * _I2 - 1j * math.sin(angle_rad / 2) * n_sigma]


def measurement_kraus(theta_rad: float, phi_rad: float = 0.0) -> list[np.ndarray]:
    """Projectors [P₊, P₋] of a measurement along the Bloch direction n(θ, φ) (outcomes +1, −1).

    θ = 0 measures σz (P₊ = |0⟩⟨0|); θ = π/2, φ = 0 measures σx. As a channel (outcome not
    known) the pair is the non-selective measurement ρ → P₊ρP₊ + P₋ρP₋.
    """
    n = _direction(theta_rad, phi_rad)
    n_sigma = n[0] * _SX + n[1] * _SY + n[2] * _SZ
    return [(_I2 + n_sigma) / 2.0, (_I2 - n_sigma) / 2.0]


def dephasing_kraus(strength: float) -> list[np.ndarray]:
    """Phase damping that multiplies the qubit's coherence ρ₀₁ by (1 − ``strength``), ``strength`` in [0, 1].

    Kraus operators √(1 − s/2) I and √(s/2) σz; populations are unchanged.
    """
    s = check_real("strength", strength, minimum=0.0, maximum=1.0)
    return [math.sqrt(1.0 - s / 2.0) * _I2, math.sqrt(s / 2.0) * _SZ]


def amplitude_damping_kraus(gamma: float) -> list[np.ndarray]:
    """Amplitude damping: the excited state |1⟩ decays to |0⟩ with probability ``gamma`` in [0, 1].

    K₀ = |0⟩⟨0| + √(1−γ)|1⟩⟨1|, K₁ = √γ |0⟩⟨1| (Nielsen & Chuang §8.3.5). For spontaneous emission
    over a time t with T₁, γ = 1 − e^{−t/T₁}.
    """
    g = check_real("gamma", gamma, minimum=0.0, maximum=1.0)
    return [np.array([[1, 0], [0, math.sqrt(1.0 - g)]], dtype=complex), np.array([[0, math.sqrt(g)], [0, 0]], dtype=complex)]


def depolarizing_kraus(p: float) -> list[np.ndarray]:
    """Depolarising channel ρ → (1 − p)ρ + p I/2, ``p`` in [0, 1] (Bloch vector shrinks by 1 − p)."""
    p = check_real("p", p, minimum=0.0, maximum=1.0)
    return [math.sqrt(1.0 - 3.0 * p / 4.0) * _I2] + [math.sqrt(p / 4.0) * s for s in _PAULIS]


#: The local operations :func:`local_operation` builds (what Alice can do to her qubit).
LOCAL_OPERATIONS = ("rotation", "measurement", "dephasing", "amplitude damping", "depolarising")


def local_operation(kind: str, *, theta_rad: float = 0.0, phi_rad: float = 0.0, amount: float = 0.0) -> list[np.ndarray]:
    """Kraus operators of one of :data:`LOCAL_OPERATIONS` on a qubit.

    ``theta_rad``, ``phi_rad`` give a Bloch direction n(θ, φ): the rotation axis or the measurement
    axis. ``amount`` in [0, 1] is, for a rotation, the fraction of a full turn (angle 2π·amount);
    for the noisy channels, their strength (:func:`dephasing_kraus`, :func:`amplitude_damping_kraus`,
    :func:`depolarizing_kraus`); a measurement ignores it (non-selective: outcome not known).
    """
    check_choice("kind", kind, LOCAL_OPERATIONS)
    amount = check_real("amount", amount, minimum=0.0, maximum=1.0)
    n = _direction(theta_rad, phi_rad)
    if kind == "rotation":
        return rotation_kraus(2.0 * math.pi * amount, n)
    if kind == "measurement":
        return measurement_kraus(theta_rad, phi_rad)
    if kind == "dephasing":
        return dephasing_kraus(amount)
    if kind == "amplitude damping":
        return amplitude_damping_kraus(amount)
    return depolarizing_kraus(amount)


def _kraus_list(name: str, operation: Any) -> list[np.ndarray]:
    """A validated list of 2×2 Kraus operators (a single 2×2 matrix is taken as a unitary/one-element list)."""
    if operation is None or isinstance(operation, str):
        raise TypeError(f"{name} must be a 2×2 matrix or a list of 2×2 Kraus matrices, got {operation!r}")
    if hasattr(operation, "full") or (isinstance(operation, np.ndarray) and operation.ndim == 2):
        operation = [operation]
    try:
        items = list(operation)
    except TypeError as exc:
        raise TypeError(f"{name} must be a 2×2 matrix or a list of 2×2 Kraus matrices, got {type(operation).__name__}") from exc
    if not items:
        raise ValueError(f"{name} must hold at least one Kraus operator, got an empty list")
    if len(items) > 16:
        raise ValueError(f"{name} must hold at most 16 Kraus operators, got {len(items)}")
    kraus = [check_finite_array(f"{name}[{i}]", k, shape=(2, 2)).astype(complex) for i, k in enumerate(items)]
    total = sum(k.conj().T @ k for k in kraus)
    if not np.allclose(total, _I2, atol=1e-8):
        raise ValueError(f"{name} must be trace preserving (Σ K†K = I), got Σ K†K = {np.round(total, 6).tolist()}")
    return kraus


def _on_qubit(k: np.ndarray, qubit: str) -> np.ndarray:
    return np.kron(k, _I2) if qubit == "A" else np.kron(_I2, k)


def apply_local(rho: Any, operation: Any, qubit: str = "A") -> np.ndarray:
    """Apply a local operation on one qubit: ρ → Σ_k (K_k ⊗ I) ρ (K_k ⊗ I)† for qubit "A".

    ``operation`` is a 2×2 unitary or a list of 2×2 Kraus operators with Σ K†K = I (from
    :func:`rotation_kraus`, :func:`measurement_kraus` (non-selective: outcome not known),
    :func:`dephasing_kraus`, :func:`amplitude_damping_kraus`, :func:`depolarizing_kraus`).
    Returns the 4×4 density matrix.

    Raises ValueError for a non-physical ``rho`` or a non-trace-preserving ``operation``.
    """
    check_choice("qubit", qubit, QUBITS)
    r = _two_qubit("rho", rho)
    out = np.zeros((4, 4), dtype=complex)
    for k in _kraus_list("operation", operation):
        big = _on_qubit(k, qubit)
        out += big @ r @ big.conj().T
    return (out + out.conj().T) / 2.0


@dataclass(frozen=True)
class LocalOutcome:
    """One outcome of a local measurement on a two-qubit state.

    ``outcome`` is +1 or −1, ``probability`` its Born probability, ``joint_state`` the normalised
    post-measurement two-qubit state and ``partner_state`` the 2×2 reduced state of the *other*
    qubit given this outcome (what a partner who receives the message knows). If the probability
    is 0 the conditional states are undefined; they are then set to the unconditioned ones.
    """

    outcome: int
    probability: float
    joint_state: np.ndarray
    partner_state: np.ndarray


def measure_local(rho: Any, theta_rad: float, phi_rad: float = 0.0, qubit: str = "A") -> tuple[LocalOutcome, LocalOutcome]:
    """Projective measurement of one qubit along Bloch direction n(θ, φ) (angles in radians).

    Returns the two outcomes (+1 first) with probabilities and conditional states. No-signalling:
    Σ p_k ρ_partner|k equals the partner's reduced state before the measurement.
    """
    check_choice("qubit", qubit, QUBITS)
    r = _two_qubit("rho", rho)
    partner = "B" if qubit == "A" else "A"
    outcomes = []
    for label, projector in zip((1, -1), measurement_kraus(theta_rad, phi_rad)):
        big = _on_qubit(projector, qubit)
        unnormalised = big @ r @ big.conj().T
        probability = float(np.clip(np.real(np.trace(unnormalised)), 0.0, 1.0))
        if probability > 1e-14:
            joint = unnormalised / probability
            joint = (joint + joint.conj().T) / 2.0
        else:
            joint = r
        outcomes.append(LocalOutcome(label, probability, joint, reduced_state(joint, keep=partner)))
    return outcomes[0], outcomes[1]


# --- entanglement measures ------------------------------------------------------------------------


def concurrence(rho: Any) -> float:
    """Wootters concurrence C = max(0, λ₁ − λ₂ − λ₃ − λ₄) of a two-qubit state, in [0, 1].

    λ_i are the decreasing square roots of the eigenvalues of ρ(σy⊗σy)ρ*(σy⊗σy), computed here as
    the eigenvalues of the Hermitian matrix √ρ ρ̃ √ρ for numerical stability. Reference: Wootters,
    PRL 80, 2245 (1998), doi:10.1103/PhysRevLett.80.2245. Bell states give 1, product states 0.
    """
    r = _two_qubit("rho", rho)
    w, v = np.linalg.eigh((r + r.conj().T) / 2.0)
    sqrt_rho = (v * np.sqrt(np.clip(w, 0.0, None))) @ v.conj().T
    tilde = _SYSY @ r.conj() @ _SYSY
    m = sqrt_rho @ tilde @ sqrt_rho
    lam = np.sqrt(np.clip(np.linalg.eigvalsh((m + m.conj().T) / 2.0), 0.0, None))[::-1]
    return float(min(1.0, max(0.0, lam[0] - lam[1] - lam[2] - lam[3])))


def negativity(rho: Any) -> float:
    """Negativity N = (‖ρ^{T_A}‖₁ − 1)/2 = sum of |negative eigenvalues of ρ^{T_A}|, in [0, 1/2].

    Convention of Vidal & Werner, PRA 65, 032314 (2002), doi:10.1103/PhysRevA.65.032314: a Bell
    state has N = 1/2 (papers that use ‖ρ^{T_A}‖₁ − 1 report twice this). For two qubits N > 0 iff
    the state is entangled (Peres–Horodecki).
    """
    eigenvalues = np.linalg.eigvalsh(partial_transpose(rho, "A"))
    return float(max(0.0, -np.sum(eigenvalues[eigenvalues < 0.0])))


def correlation_matrix(rho: Any) -> np.ndarray:
    """The 3×3 real matrix T_ij = Tr[ρ (σ_i ⊗ σ_j)], i, j ∈ {x, y, z}."""
    r = _two_qubit("rho", rho)
    return np.array([[float(np.real(np.trace(r @ np.kron(si, sj)))) for sj in _PAULIS] for si in _PAULIS])


def chsh_max(rho: Any) -> float:
    """Largest CHSH value over all measurement settings, 2√(m₁ + m₂) (Horodecki criterion).

    m₁ ≥ m₂ are the two largest eigenvalues of TᵀT (T from :func:`correlation_matrix`). Local
    models give at most 2; quantum states at most 2√2 (Tsirelson). Reference: R., P. & M.
    Horodecki, Phys. Lett. A 200, 340 (1995), doi:10.1016/0375-9601(95)00214-N.
    """
    t = correlation_matrix(rho)
    m = np.sort(np.clip(np.linalg.eigvalsh(t.T @ t), 0.0, None))[::-1]
    return float(min(TSIRELSON_BOUND, 2.0 * math.sqrt(m[0] + m[1])))


def chsh_value(rho: Any, alice_angles_rad: Sequence[float], bob_angles_rad: Sequence[float]) -> float:
    """CHSH value E(a₀,b₀) + E(a₀,b₁) + E(a₁,b₀) − E(a₁,b₁) for settings in the x–z plane.

    Each setting θ measures cos θ σz + sin θ σx. For |Φ⁺⟩ the settings a = (0, π/2),
    b = (π/4, −π/4) reach 2√2.
    """
    r = _two_qubit("rho", rho)
    angles = []
    for name, pair in (("alice_angles_rad", alice_angles_rad), ("bob_angles_rad", bob_angles_rad)):
        values = check_finite_array(name, pair, shape=(2,)).real.astype(float)
        angles.append(values)

    def observable(theta: float) -> np.ndarray:
        return math.cos(theta) * _SZ + math.sin(theta) * _SX

    def e(ta: float, tb: float) -> float:
        return float(np.real(np.trace(r @ np.kron(observable(ta), observable(tb)))))

    (a0, a1), (b0, b1) = angles
    return e(a0, b0) + e(a0, b1) + e(a1, b0) - e(a1, b1)


# --- entanglement sudden death ----------------------------------------------------------------


def _gamma_t(gamma_t: Any) -> np.ndarray:
    array = as_array("gamma_t", gamma_t).astype(float) if not isinstance(gamma_t, (int, float)) else None
    if array is None:
        return np.asarray(check_real("gamma_t", gamma_t, minimum=0.0, allow_inf=True))
    if array.ndim > 1 or array.size > 1_000_000:
        raise ValueError(f"gamma_t must be a number or a 1-D array of at most 1e6 values, got shape {array.shape}")
    if np.any(np.isnan(array)) or np.any(array < 0):
        raise ValueError("gamma_t must be ≥ 0 (inf allowed), got a negative or NaN value")
    return array


def _out(values: np.ndarray) -> float | np.ndarray:
    return float(values) if np.ndim(values) == 0 else values


def sudden_death_terms(a: float, gamma_t: Any) -> tuple[float | np.ndarray, float | np.ndarray]:
    """The two terms of the Yu–Eberly concurrence C = max(0, coherence − population), at Γt.

    coherence = 2|ρ₁₀,₀₁| = (2/3)e^{−Γt} (decays only asymptotically) and population
    = 2√(ρ₁₁,₁₁ ρ₀₀,₀₀) = (2/3)e^{−Γt}√(a(1 − a + 2ω + aω²)), ω = 1 − e^{−Γt}.
    """
    a = check_real("a", a, minimum=0.0, maximum=1.0)
    gt = _gamma_t(gamma_t)
    survival = np.exp(-gt)
    omega = 1.0 - survival
    coherence = (2.0 / 3.0) * survival
    population = coherence * np.sqrt(np.clip(a * (1.0 - a + 2.0 * omega + a * omega**2), 0.0, None))
    return _out(coherence), _out(population)


def sudden_death_concurrence(a: float, gamma_t: Any) -> float | np.ndarray:
    """Concurrence of the Yu–Eberly X state under independent amplitude damping of both qubits.

    C(t) = (2/3) e^{−Γt} max{0, 1 − √(a(1 − a + 2ω + aω²))}, ω = 1 − e^{−Γt} (Yu & Eberly, PRL 93,
    140404 (2004), doi:10.1103/PhysRevLett.93.140404). ``a`` in [0, 1]; ``gamma_t`` = Γt ≥ 0
    (dimensionless, scalar or 1-D array, ∞ allowed). For a > 1/3 the concurrence reaches zero at a
    finite time (:func:`sudden_death_time`); for a = 1 at Γt = ln((2 + √2)/2) = 0.534800.
    """
    coherence, population = sudden_death_terms(a, gamma_t)
    return _out(np.maximum(0.0, np.asarray(coherence) - np.asarray(population)))


def sudden_death_time(a: float) -> float:
    """Γt at which the Yu–Eberly concurrence first vanishes: −ln(1 − ω*), ω* = (√(a² − a + 2) − 1)/a.

    Finite for a > 1/3 (sudden death), ``math.inf`` for a ≤ 1/3 (asymptotic decay only).
    a = 1 gives ln((2 + √2)/2) = 0.534800.
    """
    a = check_real("a", a, minimum=0.0, maximum=1.0)
    if a <= 1.0 / 3.0:
        return math.inf
    omega = (math.sqrt(a * a - a + 2.0) - 1.0) / a
    return -math.log1p(-omega)


def damped_qubit_coherence(gamma_t: Any) -> float | np.ndarray:
    """2|ρ₀₁| of one qubit prepared in |+⟩ after amplitude damping for Γt: e^{−Γt/2}.

    The coherence of a single qubit decays only asymptotically (never reaches zero at finite time),
    the contrast to entanglement sudden death. ``gamma_t`` ≥ 0, scalar or 1-D array, ∞ allowed.
    """
    return _out(np.exp(-_gamma_t(gamma_t) / 2.0))


def operation_grid(n_angles: int = 12) -> list[list[np.ndarray]]:
    """A set of Alice's local operations for no-signalling checks (Kraus lists).

    Rotations by ``n_angles`` angles in (0, 2π) about x, y, z and about ``n_angles`` tilted axes,
    measurements along ``n_angles``² Bloch directions, and dephasing, amplitude damping and
    depolarising at ``n_angles`` strengths in (0, 1]. ``n_angles`` in [1, 40].
    """
    from qedn_lessons.validate import check_int

    n = check_int("n_angles", n_angles, minimum=1, maximum=40)
    steps = (np.arange(n) + 1.0) / n
    ops: list[list[np.ndarray]] = []
    for angle in 2 * math.pi * steps:
        ops += [rotation_kraus(angle, axis) for axis in ("x", "y", "z")]
        ops.append(rotation_kraus(angle, _direction(angle / 2.0, 1.3 * angle)))
    for theta in math.pi * steps:
        ops += [measurement_kraus(theta, phi) for phi in 2 * math.pi * steps]
    for strength in steps:
        ops += [dephasing_kraus(strength), amplitude_damping_kraus(strength), depolarizing_kraus(strength)]
    return ops


def max_partner_energy_change(
    states: Sequence[Any], operations: Sequence[Any], qubit: str = "A", level_spacing: float = 1.0
) -> float:
    """Largest |Δ⟨H⟩| of the *other* qubit when ``qubit`` undergoes each operation, over all pairs.

    ``states``: two-qubit states; ``operations``: Kraus lists (see :func:`apply_local`). Quantum
    mechanics says 0 (no-signalling); numerically it is at the level of rounding, ~1e-16. At most
    10⁶ (state, operation) pairs. Energies in units of ``level_spacing``.
    """
    check_choice("qubit", qubit, QUBITS)
    states, operations = list(states), list(operations)
    if not states or not operations:
        raise ValueError("states and operations must each hold at least one item")
    if len(states) * len(operations) > 1_000_000:
        raise ValueError(f"states × operations must be ≤ 1e6 pairs, got {len(states) * len(operations)}")
    partner = "B" if qubit == "A" else "A"
    worst = 0.0
    for rho in states:
        before = local_energy(rho, partner, level_spacing)
        for op in operations:
            after = local_energy(apply_local(rho, op, qubit=qubit), partner, level_spacing)
            worst = max(worst, abs(after - before))
    return worst
