"""Qubit states and operators in the course's convention, wrapped once.

Convention (docs/PHYSICS.md §0): |0⟩ is the ground state, |1⟩ the excited state, σ₋ = |0⟩⟨1| lowers the
energy. qutip calls ``basis(2, 0)`` "spin up" and its ``sigmam()`` is |1⟩⟨0| in our picture, which
*raises* the energy here: so nothing in the package uses ``qutip.sigmam()`` directly; it uses
:func:`lowering` (= ``qutip.destroy(2)``).

Pauli matrices are qutip's: σz = diag(+1, −1) = |0⟩⟨0| − |1⟩⟨1|, so the ground state |0⟩ sits at the
north pole of the Bloch sphere (z = +1) and a qubit of frequency ω has H = ω|1⟩⟨1| = ω(1 − σz)/2.
"""

from __future__ import annotations

import qutip


def ground() -> qutip.Qobj:
    """|0⟩, the ground state."""
    return qutip.basis(2, 0)


def excited() -> qutip.Qobj:
    """|1⟩, the excited state."""
    return qutip.basis(2, 1)


def plus() -> qutip.Qobj:
    """|+⟩ = (|0⟩ + |1⟩)/√2, the equal superposition (on the Bloch equator, x = +1)."""
    return (ground() + excited()).unit()


def lowering() -> qutip.Qobj:
    """σ₋ = |0⟩⟨1|: takes the excited state to the ground state (emission)."""
    return qutip.destroy(2)


def raising() -> qutip.Qobj:
    """σ₊ = |1⟩⟨0|: takes the ground state to the excited state (absorption)."""
    return qutip.create(2)


def excited_projector() -> qutip.Qobj:
    """|1⟩⟨1|, the excitation number of a qubit."""
    return qutip.num(2)


def pauli_x() -> qutip.Qobj:
    return qutip.sigmax()


def pauli_y() -> qutip.Qobj:
    return qutip.sigmay()


def pauli_z() -> qutip.Qobj:
    """σz = |0⟩⟨0| − |1⟩⟨1| (+1 on the ground state)."""
    return qutip.sigmaz()
