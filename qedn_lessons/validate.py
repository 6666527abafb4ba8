"""Argument checks with one message style.

Every public function of the package validates its arguments through these helpers, so a learner
always reads the same kind of message: the parameter, the value received and the allowed range::

    ValueError: dephasing_per_ps must be ≥ 0 and finite, got -1.0

Sizes that would exhaust memory are refused by :func:`check_size` before anything is allocated.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence
from typing import Any

import numpy as np

#: Largest Hilbert-space dimension a density-matrix routine accepts (a 2048×2048 complex matrix is
#: 64 MiB; its Liouvillian would be far larger, so superoperator routines set their own limits).
MAX_DIMENSION = 2048


def _describe(value: Any) -> str:
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def check_real(
    name: str,
    value: Any,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    minimum_inclusive: bool = True,
    maximum_inclusive: bool = True,
    allow_inf: bool = False,
) -> float:
    """Return ``value`` as a float after checking it is a real number in the allowed range.

    ``allow_inf`` admits +∞ (and −∞ when no minimum is given); NaN is never allowed. Booleans are
    refused (``True`` is not a rate).
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        if isinstance(value, np.ndarray) and value.ndim == 0 and np.isrealobj(value):
            value = value.item()
        else:
            raise TypeError(f"{name} must be a real number, got {_describe(value)} ({type(value).__name__})")
    number = float(value)
    rng = _range_text(minimum, maximum, minimum_inclusive, maximum_inclusive)
    finite = "" if allow_inf else " and finite"
    if math.isnan(number) or (math.isinf(number) and not allow_inf):
        raise ValueError(f"{name} must be {rng}{finite}, got {number!r}")
    too_low = minimum is not None and (number < minimum or (number == minimum and not minimum_inclusive))
    too_high = maximum is not None and (number > maximum or (number == maximum and not maximum_inclusive))
    if too_low or too_high:
        raise ValueError(f"{name} must be {rng}{finite}, got {number!r}")
    return number


def _range_text(
    minimum: float | None, maximum: float | None, minimum_inclusive: bool = True, maximum_inclusive: bool = True
) -> str:
    low = None if minimum is None else f"{'≥' if minimum_inclusive else '>'} {minimum:g}"
    high = None if maximum is None else f"{'≤' if maximum_inclusive else '<'} {maximum:g}"
    if low and high:
        return f"in [{minimum:g}, {maximum:g}]" if minimum_inclusive and maximum_inclusive else f"{low} and {high}"
    return low or high or "a real number"


def check_int(name: str, value: Any, *, minimum: int | None = None, maximum: int | None = None) -> int:
    """Return ``value`` as an int after checking it is a whole number in [minimum, maximum]."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a whole number, got {_describe(value)} ({type(value).__name__})")
    number = int(value)
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        raise ValueError(f"{name} must be an integer {_range_text(minimum, maximum)}, got {number}")
    return number


def check_choice(name: str, value: Any, choices: Sequence[Any]) -> Any:
    """Return ``value`` if it is one of ``choices``; otherwise say which are allowed."""
    if value not in choices:
        allowed = ", ".join(repr(c) for c in choices)
        raise ValueError(f"{name} must be one of {allowed}; got {_describe(value)}")
    return value


def check_rng(name: str, value: Any) -> np.random.Generator:
    """Return ``value`` if it is a ``numpy.random.Generator``; otherwise raise ``TypeError``.

    The package's one randomness policy: a function that draws random numbers takes a Generator
    and refuses to run without one (no hidden, unseeded global state).
    """
    if not isinstance(value, np.random.Generator):
        raise TypeError(f"{name} must be a numpy.random.Generator (e.g. np.random.default_rng(2026)), got {_describe(value)}")
    return value


def check_size(name: str, value: Any, *, maximum: int, what: str = "") -> int:
    """Check a size (number of sites, qubits, pulses) before anything is allocated.

    ``what`` explains the limit in words, e.g. ``"a 400-site chain needs 2 GB"``.
    """
    size = check_int(name, value, minimum=1)
    if size > maximum:
        reason = f" ({what})" if what else ""
        raise ValueError(f"{name} must be ≤ {maximum}{reason}, got {size}")
    return size


def as_array(name: str, value: Any) -> np.ndarray:
    """A numpy array from an ndarray, nested list or ``qutip.Qobj`` (its full matrix)."""
    if value is None or value is Ellipsis:
        raise TypeError(f"{name} must be an array or qutip.Qobj, got {value!r}")
    if hasattr(value, "full") and callable(value.full):  # qutip.Qobj
        return np.asarray(value.full())
    try:
        array = np.asarray(value)
    except Exception as exc:  # ragged lists and the like
        raise TypeError(f"{name} must be an array or qutip.Qobj, got {_describe(value)}") from exc
    if array.dtype == object or not np.issubdtype(array.dtype, np.number):
        raise TypeError(f"{name} must hold numbers, got {_describe(value)} of dtype {array.dtype}")
    return array


def check_finite_array(name: str, value: Any, *, ndim: int | None = None, shape: tuple | None = None) -> np.ndarray:
    """Array version of :func:`check_real`: right dimensions and no NaN or infinity."""
    array = as_array(name, value)
    if ndim is not None and array.ndim != ndim:
        raise ValueError(f"{name} must have {ndim} dimension(s), got shape {array.shape}")
    if shape is not None and array.shape != tuple(shape):
        raise ValueError(f"{name} must have shape {tuple(shape)}, got {array.shape}")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must contain only finite numbers (no NaN or infinity)")
    return array


def check_square(name: str, value: Any, *, max_dimension: int = MAX_DIMENSION) -> np.ndarray:
    """A finite square matrix of at most ``max_dimension`` rows (checked before copying)."""
    shape = getattr(value, "shape", None)
    if shape is not None and len(shape) == 2 and shape[0] > max_dimension:
        raise ValueError(f"{name} must be at most {max_dimension}×{max_dimension}, got shape {tuple(shape)}")
    matrix = check_finite_array(name, value, ndim=2)
    if matrix.shape[0] != matrix.shape[1]:
        raise ValueError(f"{name} must be a square matrix, got shape {matrix.shape}")
    if matrix.shape[0] > max_dimension:
        raise ValueError(f"{name} must be at most {max_dimension}×{max_dimension}, got shape {matrix.shape}")
    return matrix


def check_hermitian(name: str, value: Any, *, atol: float = 1e-9, max_dimension: int = MAX_DIMENSION) -> np.ndarray:
    """A finite Hermitian (for real input: symmetric) square matrix."""
    matrix = check_square(name, value, max_dimension=max_dimension)
    if not np.allclose(matrix, matrix.conj().T, atol=atol, rtol=0.0):
        kind = "symmetric" if np.isrealobj(matrix) else "Hermitian"
        worst = float(np.max(np.abs(matrix - matrix.conj().T)))
        raise ValueError(f"{name} must be {kind} (H = H†), largest asymmetry |H - H†| = {worst:.3g}")
    return matrix


def check_density_matrix(name: str, value: Any, *, dimension: int | None = None, atol: float = 1e-8) -> np.ndarray:
    """A physical density matrix: square, Hermitian, trace 1, no negative eigenvalue (within atol).

    ``dimension`` fixes the size (4 for two qubits). A state vector (ket) is accepted and turned into
    |ψ⟩⟨ψ| after checking that it is normalised.
    """
    array = as_array(name, value)
    if array.ndim == 1 or (array.ndim == 2 and array.shape[1] == 1 and array.shape[0] > 1):
        ket = array.reshape(-1)
        if dimension is not None and ket.size != dimension:
            raise ValueError(f"{name} must have dimension {dimension}, got a vector of length {ket.size}")
        if not np.all(np.isfinite(ket)):
            raise ValueError(f"{name} must contain only finite numbers (no NaN or infinity)")
        norm = float(np.linalg.norm(ket))
        if abs(norm - 1.0) > 1e-6:
            raise ValueError(f"{name} must be a normalised state vector (norm 1), got norm {norm:.6g}")
        return np.outer(ket, ket.conj())
    rho = check_hermitian(name, array, atol=atol)
    if dimension is not None and rho.shape != (dimension, dimension):
        raise ValueError(f"{name} must be a {dimension}×{dimension} density matrix, got shape {rho.shape}")
    trace = complex(np.trace(rho))
    if abs(trace - 1.0) > 1e-6:
        raise ValueError(f"{name} must have trace 1, got trace {trace.real:.6g}")
    smallest = float(np.min(np.linalg.eigvalsh((rho + rho.conj().T) / 2)))
    if smallest < -atol:
        raise ValueError(f"{name} must be positive semidefinite, got an eigenvalue {smallest:.3g} < 0")
    return rho


#: Default largest number of time points a time grid may hold (checked before copying).
MAX_TIME_POINTS = 100_000


def check_times(name: str, value: Any, *, maximum: int = MAX_TIME_POINTS, allow_scalar: bool = True) -> np.ndarray:
    """A 1-D float array of times ≥ 0, its length checked against ``maximum`` before copying.

    ``allow_scalar`` turns a single number into a one-element array; otherwise a non-empty 1-D array
    is required. Refuses strings, booleans, None, complex values, NaN, infinity and negative times.
    """
    size = getattr(value, "size", None)
    if size is None and isinstance(value, list | tuple):
        size = len(value)
    if size is not None and size > maximum:
        raise ValueError(f"{name} must hold at most {maximum} time points, got {size}")
    if isinstance(value, bool) or not isinstance(value, np.ndarray | list | tuple | numbers.Real):
        raise TypeError(f"{name} must be a number or a 1-D array of times, got {type(value).__name__}")
    array = check_finite_array(name, value)
    if np.iscomplexobj(array):
        raise TypeError(f"{name} must be real, got complex values")
    if array.ndim > 1 or (array.ndim == 0 and not allow_scalar):
        raise ValueError(f"{name} must be {'a number or ' if allow_scalar else ''}a 1-D array of times, got shape {array.shape}")
    array = np.atleast_1d(array.astype(float))
    if array.size == 0:
        raise ValueError(f"{name} must hold at least one time, got an empty array")
    if np.any(array < 0):
        raise ValueError(f"{name} must be ≥ 0 and finite, got {float(array.min())!r}")
    return array
