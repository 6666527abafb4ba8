"""Transport engine: worked values, independent cross-checks (qutip, sparse Liouvillian), properties,
bad input."""

import math

import numpy as np
import pytest
import qutip
from hypothesis import given
from hypothesis import strategies as st
from scipy.special import jv

from qedn_lessons import transport as T
from qedn_lessons.units import RAD_PER_PS_PER_CM

FMO = T.fmo_hamiltonian()
PH = {"trap_rate_per_ps": 2.0, "loss_rate_per_ns": 1.0}  # Plenio & Huelga, NJP 10, 113019 (2008)


# --- qutip reference (independent method: integrate the Lindblad equation) ------------------------


def _qutip_model(h_cm, initial, sink, kappa, loss_per_ns, gamma):
    n = h_cm.shape[0]
    dim = n + 2  # sites 0..n-1, sink n, ground n+1
    ket = [qutip.basis(dim, k) for k in range(dim)]
    h = np.zeros((dim, dim))
    h[:n, :n] = h_cm * RAD_PER_PS_PER_CM
    c_ops = [math.sqrt(kappa) * ket[n] * ket[sink - 1].dag()]
    c_ops += [math.sqrt(loss_per_ns * 1e-3) * ket[n + 1] * ket[k].dag() for k in range(n)]
    gammas = np.broadcast_to(gamma, (n,))
    c_ops += [math.sqrt(2 * gammas[k]) * ket[k] * ket[k].dag() for k in range(n) if gammas[k] > 0]
    rho0 = ket[initial - 1] * ket[initial - 1].dag()
    return qutip.Qobj(h), rho0, c_ops, n


def qutip_sink(h_cm, times, *, initial=1, sink=3, kappa=2.0, loss_per_ns=1.0, gamma=0.0):
    h, rho0, c_ops, n = _qutip_model(h_cm, initial, sink, kappa, loss_per_ns, gamma)
    proj = qutip.basis(n + 2, n) * qutip.basis(n + 2, n).dag()
    result = qutip.mesolve(h, rho0, times, c_ops, e_ops=[proj], options={"atol": 1e-10, "rtol": 1e-8, "nsteps": 100000})
    return np.asarray(result.expect[0])


def test_fmo_hamiltonian_matches_adolphs_renger():
    assert FMO.shape == (7, 7) and np.allclose(FMO, FMO.T)
    assert FMO[0, 1] == -104.1 and FMO[2, 2] == 0.0 and FMO[4, 4] == 450.0  # docs/PHYSICS.md §3
    changed = T.fmo_hamiltonian()
    changed[0, 0] = 1e9
    assert T.fmo_hamiltonian()[0, 0] == 215.0  # a copy, the reference cannot be changed


def test_fmo_exciton_energies_match_independent_diagonalisation():
    # Exciton energies from the package vs qutip's own eigenenergies (independent code path)
    ours = T.exciton_energies_cm(T.fmo_hamiltonian())
    ref = qutip.Qobj(FMO).eigenenergies()
    assert np.allclose(ours, ref, atol=1e-9)
    assert ours.min() < 0.0 < 450.0 < ours.max() + 60  # lowest exciton below site 3, as in Adolphs & Renger
    with pytest.raises(ValueError, match="hamiltonian_cm must be symmetric"):
        T.exciton_energies_cm([[0.0, 1.0], [2.0, 0.0]])


def test_fmo_efficiency_no_dephasing_worked_value():
    # docs/PHYSICS.md §3 (computed): 0.8226 for κ = 2 ps⁻¹, Γ = 1 ns⁻¹, site 1 → sink at 3
    assert T.transport_efficiency(FMO, **PH) == pytest.approx(0.8226, abs=5e-5)


def test_goldilocks_rise_and_fall():
    # Rebentrost et al., NJP 11, 033003 (2009), arXiv:0807.0929: dephasing raises η to ≈ 0.99, very strong
    # dephasing lowers it (Zeno); Mohseni et al. J. Chem. Phys. 129, 174106 (2008): "from ~70% to 99%"
    gammas = np.logspace(-6, 4, 101)
    eta = T.efficiency_curve(FMO, gammas, **PH)
    best = int(np.argmax(eta))
    assert eta[best] > 0.99 and eta[0] == pytest.approx(0.8226, abs=1e-3)
    assert 10 < gammas[best] / RAD_PER_PS_PER_CM < 100  # optimum of tens of cm⁻¹
    assert eta[-1] < 0.7 and np.all(np.diff(eta[best:]) < 0)  # Zeno: strong dephasing slows transport


def test_spectral_engine_matches_sparse_liouvillian_solve():
    rng = np.random.default_rng(3)
    for h, sink in [(FMO, 3), (T.chain_hamiltonian(30, 80.0, disorder_cm=60.0, rng=rng), 30)]:
        n = h.shape[0]
        for gamma in (0.0, 0.3, 7.0, rng.uniform(0, 5, n)):
            m = T._check_model(h, 1, sink, 1.5, 2.0, gamma)
            assert T.transport_efficiency(
                h, sink_site=sink, trap_rate_per_ps=1.5, loss_rate_per_ns=2.0, dephasing_per_ps=gamma
            ) == pytest.approx(T._efficiency_liouvillian(m, math.inf), abs=1e-10)


@pytest.mark.parametrize("gamma", [0.0, 2.0])
def test_finite_time_and_populations_match_qutip_mesolve(gamma):
    times = np.linspace(0.0, 3.0, 7)
    ref = qutip_sink(FMO, times, gamma=gamma)
    curves = T.site_populations(FMO, times, dephasing_per_ps=gamma, **PH)
    assert np.allclose(curves.sink, ref, atol=1e-6)
    for t, r in zip(times[1:], ref[1:]):
        assert T.transport_efficiency(FMO, dephasing_per_ps=gamma, time_ps=t, **PH) == pytest.approx(r, abs=1e-6)
    assert np.allclose(curves.sites.sum(axis=1) + curves.sink + curves.lost, 1.0, atol=1e-9)


def test_t_infinity_matches_qutip_run_to_convergence():
    # qutip's sink population at T is a lower bound on η(∞); adding what is still on the sites at T gives an
    # upper bound. At T = 80 ps (κ = 2 ps⁻¹, γ = 10 ps⁻¹) the sites hold ~1e-7, so the window is ~1e-6 wide.
    h, t_end = FMO, 80.0
    ref = qutip_sink(h, np.linspace(0.0, t_end, 3), gamma=10.0)[-1]
    left = T.site_populations(h, [t_end], dephasing_per_ps=10.0, **PH).sites.sum()
    assert left < 1e-6
    eta = T.transport_efficiency(h, dephasing_per_ps=10.0, **PH)
    assert ref - 1e-6 <= eta <= ref + left + 1e-6


def test_dephasing_convention_two_sites_analytic():
    # docs/PHYSICS.md §0: Lindblad √(2γ)|k⟩⟨k| on each site, so ρ₁₂ decays at γ₁ + γ₂ = 2γ. For two degenerate sites
    # coupled by J (rad/ps), z = P₁ − P₂ obeys z'' + 2γ z' + 4J² z = 0:
    # z(t) = e^{−γt}[cos ωt + (γ/ω) sin ωt], ω = √(4J² − γ²). A rate convention off by 2 fails this.
    j_cm, gamma = 50.0, 3.0
    j = j_cm * RAD_PER_PS_PER_CM
    times = np.linspace(0.0, 2.0, 9)
    c = T.site_populations(
        T.chain_hamiltonian(2, j_cm), times, sink_site=2, trap_rate_per_ps=0.0, loss_rate_per_ns=0.0, dephasing_per_ps=gamma
    )
    w = math.sqrt(4 * j**2 - gamma**2)
    z = np.exp(-gamma * times) * (np.cos(w * times) + gamma / w * np.sin(w * times))
    assert np.allclose(c.sites[:, 0] - c.sites[:, 1], z, atol=1e-10)
    # dephasing on one site only: ρ₁₂ decays at γ₁ + 0, the same equation with γ → γ/2
    c1 = T.site_populations(
        T.chain_hamiltonian(2, j_cm),
        times,
        sink_site=2,
        trap_rate_per_ps=0.0,
        loss_rate_per_ns=0.0,
        dephasing_per_ps=[gamma, 0.0],
    )
    g = gamma / 2
    w1 = math.sqrt(4 * j**2 - g**2)
    z1 = np.exp(-g * times) * (np.cos(w1 * times) + g / w1 * np.sin(w1 * times))
    assert np.allclose(c1.sites[:, 0] - c1.sites[:, 1], z1, atol=1e-10)


def test_large_chain_krylov_path_matches_spectral_limit():
    h = T.chain_hamiltonian(20, 100.0)
    late = T.site_populations(h, [50.0, 400.0], sink_site=20, dephasing_per_ps=3.0, loss_rate_per_ns=5.0)
    inf = T.transport_efficiency(h, sink_site=20, dephasing_per_ps=3.0, loss_rate_per_ns=5.0)
    assert late.sink[1] == pytest.approx(inf, abs=1e-6) and late.sink[0] < late.sink[1]


def test_perfect_state_transfer_up_to_fifty_sites():
    # Christandl et al., PRL 92, 187902 (2004): |⟨N|e^{-iHt}|1⟩| = 1 at t = π/λ
    for n in (2, 3, 7, 20, 50, 80):
        h = T.pst_hamiltonian(n, lam=1.0)
        assert T.arrival_probability(h, [math.pi], initial_site=1, target_site=n)[0] == pytest.approx(1.0, abs=1e-9)
    assert np.allclose(T.pst_couplings(4, 2.0), [math.sqrt(3), 2.0, math.sqrt(3)])


def test_uniform_chain_first_arrival_worked_value():
    # docs/PHYSICS.md §3 (computed): N = 4 uniform chain, best first arrival 0.9728 at t ≈ 2.81/J
    p, t = T.first_arrival(T.chain_hamiltonian(4, 1.0), initial_site=1, target_site=4, t_max=6.0)
    assert p == pytest.approx(0.9728, abs=1e-4) and t == pytest.approx(2.81, abs=0.01)
    # uniform chains transfer perfectly only for N = 2, 3
    p3, _ = T.first_arrival(T.chain_hamiltonian(3, 1.0), initial_site=1, target_site=3, t_max=6.0)
    assert p3 == pytest.approx(1.0, abs=1e-9)


def test_quantum_walk_bessel_amplitudes_and_spreading():
    # Infinite line: P_n(t) = J_n(2Jt)² (Childs, Farhi & Gutmann 2002, arXiv:quant-ph/0103020); ⟨x²⟩ = 2J²t²
    n, j = 201, 1.0
    times = np.array([0.5, 5.0, 20.0])
    p = T.quantum_walk_probabilities(T.chain_hamiltonian(n, j), times, start_site=101)
    offsets = np.arange(n) - 100
    assert np.allclose(p, jv(offsets[None, :], 2 * j * times[:, None]) ** 2, atol=1e-12)
    assert np.allclose(T.mean_square_displacement(p, 101), 2 * j**2 * times**2, rtol=1e-9)
    c = T.classical_walk_probabilities(T.chain_hamiltonian(n, j), times, start_site=101)
    assert np.allclose(T.mean_square_displacement(c, 101), 2 * j * times, rtol=1e-9)


def test_anderson_disorder_localises():
    rng = np.random.default_rng(0)
    times = np.array([60.0])
    msd = []
    for _ in range(8):
        h = T.chain_hamiltonian(301, 1.0, disorder_cm=3.0, rng=rng)
        msd.append(T.mean_square_displacement(T.quantum_walk_probabilities(h, times, start_site=151), 151)[0])
    # localisation length ≈ 96 J²/W² ≈ 11 sites: spreading saturates far below ballistic 2J²t² = 7200
    assert np.mean(msd) < 400


def test_localisation_length_transfer_matrix():
    # weak-disorder (Born) estimate ξ = 24(4 − E²)/W² away from the band centre (Thouless 1973)
    assert T.localisation_length(0.5, energy=1.0) == pytest.approx(288.0, rel=0.08)
    assert T.localisation_length(1.0, energy=0.5) == pytest.approx(90.0, rel=0.08)
    # band-centre anomaly: at E = 0 the weak-disorder value is ≈ 105/W², not 96/W²
    assert T.localisation_length(1.0) == pytest.approx(105.0, rel=0.05)
    # independent check: eigenvectors of a long disordered chain decay at the same rate (|ψ| ~ e^{−|x|/ξ})
    rng = np.random.default_rng(5)
    e, v = np.linalg.eigh(T.chain_hamiltonian(1200, 1.0, disorder_cm=2.0, rng=rng))
    slopes = []
    for k in np.nonzero(np.abs(e - 1.0) < 0.05)[0]:
        a = np.abs(v[:, k])
        peak = int(np.argmax(a))
        if 300 < peak < 900:
            right = np.log(a[peak + 40 : peak + 240] + 1e-300)
            slopes.append(-np.polyfit(np.arange(200), right, 1)[0])
    assert len(slopes) >= 3
    assert 1.0 / np.mean(slopes) == pytest.approx(T.localisation_length(2.0, energy=1.0), rel=0.3)
    with pytest.raises(ValueError, match="disorder"):
        T.localisation_length(0.0)


def test_chain_and_ring_construction():
    rng = np.random.default_rng(1)
    h = T.chain_hamiltonian(5, 50.0, disorder_cm=20.0, rng=rng)
    assert np.all(np.abs(np.diag(h)) <= 10.0) and np.allclose(np.diag(h, 1), 50.0)
    r = T.ring_hamiltonian(6, 30.0)
    assert r[0, 5] == 30.0 and np.allclose(r, r.T)
    again = T.chain_hamiltonian(5, 50.0, disorder_cm=20.0, rng=np.random.default_rng(1))
    assert np.array_equal(h, again)


# --- properties ----------------------------------------------------------------------------------


def _random_network(seed, n):
    rng = np.random.default_rng(seed)
    h = rng.normal(0, 60.0, (n, n))
    h = (h + h.T) / 2
    h += np.diag(np.full(n - 1, 80.0), 1) + np.diag(np.full(n - 1, 80.0), -1)  # a chain backbone: connected
    return h


@given(seed=st.integers(0, 10_000), n=st.integers(2, 9), gamma=st.floats(0, 50), kappa=st.floats(0, 10), loss=st.floats(0, 100))
def test_efficiency_is_a_probability(seed, n, gamma, kappa, loss):
    h = _random_network(seed, n)
    eta = T.transport_efficiency(
        h, initial_site=1, sink_site=n, trap_rate_per_ps=kappa, loss_rate_per_ns=loss, dephasing_per_ps=gamma
    )
    assert 0.0 <= eta <= 1.0


@given(seed=st.integers(0, 10_000), n=st.integers(2, 7), gamma=st.floats(0, 20))
def test_efficiency_rises_with_time_and_is_zero_without_trap(seed, n, gamma):
    h = _random_network(seed, n)
    times = np.linspace(0.0, 5.0, 11)
    sink = T.site_populations(h, times, sink_site=n, trap_rate_per_ps=1.0, dephasing_per_ps=gamma).sink
    assert np.all(np.diff(sink) >= -1e-9)
    assert sink[-1] <= T.transport_efficiency(h, sink_site=n, dephasing_per_ps=gamma) + 1e-9
    assert T.transport_efficiency(h, sink_site=n, trap_rate_per_ps=0.0, dephasing_per_ps=gamma) == 0.0


@given(seed=st.integers(0, 10_000), n=st.integers(2, 9), gamma=st.floats(0.01, 100))
def test_no_loss_delivers_everything(seed, n, gamma):
    h = _random_network(seed, n)
    eta = T.transport_efficiency(h, sink_site=n, loss_rate_per_ns=0.0, dephasing_per_ps=gamma)
    assert eta == pytest.approx(1.0, abs=1e-7)


# --- bad input -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bad, error, words",
    [
        (np.array([[0.0, 1.0], [2.0, 0.0]]), ValueError, "symmetric"),
        (np.zeros((2, 3)), ValueError, "square"),
        (np.array([[0.0, np.nan], [np.nan, 0.0]]), ValueError, "finite"),
        (np.zeros((501, 501)), ValueError, "at most 500"),
        ("FMO", TypeError, "hamiltonian_cm"),
        (None, TypeError, "hamiltonian_cm"),
    ],
)
def test_bad_hamiltonian(bad, error, words):
    with pytest.raises(error, match=words):
        T.transport_efficiency(bad, sink_site=1)


def test_size_refused_before_allocation():
    class Huge:
        shape = (10**6, 10**6)

        def __array__(self, *a, **k):  # would allocate terabytes
            raise AssertionError("allocated")

    with pytest.raises(ValueError, match="at most"):
        T.transport_efficiency(Huge())
    with pytest.raises(ValueError, match="n_sites must be"):
        T.chain_hamiltonian(10**7)


@pytest.mark.parametrize(
    "kwargs, error, words",
    [
        ({"initial_site": 0}, ValueError, "initial_site"),
        ({"sink_site": 8}, ValueError, "sink_site"),
        ({"sink_site": None}, TypeError, "sink_site"),
        ({"sink_site": 2.5}, TypeError, "sink_site"),
        ({"trap_rate_per_ps": -1.0}, ValueError, "trap_rate_per_ps"),
        ({"loss_rate_per_ns": float("inf")}, ValueError, "loss_rate_per_ns"),
        ({"dephasing_per_ps": -0.1}, ValueError, "dephasing_per_ps"),
        ({"dephasing_per_ps": float("nan")}, ValueError, "dephasing_per_ps"),
        ({"dephasing_per_ps": [1.0, 2.0]}, ValueError, "one rate per site"),
        ({"dephasing_per_ps": [1.0] * 6 + [-1.0]}, ValueError, "dephasing_per_ps"),
        ({"time_ps": -1.0}, ValueError, "time_ps"),
        ({"time_ps": float("nan")}, ValueError, "time_ps"),
        ({"trap_rate_per_ps": True}, TypeError, "trap_rate_per_ps"),
    ],
)
def test_bad_parameters(kwargs, error, words):
    with pytest.raises(error, match=words):
        T.transport_efficiency(FMO, **kwargs)


def test_bad_walk_and_network_input():
    with pytest.raises(TypeError, match="rng"):
        T.chain_hamiltonian(5, disorder_cm=1.0)
    with pytest.raises(ValueError, match="disorder_cm"):
        T.chain_hamiltonian(5, disorder_cm=-1.0, rng=np.random.default_rng())
    with pytest.raises(ValueError, match="n_sites"):
        T.ring_hamiltonian(2)
    with pytest.raises(ValueError, match="lam"):
        T.pst_couplings(5, lam=0.0)
    with pytest.raises(ValueError, match="times"):
        T.quantum_walk_probabilities(T.chain_hamiltonian(3), [-1.0], start_site=1)
    with pytest.raises(ValueError, match="times_ps"):
        T.site_populations(FMO, [np.inf])
    with pytest.raises(ValueError, match="dephasing_values_per_ps"):
        T.efficiency_curve(FMO, [0.1, -2.0])
    with pytest.raises(ValueError, match="at most 60 sites"):
        T.site_populations(T.chain_hamiltonian(61), [1.0], dephasing_per_ps=1.0)


def test_lesson_helpers():
    for kind in T.NETWORKS:
        h, start, sink = T.example_network(kind, 9, disorder_cm=30.0, seed=2)
        assert np.allclose(h, h.T) and 1 <= start <= h.shape[0] and 1 <= sink <= h.shape[0]
    pst, _, _ = T.example_network("PST chain", 10)
    assert np.max(np.diag(pst, 1)) == pytest.approx(100.0)
    with pytest.raises(ValueError, match="kind"):
        T.example_network("grid")
    # ordered line: spreading helper reproduces the analytic laws
    s = T.walk_spreading([1.0, 10.0], n_sites=101)
    assert np.allclose(s.msd_quantum, [2.0, 200.0], rtol=1e-9) and np.allclose(s.msd_classical, [2.0, 20.0], rtol=1e-9)
    # arrival vs length: N = 4 equals the worked value within the grid resolution, and it falls with N
    a = T.arrival_vs_length([4, 20, 80], coupling_cm=1.0)
    assert a[0] == pytest.approx(0.9728, abs=2e-3) and a[0] > a[1] > a[2]
    assert T.ballistic_crossing_time_ps(2 * 100 * 0.188365, 100.0) == pytest.approx(1.0, rel=1e-5)
    with pytest.raises(ValueError, match="lengths"):
        T.arrival_vs_length([1, 5])
    with pytest.raises(ValueError, match="disorder"):
        T.walk_spreading([1.0], disorder=-1.0)


def test_lesson03_verdict_words_follow_the_numbers():
    from qedn_lessons.verdicts import lesson03 as V

    assert V.coherent_transport_word(0.0, 0.56) == "contradicted"
    assert V.coherent_transport_word(0.9, 0.9) == "supported"
    assert V.coherent_transport_word(0.3, 0.9) == "partly supported"
    assert V.assisted_transport_word(0.82, 0.995, 0.64) == "partly supported"
    assert V.assisted_transport_word(0.99, 0.995, 0.64) == "supported"
    assert V.assisted_transport_word(0.5, 0.9, 0.895) == "contradicted"


@pytest.mark.parametrize("dephasing_per_ps", [5e4, 5e5])
def test_deep_zeno_regime_agrees_with_the_sparse_liouvillian_solve(dephasing_per_ps):
    # Dephasing ≫ couplings: the spectral method must not lose the O(J²/γ²) jump terms in round-off
    # (it diagonalises H − iγ with the uniform γ removed and added back to the eigenvalues exactly).
    h = T.chain_hamiltonian(4, coupling_cm=30.0)
    model = T._check_model(h, 1, 4, 1.0, 1.0, dephasing_per_ps)
    exact = T._efficiency_liouvillian(model, math.inf)
    eta = T.transport_efficiency(h, initial_site=1, sink_site=4, dephasing_per_ps=dephasing_per_ps)
    assert exact > 1e-4
    assert eta == pytest.approx(exact, rel=1e-6)


# --- efficiency_curve: one eigendecomposition for every uniform γ, batched over γ ----------------


def _curve_reference(h, values, **kw):
    """The per-γ definition of the curve: one transport_efficiency call per rate."""
    return np.array([T.transport_efficiency(h, dephasing_per_ps=float(g), **kw) for g in values])


def _curve_tolerance(h, values, reference, **kw):
    """1e-10, loosened for γ > 10 J by how far the per-γ reference itself is from the direct Liouvillian solve.

    For γ ≫ J the jump system d = d₀ + M·2γ·d cancels 1 − 2γM_kk ≈ (J/γ)²: any spectral implementation then
    carries a round-off of about 1e-16·(γ/J)², larger still for small trap and loss rates. The fast path must be
    within that of the per-γ path, and as close to it as that path is to the direct (sparse LU) Liouvillian solve.
    """
    h = np.asarray(h)
    j = float(np.max(np.abs(h - np.diag(np.diag(h))))) * RAD_PER_PS_PER_CM if h.shape[0] > 1 else 0.0
    model = T._check_model(
        h,
        kw.get("initial_site", 1),
        kw.get("sink_site", 3),
        kw.get("trap_rate_per_ps", 1.0),
        kw.get("loss_rate_per_ns", 1.0),
        0.0,
    )
    tol = np.full(len(values), 1e-10)
    for i, g in enumerate(values):
        if j > 0 and g > 10 * j and kw.get("time_ps", math.inf) == math.inf:
            direct = T._efficiency_liouvillian(
                T._check_model(h, model.initial + 1, model.sink + 1, model.kappa, model.loss * 1e3, float(g)), math.inf
            )
            tol[i] += 2.0 * abs(reference[i] - direct) + 1e-13 * (g / j) ** 2  # the reference may be clipped at 1
    return tol


@given(
    seed=st.integers(0, 10_000),
    n=st.integers(1, 9),
    complex_h=st.booleans(),
    kappa=st.floats(0.05, 10),
    loss=st.floats(0, 100),
)
def test_efficiency_curve_equals_per_rate_efficiency(seed, n, complex_h, kappa, loss):
    rng = np.random.default_rng(seed)
    h = rng.normal(0, 60.0, (n, n)) + (1j * rng.normal(0, 30.0, (n, n)) if complex_h else 0.0)
    h = (h + h.conj().T) / 2
    # γ = 0, a log sweep crossing the deep-Zeno switch (γ > 10³·max|H_jk|, here ~10⁴ ps⁻¹), and a repeated value
    values = np.concatenate([[0.0], np.logspace(-3, 7, 31), [3.0, 0.0]])
    kw = dict(initial_site=int(rng.integers(1, n + 1)), sink_site=int(rng.integers(1, n + 1)), trap_rate_per_ps=kappa)
    kw["loss_rate_per_ns"] = loss
    curve = T.efficiency_curve(h, values, **kw)
    ref = _curve_reference(h, values, **kw)
    assert curve.shape == values.shape and curve.dtype == float
    assert np.all(np.abs(curve - ref) <= _curve_tolerance(h, values, ref, **kw))


def test_efficiency_curve_fmo_worked_value_and_paths():
    values = np.concatenate([[0.0], np.logspace(-3, 4, 22), [2e5, 1e6]])  # the last two are deep Zeno for FMO
    curve = T.efficiency_curve(FMO, values, **PH)
    assert curve[0] == pytest.approx(0.8226, abs=5e-5)  # docs/PHYSICS.md §3
    ref = _curve_reference(FMO, values, **PH)
    assert np.all(np.abs(curve - ref) <= _curve_tolerance(FMO, values, ref, **PH))
    assert np.all(np.abs(curve - ref)[:20] <= 1e-10)  # γ ≤ 100 ps⁻¹ ≈ 5 J
    # finite time: the same per-rate definition
    short = T.efficiency_curve(FMO, [0.0, 1.0, 30.0], time_ps=1.5, **PH)
    assert np.allclose(short, _curve_reference(FMO, [0.0, 1.0, 30.0], time_ps=1.5, **PH), rtol=0, atol=1e-12)
    # larger networks assemble the jump matrices one rate at a time (beyond the batch size): same numbers
    h = T.chain_hamiltonian(45, 80.0, disorder_cm=50.0, rng=np.random.default_rng(4))
    some = np.array([0.0, 0.5, 20.0, 400.0])
    kw = dict(sink_site=45, **PH)
    assert np.allclose(T.efficiency_curve(h, some, **kw), _curve_reference(h, some, **kw), rtol=0, atol=1e-10)
    assert T.efficiency_curve(FMO, [], **PH).shape == (0,)
    assert np.all(T.efficiency_curve(FMO, [0.0, 5.0], trap_rate_per_ps=0.0) == 0.0)


def test_curve_near_the_zeno_switch():
    # Just below γ = 10³ J both spectral implementations sit within ~1e-16 (γ/J)² of the direct Liouvillian solve.
    h = T.chain_hamiltonian(5, 40.0, disorder_cm=80.0, rng=np.random.default_rng(8))
    j = 40.0 * RAD_PER_PS_PER_CM
    values = j * np.array([100.0, 500.0, 999.0])
    curve = T.efficiency_curve(h, values, sink_site=5, **PH)
    for g, eta in zip(values, curve):
        exact = T._efficiency_liouvillian(T._check_model(h, 1, 5, 2.0, 1.0, g), math.inf)
        assert eta == pytest.approx(exact, abs=1e-10 + 1e-14 * (g / j) ** 2)


def _exact_sink_efficiency(h_cm, gamma, *, kappa, loss_per_ns):
    """η(∞) from the Liouvillian solved in exact rational arithmetic (sites 1 → N, no round-off at all)."""
    from fractions import Fraction

    m = T._check_model(h_cm, 1, h_cm.shape[0], kappa, loss_per_ns, 0.0)
    n = m.n
    a = T._liouvillian(m).toarray()
    mat = [[(Fraction(a[r, c].real), Fraction(a[r, c].imag)) for c in range(n * n)] for r in range(n * n)]
    for r in range(n * n):
        if r % (n + 1):  # a uniform γ: −2γ on every coherence, exactly
            mat[r][r] = (mat[r][r][0] - 2 * Fraction(gamma), mat[r][r][1])
    b = [(Fraction(0), Fraction(0))] * (n * n)
    b[0] = (Fraction(-1), Fraction(0))

    def mul(x, y):
        return (x[0] * y[0] - x[1] * y[1], x[0] * y[1] + x[1] * y[0])

    def div(x, y):
        d = y[0] ** 2 + y[1] ** 2
        return ((x[0] * y[0] + x[1] * y[1]) / d, (x[1] * y[0] - x[0] * y[1]) / d)

    size = n * n
    for c in range(size):
        p = next(r for r in range(c, size) if mat[r][c] != (0, 0))
        mat[c], mat[p], b[c], b[p] = mat[p], mat[c], b[p], b[c]
        for r in range(c + 1, size):
            if mat[r][c] != (0, 0):
                f = div(mat[r][c], mat[c][c])
                mat[r] = [(x[0] - y[0], x[1] - y[1]) for x, y in zip(mat[r], [mul(f, e) for e in mat[c]])]
                t = mul(f, b[c])
                b[r] = (b[r][0] - t[0], b[r][1] - t[1])
    x = [None] * size
    for r in range(size - 1, -1, -1):
        s = b[r]
        for c in range(r + 1, size):
            t = mul(mat[r][c], x[c])
            s = (s[0] - t[0], s[1] - t[1])
        x[r] = div(s, mat[r][r])
    return float(m.kappa * x[(n - 1) * (n + 1)][0])


@pytest.mark.parametrize("gamma", [2e4, 3e5, 1e7])
def test_deep_zeno_curve_and_efficiency_are_exact(gamma):
    # Deep Zeno (γ ≫ 10³ J): η ~ J²/γ is small; the dephasing must not enter as −2γ + 2γ on the populations,
    # whose round-off (γ·1e-16) would swamp the trap and loss rates (it did: errors up to 4e-8 before).
    h = T.chain_hamiltonian(3, 20.0)
    exact = _exact_sink_efficiency(h, gamma, kappa=2.0, loss_per_ns=1.0)
    assert T.efficiency_curve(h, [gamma], **PH)[0] == pytest.approx(exact, rel=1e-12, abs=1e-16)
    assert T.transport_efficiency(h, dephasing_per_ps=gamma, **PH) == pytest.approx(exact, rel=1e-12, abs=1e-16)


@pytest.mark.parametrize(
    "kwargs, error, words",
    [
        ({"initial_site": 0}, ValueError, "initial_site must be"),
        ({"sink_site": 8}, ValueError, "sink_site must be"),
        ({"trap_rate_per_ps": -1.0}, ValueError, "trap_rate_per_ps must be"),
        ({"loss_rate_per_ns": float("inf")}, ValueError, "loss_rate_per_ns"),
        ({"time_ps": -1.0}, ValueError, "time_ps must be"),
        ({"time_ps": float("nan")}, ValueError, "time_ps"),
    ],
)
def test_efficiency_curve_bad_parameters_same_message_as_transport_efficiency(kwargs, error, words):
    with pytest.raises(error, match=words) as curve_error:
        T.efficiency_curve(FMO, [0.0, 1.0], **kwargs)
    with pytest.raises(error) as single_error:
        T.transport_efficiency(FMO, dephasing_per_ps=0.0, **kwargs)
    assert str(curve_error.value) == str(single_error.value)
    with pytest.raises(ValueError, match="at most 60 sites for a finite time_ps"):
        T.efficiency_curve(T.chain_hamiltonian(61), [0.0, 1.0], time_ps=1.0)
    with pytest.raises(ValueError, match="hamiltonian_cm must be symmetric"):
        T.efficiency_curve([[0.0, 1.0], [2.0, 0.0]], [1.0])


def _populations_by_expm(h, times, *, initial_site, sink_site, dephasing_per_ps, **kw):
    """Independent reference: the complex sparse Liouvillian, exponentiated afresh at every time (augmented so the
    integrated populations come along), no eigendecomposition, no real coordinates, no stepping."""
    from scipy.linalg import expm

    m = T._check_model(h, initial_site, sink_site, kw["trap_rate_per_ps"], kw["loss_rate_per_ns"], dephasing_per_ps)
    n = m.n
    gen = T._liouvillian(m).toarray()
    aug = np.zeros((n * n + n, n * n + n), complex)
    aug[: n * n, : n * n] = gen
    aug[n * n + np.arange(n), np.arange(n) * (n + 1)] = 1.0
    x0 = np.zeros(n * n + n, complex)
    x0[m.initial * (n + 1)] = 1.0
    out = np.array([expm(aug * t) @ x0 for t in times])
    return out[:, np.arange(n) * (n + 1)].real, out[:, n * n :].real, m


@given(
    seed=st.integers(0, 10_000),
    n=st.integers(2, 6),
    complex_h=st.booleans(),
    gamma=st.floats(1e-3, 500),
    start=st.sampled_from([0.0, 0.0, 0.7]),
    uniform=st.booleans(),
)
def test_populations_with_dephasing_match_a_fresh_exponential_per_time(seed, n, complex_h, gamma, start, uniform):
    rng = np.random.default_rng(seed)
    h = rng.normal(0, 60.0, (n, n)) + (1j * rng.normal(0, 30.0, (n, n)) if complex_h else 0.0)
    h = (h + h.conj().T) / 2
    times = start + np.linspace(0.0, 2.0, 9)  # a uniform grid takes the stepped-propagator path
    if not uniform:
        times = np.sort(start + rng.uniform(0.0, 2.0, 6))  # any other grid takes the eigendecomposition path
    kw = dict(initial_site=int(rng.integers(1, n + 1)), sink_site=int(rng.integers(1, n + 1)))
    kw |= dict(trap_rate_per_ps=1.5, loss_rate_per_ns=3.0, dephasing_per_ps=gamma)
    curves = T.site_populations(h, times, **kw)
    pops, integ, m = _populations_by_expm(h, times, **kw)
    assert np.allclose(curves.sites, np.clip(pops, 0, 1), atol=1e-9)
    assert np.allclose(curves.sink, m.kappa * integ[:, m.sink], atol=1e-9)
    assert np.allclose(curves.lost, m.loss * integ.sum(axis=1), atol=1e-9)
