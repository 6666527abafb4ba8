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
"""

from __future__ import annotations

import numpy as np

from qedn_lessons.validate import check_density_matrix, check_hermitian

__all__ = ["ergotropy", "passive_state"]


def _checked(rho, hamiltonian) -> tuple[np.ndarray, np.ndarray]:
    h = check_hermitian("hamiltonian", hamiltonian)
    r = check_density_matrix("rho", rho)
    if r.shape != h.shape:
        raise ValueError(
            f"rho must have the dimension of hamiltonian ({h.shape[0]}×{h.shape[0]}), got shape {r.shape}"
        )
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
