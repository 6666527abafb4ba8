"""The transport engine: single-excitation transport on networks of coupled sites, exact and fast.

Physics (docs/PHYSICS.md §3). One excitation hops between N sites with Hamiltonian ``H`` (energies in
cm⁻¹, converted to rad/ps by 2πc; ħ = 1, times in ps). The density matrix ρ of the site manifold
obeys the Lindblad equation of Plenio & Huelga, NJP 10, 113019 (2008):

* **trapping**: population rate κ (``trap_rate_per_ps``) from ``sink_site`` into an absorbing sink
  (Lindblad operator √κ |sink⟩⟨s|);
* **loss**: population rate Γ (``loss_rate_per_ns``) from every site to the ground state
  (√Γ |g⟩⟨k| for each k);
* **dephasing**: rate γ_k on site k, the Lindblad operator √(2γ_k)|k⟩⟨k| (docs/PHYSICS.md §0: γ_k is the decay
  rate of the phase of site k, as for a single qubit). The coherence ρ_jk (j ≠ k) then decays at
  γ_j + γ_k — at **2γ** when every site has the same γ — and the populations are untouched. (Some papers
  call the decay rate of ρ_jk itself "the dephasing rate"; their γ is twice ours.) Tested against the
  analytic two-site solution in ``tests/test_transport.py``.

The transport efficiency is the population in the sink, η(T) = κ ∫₀ᵀ ρ_ss(t) dt.

How it is computed (no time integration; see ``docs/transport_engine.md``)
--------------------------------------------------------------------------
Write the generator as 𝓛(ρ) = −i(H_eff ρ − ρ H_eff†) + J(ρ) with the non-Hermitian
H_eff = H − i·diag(κδ_ks/2 + Γ/2 + γ_k) and the dephasing jumps J(ρ) = Σ_k 2γ_k ρ_kk |k⟩⟨k|, which only
read and write the diagonal. One eigendecomposition H_eff = V Λ V⁻¹ (O(N³)) inverts the first part
element by element; the jumps are a rank-N correction solved exactly by an N×N linear system
(Woodbury). Assembling that N×N system costs N⁴/2 multiply-adds in BLAS (real), which is the
dominant cost with dephasing; without dephasing the cost is O(N³). For t → ∞ this is the exact
solution of 𝓛X = −ρ₀ with X = ∫₀^∞ρ dt. Finite times with dephasing use one eigendecomposition of the
N²-dimensional Liouvillian (small N) or a Krylov exponential ``expm_multiply`` (large N).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np
import scipy.linalg as sla
import scipy.sparse as sp
import scipy.sparse.linalg as spla

from qedn_lessons.transport.builders import MAX_SITES, MAX_SITES_DYNAMICS, MAX_TIMES, _check_times
from qedn_lessons.units import RAD_PER_PS_PER_CM
from qedn_lessons.validate import (
    check_finite_array,
    check_hermitian,
    check_int,
    check_real,
)

__all__ = [
    "DEEP_ZENO_MAX_SITES",
    "DEEP_ZENO_RATIO",
    "TransportCurves",
    "efficiency_curve",
    "site_populations",
    "transport_efficiency",
]


# --------------------------------------------------------------------------------------------------
# Argument checks shared by the transport functions
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Model:
    h: np.ndarray  # rad/ps, Hermitian
    n: int
    initial: int  # 0-based
    sink: int  # 0-based
    kappa: float  # ps⁻¹
    loss: float  # ps⁻¹
    gamma: np.ndarray  # ps⁻¹, per site

    @property
    def damping(self) -> np.ndarray:
        """Anti-Hermitian part of H_eff: κ/2 on the sink site, Γ/2 and γ_k everywhere."""
        d = self.loss / 2.0 + self.gamma
        d = d.copy()
        d[self.sink] += self.kappa / 2.0
        return d

    @property
    def leak(self) -> np.ndarray:
        """The damping without dephasing: κ/2 on the sink site, Γ/2 everywhere."""
        d = np.full(self.n, self.loss / 2.0)
        d[self.sink] += self.kappa / 2.0
        return d


def _check_model(
    hamiltonian_cm, initial_site, sink_site, trap_rate_per_ps, loss_rate_per_ns, dephasing_per_ps, *, max_sites: int = MAX_SITES
) -> _Model:
    h = check_hermitian("hamiltonian_cm", hamiltonian_cm, max_dimension=max_sites)
    n = h.shape[0]
    if n < 1:
        raise ValueError("hamiltonian_cm must have at least one site, got shape (0, 0)")
    initial = check_int("initial_site", initial_site, minimum=1, maximum=n) - 1
    sink = check_int("sink_site", sink_site, minimum=1, maximum=n) - 1
    kappa = check_real("trap_rate_per_ps", trap_rate_per_ps, minimum=0.0)
    loss = check_real("loss_rate_per_ns", loss_rate_per_ns, minimum=0.0) * 1e-3
    gamma = _check_dephasing(dephasing_per_ps, n)
    h = (h + h.conj().T) / 2.0
    h = h.real if np.isrealobj(h) or not np.any(h.imag) else h
    return _Model(h * RAD_PER_PS_PER_CM, n, initial, sink, kappa, loss, gamma)


def _check_dephasing(dephasing_per_ps, n: int) -> np.ndarray:
    if np.ndim(dephasing_per_ps) == 0 and not isinstance(dephasing_per_ps, np.ndarray | list | tuple):
        value = check_real("dephasing_per_ps", dephasing_per_ps, minimum=0.0)
        return np.full(n, value)
    rates = check_finite_array("dephasing_per_ps", dephasing_per_ps, ndim=1)
    if rates.shape != (n,):
        raise ValueError(f"dephasing_per_ps must be a scalar or one rate per site (length {n}), got shape {rates.shape}")
    if np.iscomplexobj(rates) or np.any(rates < 0):
        raise ValueError(f"dephasing_per_ps must be ≥ 0 and finite on every site, got {np.round(rates, 6).tolist()}")
    return rates.astype(float)


def _short(a: np.ndarray) -> str:
    return np.array2string(np.asarray(a)[:6], precision=3) + ("…" if np.size(a) > 6 else "")


# --------------------------------------------------------------------------------------------------
# The engine
# --------------------------------------------------------------------------------------------------


@dataclass
class _Spectrum:
    """Eigendecomposition H_eff = V diag(λ) W with W = V⁻¹, and g_ab = i/(λ_a − conj λ_b)."""

    v: np.ndarray
    w: np.ndarray
    lam: np.ndarray
    g: np.ndarray  # g_ab = ∫₀^∞ e^{-i(λ_a − λ̄_b)t} dt = −i/(λ_a − λ̄_b)
    symmetric: bool  # True when W = Vᵀ (complex-orthogonal eigenvectors of a complex symmetric H_eff)

    @classmethod
    def of(cls, model: _Model) -> _Spectrum:
        # Diagonalise without the uniform part of the damping and add it back to the eigenvalues
        # exactly: a large common −iγ on the diagonal (deep Zeno regime) would otherwise swamp the
        # couplings and cost the eigenvectors their precision.
        # The damping is (γ_k − min γ) + (trap and loss) + min γ: for a uniform γ the matrix diagonalised is
        # then exactly that of γ = 0, and efficiency_curve can reuse one eigendecomposition for every γ.
        gmin = float(np.min(model.gamma))
        rest = (model.gamma - gmin) + model.leak
        shift = float(np.min(rest))
        heff = model.h - 1j * np.diag(rest - shift)
        lam, v = np.linalg.eig(heff)
        lam = lam - 1j * (shift + gmin)
        symmetric = False
        if np.isrealobj(model.h):
            # H_eff = H_effᵀ: eigenvectors of distinct eigenvalues satisfy v_aᵀv_b = 0; scale v_aᵀv_a = 1
            norms = np.sqrt(np.einsum("ja,ja->a", v, v))
            if np.all(np.abs(norms) > 1e-6):
                vs = v / norms
                w = vs.T
                if np.max(np.abs(w @ vs - np.eye(len(lam)))) < 1e-9:
                    v, symmetric = vs, True
        if not symmetric:
            w = np.linalg.inv(v)
        diff = lam[:, None] - lam.conj()[None, :]
        scale = max(1.0, float(np.max(np.abs(lam))))
        never = np.abs(diff) <= 1e-12 * scale  # pairs of modes that never decay (dark, lossless)
        # integral over t ≥ 0 of exp(-i(λ_a − λ̄_b)t) = 1/(i(λ_a − λ̄_b)) = −i/(λ_a − λ̄_b)
        g = np.where(never, 0.0, -1j / np.where(never, 1.0, diff))
        return cls(v, w, lam, g, symmetric)

    def condition(self) -> float:
        return float(np.linalg.norm(self.v, 2) * np.linalg.norm(self.w, 2))

    def integrated_diagonal(self, rho0_diag_site: int, time_ps: float) -> np.ndarray:
        """diag of ∫₀ᵀ e^{-iH_eff t}|i⟩⟨i|e^{iH_eff† t} dt (no jumps), for every site: shape (N,)."""
        wi = self.w[:, rho0_diag_site]
        coeff = self.g * np.outer(wi, wi.conj())
        if math.isfinite(time_ps):
            coeff = coeff * -np.expm1(-1j * (self.lam[:, None] - self.lam.conj()[None, :]) * time_ps)
        return ((self.v @ coeff) * self.v.conj()).sum(axis=1).real

    def jump_matrix(self) -> np.ndarray:
        """M_jk = [∫₀^∞ e^{-iH_eff t}|k⟩⟨k|e^{iH_eff† t} dt]_jj (real, N×N).

        M = Σ_ab g_ab (V_ja V̄_jb)(W_ak W̄_bk); the pairs (a, b) and (b, a) are complex conjugates, so
        M = Σ_a g_aa|V_ja|²|W_ak|² + 2 Re Σ_{a<b}. When H_eff is complex symmetric (H real) and its
        eigenvectors are normalised so that W = Vᵀ, the pair sum is Re(YᵀY) with Y_p = √(2g_ab)·V_ja V̄_jb:
        two real symmetric rank-k updates (BLAS syrk), N⁴/2 multiply-adds in all. Otherwise two general
        real products per mode (N⁴ multiply-adds).
        """
        v, w, g = self.v, self.w, self.g
        n = v.shape[0]
        m = (np.abs(v) ** 2 * g.diagonal().real) @ (np.abs(w) ** 2)
        if n == 1:
            return m
        if self.symmetric:
            sg = np.sqrt(2.0 * g)
            vc = v.conj()
            block = max(1, min(n - 1, 4096 // n + 1))  # ~4096 pairs per block keeps the buffers in cache
            cap = sum(range(n - 1, n - 1 - block, -1))
            buf = np.empty((n, cap), complex)
            yr = np.empty((n, cap))
            yi = np.empty((n, cap))
            for a0 in range(0, n - 1, block):
                k = 0
                for a in range(a0, min(a0 + block, n - 1)):
                    width = n - 1 - a
                    out = buf[:, k : k + width]
                    np.multiply(vc[:, a + 1 :], v[:, a, None], out=out)
                    out *= sg[a, a + 1 :]
                    k += width
                np.copyto(yr[:, :k], buf[:, :k].real)
                np.copyto(yi[:, :k], buf[:, :k].imag)
                ar, ai = yr[:, :k], yi[:, :k]
                m += ar @ ar.T
                m -= ai @ ai.T
            return m
        for a in range(n - 1):  # general Hermitian H: pairs a < b, two real products per mode
            vb = v[:, a, None] * v[:, a + 1 :].conj()
            wb = (g[a, a + 1 :, None] * w[a, None, :]) * w[a + 1 :, :].conj()
            m += 2.0 * (
                np.ascontiguousarray(vb.real) @ np.ascontiguousarray(wb.real)
                - np.ascontiguousarray(vb.imag) @ np.ascontiguousarray(wb.imag)
            )
        return m


#: Dephasing/coupling ratio beyond which the jump system d = d₀ + M·2γ·d is too ill-conditioned
#: (its condition grows like (γ/J)²) and small networks use the direct Liouvillian solve instead.
DEEP_ZENO_RATIO = 1e3
#: Largest network the deep-Zeno fallback solves directly (N² × N² sparse Liouvillian).
DEEP_ZENO_MAX_SITES = 60


def _largest_coupling(model: _Model) -> float:
    """Largest off-diagonal |H_jk| (rad/ps); 0 for a single site or uncoupled sites."""
    off = np.abs(model.h - np.diag(np.diag(model.h)))
    return float(off.max()) if off.size else 0.0


def _deep_zeno(model: _Model) -> bool:
    """True when dephasing dwarfs the couplings on a network small enough to solve directly."""
    if model.n > DEEP_ZENO_MAX_SITES or not np.any(model.gamma > 0):
        return False
    coupling = _largest_coupling(model)
    return coupling == 0.0 or float(model.gamma.max()) > DEEP_ZENO_RATIO * coupling


def _deep_zeno_uniform(model: _Model, gammas: np.ndarray) -> np.ndarray:
    """:func:`_deep_zeno` for each uniform rate in ``gammas`` (the model's own γ is ignored): bool array."""
    if model.n > DEEP_ZENO_MAX_SITES:
        return np.zeros(len(gammas), bool)
    coupling = _largest_coupling(model)
    return (gammas > 0) & ((coupling == 0.0) | (gammas > DEEP_ZENO_RATIO * coupling))


def _efficiency_spectral(model: _Model, time_ps: float) -> float:
    if _deep_zeno(model):
        return _efficiency_liouvillian(model, time_ps)
    spec = _Spectrum.of(model)
    if spec.condition() > 1e8:  # near an exceptional point: use the direct Liouvillian solve instead
        return _efficiency_liouvillian(model, time_ps)
    d0 = spec.integrated_diagonal(model.initial, time_ps)
    if not np.any(model.gamma > 0):
        return _clip(model.kappa * d0[model.sink])
    # d = diag X solves d = d0 + M diag(2γ) d (Woodbury for the rank-N jump map), X = ∫₀^∞ ρ dt
    m = spec.jump_matrix()
    d = np.linalg.solve(np.eye(model.n) - m * (2.0 * model.gamma)[None, :], d0)
    return _clip(model.kappa * d[model.sink])


def _clip(eta: float) -> float:
    # round-off only: η is a probability; anything outside [0, 1] by more than 1e-9 is a bug
    eta = float(eta)
    return min(1.0, max(0.0, eta))


def _liouvillian(model: _Model) -> sp.csc_matrix:
    """Sparse generator on vec(ρ) (row-major: index j·N + k ↔ ρ_jk), shape (N², N²).

    The dephasing enters as its net effect, −(γ_j + γ_k) on ρ_jk for j ≠ k and nothing on the populations,
    rather than as −2γ_k from H_eff plus +2γ_k from the jumps: that cancellation would leave a round-off of
    order γ·10⁻¹⁶ on the population rates, which matters in the deep Zeno regime where γ is huge.
    """
    heff, dephase = _generator_parts(model)
    heff = sp.csr_matrix(heff)
    eye = sp.identity(model.n, format="csr")
    gen = -1j * (sp.kron(heff, eye) - sp.kron(eye, heff.conj()))
    return (gen + sp.diags(dephase)).tocsc()


def _generator_parts(model: _Model) -> tuple[np.ndarray, np.ndarray]:
    """H_eff = H − i·diag(leak) (trap κ/2 on the sink site, loss Γ/2 on every site; no dephasing) and
    the diagonal of the dephasing part of the generator on vec(ρ): −(γ_j + γ_k) for ρ_jk, j ≠ k,
    0 on the populations. Shared by the sparse and the dense generator."""
    dephase = -(model.gamma[:, None] + model.gamma[None, :])
    np.fill_diagonal(dephase, 0.0)
    return model.h - 1j * np.diag(model.leak), dephase.ravel()


def _efficiency_liouvillian(model: _Model, time_ps: float) -> float:
    """Reference method: η from the sparse N²×N² Liouvillian (LU for t → ∞, expm_multiply otherwise)."""
    n = model.n
    gen = _liouvillian(model)
    rho0 = np.zeros(n * n, complex)
    rho0[model.initial * (n + 1)] = 1.0
    s = model.sink * (n + 1)
    if math.isinf(time_ps):
        x = spla.splu(gen).solve(-rho0)
        return _clip(model.kappa * x[s].real)
    # augmented generator: the last component accumulates κ ρ_ss, i.e. the sink population
    aug = sp.bmat([[gen, None], [sp.csr_matrix(([model.kappa], ([0], [s])), shape=(1, n * n)), sp.csr_matrix((1, 1))]]).tocsc()
    state = spla.expm_multiply(aug * time_ps, np.append(rho0, 0.0))
    return _clip(state[-1].real)


#: Largest network whose Liouvillian :func:`_efficiency_liouvillian_uniform` solves densely, many rates at once.
_DENSE_LIOUVILLIAN_SITES = 12


def _efficiency_liouvillian_uniform(model: _Model, gammas: np.ndarray, *, deep: bool) -> np.ndarray:
    """:func:`_efficiency_liouvillian` at t → ∞ for each uniform rate in ``gammas`` (model's γ ignored).

    With ``deep`` (every rate in the deep-Zeno regime, γ > 10³·max|H_jk| or uncoupled sites) a small network
    eliminates the coherences exactly, for all rates at once: a uniform γ adds −2γ to every coherence
    ρ_jk (j ≠ k) and nothing to the populations, so the coherence block 𝓛_cc − 2γ is strongly diagonally
    dominant and the Schur complement on the N populations (the classical hopping rates ~J²/γ) is
    accurate. A dense LU of the whole N²×N² system would pivot on the small couplings and lose digits.
    Otherwise (near an exceptional point) and for larger networks: the sparse LU, rate by rate.
    """
    n = model.n
    if not deep or n > _DENSE_LIOUVILLIAN_SITES or len(gammas) == 0:
        return np.array([_efficiency_liouvillian(_with_uniform_dephasing(model, g), math.inf) for g in gammas])
    gen = _liouvillian(replace(model, gamma=np.zeros(n))).toarray()
    pops = np.arange(n) * (n + 1)
    cohs = np.setdiff1d(np.arange(n * n), pops)
    l_pp, l_pc = gen[np.ix_(pops, pops)], gen[np.ix_(pops, cohs)]
    l_cp, l_cc = gen[np.ix_(cohs, pops)], gen[np.ix_(cohs, cohs)]
    rhs = np.zeros(n)
    rhs[model.initial] = -1.0
    out = np.empty(len(gammas))
    step = max(1, _BATCH_ELEMENTS // max(1, len(cohs)) ** 2)
    idx = np.arange(len(cohs))
    for k0 in range(0, len(gammas), step):
        gk = gammas[k0 : k0 + step]
        block = np.repeat(l_cc[None], len(gk), axis=0)
        block[:, idx, idx] -= 2.0 * gk[:, None]
        # 𝓛_pp x_p + 𝓛_pc x_c = b_p and 𝓛_cp x_p + (𝓛_cc − 2γ) x_c = 0
        schur = l_pp[None] - l_pc[None] @ np.linalg.solve(block, np.broadcast_to(l_cp, (len(gk), *l_cp.shape)))
        x = np.linalg.solve(schur, np.broadcast_to(rhs[:, None], (len(gk), n, 1)).astype(complex))
        out[k0 : k0 + step] = x[:, model.sink, 0].real
    return np.clip(model.kappa * out, 0.0, 1.0)


def transport_efficiency(
    hamiltonian_cm,
    *,
    initial_site: int = 1,
    sink_site: int = 3,
    trap_rate_per_ps: float = 1.0,
    loss_rate_per_ns: float = 1.0,
    dephasing_per_ps=0.0,
    time_ps: float = math.inf,
) -> float:
    """Population delivered to the sink by ``time_ps``: η = κ ∫₀ᵀ ρ_ss dt.

    Parameters
    ----------
    hamiltonian_cm : (N, N) real symmetric or complex Hermitian array or ``qutip.Qobj``, cm⁻¹;
        N ≤ :data:`MAX_SITES`. Converted to rad/ps by 2πc.
    initial_site : int, 1-based site holding the excitation at t = 0.
    sink_site : int, 1-based site from which the sink traps (FMO: 3).
    trap_rate_per_ps : float ≥ 0, population rate κ from ``sink_site`` into the sink, ps⁻¹.
    loss_rate_per_ns : float ≥ 0, population rate Γ from every site to the ground state, ns⁻¹.
    dephasing_per_ps : float ≥ 0 or array of N floats ≥ 0, dephasing rate γ_k of each site, ps⁻¹
        (Lindblad operator √(2γ_k)|k⟩⟨k|): the coherence ρ_jk between sites j ≠ k decays at γ_j + γ_k,
        i.e. at 2γ for a uniform scalar γ.
    time_ps : float ≥ 0 or ``math.inf``, ps.

    Returns
    -------
    float in [0, 1].

    Raises
    ------
    TypeError, ValueError: a non-square, non-symmetric or non-finite Hamiltonian, a size above
    :data:`MAX_SITES`, a site label outside 1 … N, a negative or non-finite rate, a NaN time.

    Method: exact, without time integration (module docstring and ``docs/transport_engine.md``).
    Worked value: FMO, site 1 → sink at site 3, κ = 2 ps⁻¹, Γ = 1 ns⁻¹, no dephasing, t → ∞:
    η = 0.8226 (docs/PHYSICS.md §3).

    Reference: M. B. Plenio & S. F. Huelga, NJP 10, 113019 (2008), doi:10.1088/1367-2630/10/11/113019;
    P. Rebentrost et al., NJP 11, 033003 (2009), arXiv:0807.0929.
    """
    model = _check_model(hamiltonian_cm, initial_site, sink_site, trap_rate_per_ps, loss_rate_per_ns, dephasing_per_ps)
    time_ps = check_real("time_ps", time_ps, minimum=0.0, allow_inf=True)
    if model.kappa == 0.0 or time_ps == 0.0:
        return 0.0
    if math.isinf(time_ps) or not np.any(model.gamma > 0):
        return _efficiency_spectral(model, time_ps)
    if model.n > MAX_SITES_DYNAMICS:
        raise ValueError(
            f"hamiltonian_cm must have at most {MAX_SITES_DYNAMICS} sites for a finite time_ps with dephasing, "
            f"got {model.n} (use time_ps=math.inf, or no dephasing)"
        )
    return float(
        site_populations(
            hamiltonian_cm,
            [time_ps],
            initial_site=initial_site,
            sink_site=sink_site,
            trap_rate_per_ps=trap_rate_per_ps,
            loss_rate_per_ns=loss_rate_per_ns,
            dephasing_per_ps=dephasing_per_ps,
        ).sink[0]
    )


def efficiency_curve(
    hamiltonian_cm,
    dephasing_values_per_ps,
    *,
    initial_site: int = 1,
    sink_site: int = 3,
    trap_rate_per_ps: float = 1.0,
    loss_rate_per_ns: float = 1.0,
    time_ps: float = math.inf,
) -> np.ndarray:
    """η for each uniform dephasing rate in ``dephasing_values_per_ps`` (ps⁻¹, each ≥ 0).

    Same parameters, units and errors as :func:`transport_efficiency`; returns an array of the same
    length (at most :data:`MAX_TIMES` values). This is the "Goldilocks" curve of environment-assisted
    transport (Rebentrost et al., NJP 11, 033003 (2009), arXiv:0807.0929).
    """
    shape = np.shape(dephasing_values_per_ps)
    if len(shape) == 1 and shape[0] > MAX_TIMES:
        raise ValueError(f"dephasing_values_per_ps must hold at most {MAX_TIMES} values, got {shape[0]}")
    values = check_finite_array("dephasing_values_per_ps", dephasing_values_per_ps, ndim=1)
    if np.iscomplexobj(values) or np.any(values < 0):
        raise ValueError(f"dephasing_values_per_ps must be rates ≥ 0 and finite, got {_short(values)}")
    values = values.astype(float)
    if len(values) == 0:
        return np.zeros(0)
    # validated once: the rates are already checked, the model is the same for every rate
    model = _check_model(hamiltonian_cm, initial_site, sink_site, trap_rate_per_ps, loss_rate_per_ns, 0.0)
    time_ps = check_real("time_ps", time_ps, minimum=0.0, allow_inf=True)
    if model.kappa == 0.0 or time_ps == 0.0:
        return np.zeros(len(values))
    if math.isfinite(time_ps):
        if model.n > MAX_SITES_DYNAMICS and np.any(values > 0):
            raise ValueError(
                f"hamiltonian_cm must have at most {MAX_SITES_DYNAMICS} sites for a finite time_ps with dephasing, "
                f"got {model.n} (use time_ps=math.inf, or no dephasing)"
            )
        return np.array([_efficiency_at(_with_uniform_dephasing(model, g), time_ps) for g in values])
    return _efficiency_curve_stationary(model, values)


def _with_uniform_dephasing(model: _Model, gamma: float) -> _Model:
    return replace(model, gamma=np.full(model.n, float(gamma)))


def _efficiency_at(model: _Model, time_ps: float) -> float:
    """:func:`transport_efficiency` for an already validated model and time (κ > 0, T > 0)."""
    if math.isinf(time_ps) or not np.any(model.gamma > 0):
        return _efficiency_spectral(model, time_ps)
    _, integ = _populations_liouvillian(model, np.array([time_ps]))
    return _clip(model.kappa * integ[0, model.sink])


#: Largest network whose jump matrices :func:`_efficiency_curve_stationary` assembles for many rates at
#: once (buffers of about ``_BATCH_ELEMENTS`` complex numbers); larger ones build one rate at a time.
_BATCH_MAX_SITES = 40
_BATCH_ELEMENTS = 1 << 20


def _efficiency_curve_stationary(model: _Model, gammas: np.ndarray) -> np.ndarray:
    """η(∞) for each uniform dephasing rate in ``gammas`` (κ > 0; the model's own γ is ignored).

    A uniform γ adds −iγ to every diagonal element of H_eff. :meth:`_Spectrum.of` removes the uniform part
    of the damping before diagonalising, so V, W = V⁻¹ and the condition number are those of the γ = 0
    model for every γ, and only λ_a → λ_a − iγ changes: one eigendecomposition serves the whole curve.
    Per rate remain g_ab = −i/(λ_a − λ̄_b + 2iγ), the jump matrix M and the N×N solve, done for many
    rates at once (batched BLAS). The deep-Zeno and exceptional-point fallbacks are decided per rate
    exactly as :func:`transport_efficiency` decides them.
    """
    out = np.empty(len(gammas))
    zeno = _deep_zeno_uniform(model, gammas)
    if np.any(zeno):
        out[zeno] = _efficiency_liouvillian_uniform(model, gammas[zeno], deep=True)
    rest = ~zeno
    if not np.any(rest):
        return out
    base = replace(model, gamma=np.zeros(model.n))
    spec = _Spectrum.of(base)
    if spec.condition() > 1e8:  # near an exceptional point: the direct Liouvillian solve, as for one rate
        out[rest] = _efficiency_liouvillian_uniform(model, gammas[rest], deep=False)
        return out
    out[rest] = _efficiency_spectral_uniform(model, spec, gammas[rest])
    return out


def _efficiency_spectral_uniform(model: _Model, spec: _Spectrum, gammas: np.ndarray) -> np.ndarray:
    """η(∞) of :func:`_efficiency_spectral` for each uniform γ, from the γ = 0 spectrum ``spec``."""
    n = model.n
    lam = spec.lam[None, :] - 1j * gammas[:, None]  # (K, N)
    diff = lam[:, :, None] - lam.conj()[:, None, :]  # (K, N, N)
    scale = np.maximum(1.0, np.abs(lam).max(axis=1))
    never = np.abs(diff) <= 1e-12 * scale[:, None, None]  # as in _Spectrum.of, per rate
    g = np.where(never, 0.0, -1j / np.where(never, 1.0, diff))
    wi = spec.w[:, model.initial]
    coeff = g * np.outer(wi, wi.conj())[None]
    d0 = ((spec.v[None] @ coeff) * spec.v.conj()[None]).sum(axis=2).real  # (K, N): diag of the no-jump integral
    d = d0
    jumping = gammas > 0
    if np.any(jumping):
        gj, kj = g[jumping], 2.0 * gammas[jumping]
        if n <= _BATCH_MAX_SITES:
            # M_jk = Σ_ab g_ab (V_ja V̄_jb)(W_ak W̄_bk) = P diag(g) Q over the N² pairs p = (a, b)
            p = (spec.v[:, :, None] * spec.v.conj()[:, None, :]).reshape(n, n * n)
            q = (spec.w[:, None, :] * spec.w.conj()[None, :, :]).reshape(n * n, n)
            m = np.empty((len(gj), n, n))
            step = max(1, _BATCH_ELEMENTS // n**3)
            for k0 in range(0, len(gj), step):
                gk = gj[k0 : k0 + step].reshape(-1, 1, n * n)
                m[k0 : k0 + step] = ((gk * p[None]) @ q).real
        else:
            m = np.array(
                [_Spectrum(spec.v, spec.w, lam[jumping][k], gj[k], spec.symmetric).jump_matrix() for k in range(len(gj))]
            )
        # d = d0 + M·2γ·d (Woodbury for the rank-N jump map), one N×N system per rate
        a = np.eye(n)[None] - m * kj[:, None, None]
        d = d0.copy()
        d[jumping] = np.linalg.solve(a, d0[jumping][:, :, None])[:, :, 0]
    return np.clip(model.kappa * d[:, model.sink], 0.0, 1.0)


@dataclass(frozen=True)
class TransportCurves:
    """Populations vs time: ``sites`` (T × N), ``sink`` and ``lost`` (T), at ``times_ps`` (T)."""

    times_ps: np.ndarray
    sites: np.ndarray
    sink: np.ndarray
    lost: np.ndarray


def site_populations(
    hamiltonian_cm,
    times_ps,
    *,
    initial_site: int = 1,
    sink_site: int = 3,
    trap_rate_per_ps: float = 1.0,
    loss_rate_per_ns: float = 1.0,
    dephasing_per_ps=0.0,
) -> TransportCurves:
    """Site, sink and lost populations at every time in ``times_ps`` (ps, ≥ 0), same model as
    :func:`transport_efficiency` (``sink`` at time T is η(T)).

    Without dephasing the state stays pure within the site manifold: one eigendecomposition of the
    N×N non-Hermitian H_eff gives every time (any N ≤ :data:`MAX_SITES`). With dephasing (N ≤
    :data:`MAX_SITES_DYNAMICS`), the Liouvillian acts on the real N²-dimensional space of Hermitian
    matrices: for evenly spaced times one exact propagator over a step is applied repeatedly, for other
    times one eigendecomposition serves all; for N > 16 a Krylov exponential is used instead. Nothing is
    re-integrated per time point.

    Returns
    -------
    :class:`TransportCurves`; every array is real, populations sum to 1 at every time.

    Raises
    ------
    as :func:`transport_efficiency`, and for ``times_ps`` that are not a 1-D array of finite times ≥ 0
    (at most :data:`MAX_TIMES`).
    """
    model = _check_model(hamiltonian_cm, initial_site, sink_site, trap_rate_per_ps, loss_rate_per_ns, dephasing_per_ps)
    times = _check_times("times_ps", times_ps)
    if np.any(model.gamma > 0):
        if model.n > MAX_SITES_DYNAMICS:
            raise ValueError(
                f"hamiltonian_cm must have at most {MAX_SITES_DYNAMICS} sites for populations with dephasing, got {model.n}"
            )
        sites, integ = _populations_liouvillian(model, times)
    else:
        sites, integ = _populations_pure(model, times), _integrated_populations(model, times)
    sites = np.clip(sites, 0.0, 1.0)
    # sink and lost populations are κ∫ρ_ss dt and Γ∫Tr ρ dt, from the exact integrated populations
    sink = np.clip(model.kappa * integ[:, model.sink], 0.0, 1.0)
    lost = np.clip(model.loss * integ.sum(axis=1), 0.0, 1.0)
    return TransportCurves(times, sites, sink, lost)


def _populations_pure(model: _Model, times: np.ndarray) -> np.ndarray:
    lam, v = np.linalg.eig(model.h - 1j * np.diag(model.damping))
    c = np.linalg.solve(v, np.eye(model.n)[:, model.initial])
    amps = (v * c[None, :]) @ np.exp(-1j * lam[:, None] * times[None, :])  # (N, T)
    return (np.abs(amps) ** 2).T


def _integrated_populations(model: _Model, times: np.ndarray) -> np.ndarray:
    """∫₀ᵗ ρ_kk dt' for every time and site, shape (T, N)."""
    spec = _Spectrum.of(model)
    wi = spec.w[:, model.initial]
    base = np.outer(wi, wi.conj())
    diff = spec.lam[:, None] - spec.lam.conj()[None, :]
    out = np.empty((len(times), model.n))
    small = np.abs(diff) < 1e-12
    for i, t in enumerate(times):
        f = np.where(small, t, -1j * -np.expm1(-1j * diff * t) / np.where(small, 1.0, diff))
        out[i] = ((spec.v @ (base * f)) * spec.v.conj()).sum(axis=1).real
    return out


def _populations_liouvillian(model: _Model, times: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Site populations and their time integrals, each (T, N), from the N²×N² Liouvillian."""
    n = model.n
    if n <= 16:  # dense, on the real N²-dimensional space of Hermitian matrices
        real = _real_generator(_liouvillian_dense(model), n)
        step = _uniform_step(times)
        if step is not None:
            return _populations_stepped(real, n, model.initial, times[0], step, len(times))
        # any other set of times: one real eigendecomposition serves every time
        lam, v = np.linalg.eig(real)
        x0 = np.zeros(n * n)
        x0[model.initial] = 1.0
        c = np.linalg.solve(v, x0)
        rows = v[:n, :] * c[None, :]
        lt = lam[:, None] * times[None, :]
        small = np.abs(lam) < 1e-12
        integ = np.where(small[:, None], times[None, :], np.expm1(lt) / np.where(small, 1.0, lam)[:, None])
        return (rows @ np.exp(lt)).real.T, (rows @ integ).real.T
    # larger networks: Krylov exponential of an augmented generator (the integrals ride along)
    gen = _liouvillian(model)
    rho0 = np.zeros(n * n, complex)
    rho0[model.initial * (n + 1)] = 1.0
    diag = np.arange(n) * (n + 1)
    aug = sp.bmat(
        [[gen, None], [sp.csr_matrix((np.ones(n), (np.arange(n), diag)), shape=(n, n * n)), sp.csr_matrix((n, n))]]
    ).tocsc()
    state = np.append(rho0, np.zeros(n))
    pops, integ = np.empty((len(times), n)), np.empty((len(times), n))
    now = 0.0
    for i in np.argsort(times, kind="stable"):
        if times[i] > now:
            state = spla.expm_multiply(aug * (times[i] - now), state)
            now = times[i]
        pops[i], integ[i] = state[diag].real, state[n * n :].real
    return pops, integ


def _liouvillian_dense(model: _Model) -> np.ndarray:
    """:func:`_liouvillian` as a dense array, built directly (no sparse-matrix overhead for small N)."""
    heff, dephase = _generator_parts(model)
    eye = np.eye(model.n)
    gen = -1j * (np.kron(heff, eye) - np.kron(eye, heff.conj()))
    gen[np.diag_indices_from(gen)] += dephase
    return gen


def _real_generator(gen: np.ndarray, n: int) -> np.ndarray:
    """The generator on Hermitian ρ in the orthonormal real coordinates x = (ρ_kk for k < N;
    √2 Re ρ_jk, then √2 Im ρ_jk, for j < k): U†𝓛U with U unitary, real because 𝓛 keeps ρ Hermitian.
    A real N²×N² matrix: its eigendecomposition or exponential costs a third of the complex one."""
    j, k = np.triu_indices(n, 1)
    jk, kj = j * n + k, k * n + j
    diag = np.arange(n) * (n + 1)
    r = 1.0 / math.sqrt(2.0)
    cols = np.concatenate([gen[:, diag], (gen[:, jk] + gen[:, kj]) * r, (gen[:, jk] - gen[:, kj]) * (1j * r)], axis=1)
    rows = np.concatenate([cols[diag], (cols[jk] + cols[kj]) * r, (cols[jk] - cols[kj]) * (-1j * r)], axis=0)
    return np.ascontiguousarray(rows.real)


def _uniform_step(times: np.ndarray) -> float | None:
    """The spacing of ``times`` if they are t₀, t₀ + Δ, t₀ + 2Δ, … (Δ > 0, at least 3 points, to ~1e-13), else None."""
    if len(times) < 3:
        return None
    step = (times[-1] - times[0]) / (len(times) - 1)
    if not step > 0.0:
        return None
    grid = times[0] + np.arange(len(times)) * step
    return float(step) if np.max(np.abs(grid - times)) <= 1e-13 * max(1.0, float(times[-1])) else None


def _populations_stepped(real: np.ndarray, n: int, initial: int, start: float, step: float, count: int):
    """Populations and their integrals at start + k·step (k < count) by the exact propagator over one step.

    The augmented generator [[𝓛, 0], [E, 0]] (E reads the populations) has exponential [[P, 0], [Q, 1]]:
    P = e^{𝓛Δ} advances the state and Q adds ∫ of the populations over the step. Two real (N² + N)-square
    exponentials (one for t₀ > 0) and a matrix-vector product per time: no eigendecomposition, and no loss
    of accuracy near exceptional points of 𝓛.
    """
    size = n * n
    aug = np.zeros((size + n, size + n))
    aug[:size, :size] = real
    aug[size + np.arange(n), np.arange(n)] = 1.0
    state = np.zeros(size + n)
    state[initial] = 1.0
    if start > 0.0:
        state = sla.expm(aug * start) @ state
    prop = sla.expm(aug * step)
    out = np.empty((count, size + n))
    out[0] = state
    for i in range(1, count):
        state = prop @ state
        out[i] = state
    return out[:, :n].copy(), out[:, size:].copy()
