"""The course glossary: one place that defines every term the lessons use.

Each :class:`Term` has a one-line definition, the lesson that introduces it and a source (a paper with
DOI or arXiv id, or a textbook). ``notebooks/glossary.md`` (beside the lessons, so the links work
wherever the notebooks are served) is generated from this module
(``python -m qedn_lessons.glossary --write``) and a test keeps the two equal; the start notebook renders
the same text with :func:`glossary_markdown`, and the static site builds ``glossary.html`` from
:func:`glossary_notebook` (links rewritten by :func:`link_glossary`).

A lesson's first use of a term links to its entry: ``[**ergotropy**](glossary.md#ergotropy)``.
``tests/test_glossary.py`` checks that every **bold** phrase of the lessons' markdown is a term here
(by its name or one of its ``aliases``), except the phrases :func:`is_not_a_term` accepts: numbers and
formulas, exercise titles and paragraph labels ("Predict.", "What it shows."), and the short list
:data:`NOT_TERMS` of emphasised words and interface labels ("Shift + Enter", "every").
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

#: Where the generated glossary lives, relative to the repository root.
GLOSSARY_PATH = Path("notebooks") / "glossary.md"

NIELSEN_CHUANG = (
    "M. A. Nielsen & I. L. Chuang, *Quantum Computation and Quantum Information* (CUP, 2010), doi:10.1017/CBO9780511976667"
)
KRANTZ = "P. Krantz et al., Appl. Phys. Rev. 6, 021318 (2019), doi:10.1063/1.5089550, arXiv:1904.06560"
BREUER = "H.-P. Breuer & F. Petruccione, *The Theory of Open Quantum Systems* (OUP, 2002), ch. 3"
PLENIO_HUELGA = "M. B. Plenio & S. F. Huelga, New J. Phys. 10, 113019 (2008), doi:10.1088/1367-2630/10/11/113019"
GISIN = "N. Gisin et al., Rev. Mod. Phys. 74, 145 (2002), doi:10.1103/RevModPhys.74.145"
PLOB = "S. Pirandola et al., Nat. Commun. 8, 15043 (2017), doi:10.1038/ncomms15043, arXiv:1510.08863"
ALLAHVERDYAN = "A. E. Allahverdyan, R. Balian & Th. M. Nieuwenhuizen, EPL 67, 565 (2004), doi:10.1209/epl/i2004-10101-2"
BINDER = "F. C. Binder et al., New J. Phys. 17, 075015 (2015), doi:10.1088/1367-2630/17/7/075015, arXiv:1503.07005"
HOTTA = "M. Hotta, Phys. Lett. A 374, 3416 (2010), arXiv:1002.0200"
SHOR_PRESKILL = "P. W. Shor & J. Preskill, PRL 85, 441 (2000), doi:10.1103/PhysRevLett.85.441"
ASHCROFT = "N. W. Ashcroft & N. D. Mermin, *Solid State Physics* (Saunders, 1976), ch. 34"
COURSE = "this course's claim ledger (`qedn_lessons/claims.py`), defined in lesson 00"


@dataclass(frozen=True)
class Term:
    """One glossary entry."""

    term: str
    anchor: str  # the link target: notebooks/glossary.md#<anchor>
    definition: str  # one line
    lesson: int  # the lesson that introduces it
    source: str  # paper (DOI/arXiv) or textbook
    aliases: tuple[str, ...] = ()


TERMS: tuple[Term, ...] = (
    Term(
        "amplitude damping",
        "amplitude-damping",
        "Energy relaxation as a quantum channel: the excited state decays to the ground state at rate 1/T1.",
        4,
        NIELSEN_CHUANG + ", §8.3.5",
    ),
    Term(
        "Anderson localisation",
        "anderson-localisation",
        "In a disordered chain, interference confines a coherent excitation near where it started; it stops spreading.",
        3,
        "P. W. Anderson, Phys. Rev. 109, 1492 (1958), doi:10.1103/PhysRev.109.1492",
    ),
    Term(
        "ballistic transport",
        "ballistic-transport",
        "Coherent spreading whose front moves at a constant speed, distance ∝ time.",
        3,
        "A. M. Childs, E. Farhi & S. Gutmann, Quantum Inf. Process. 1, 35 (2002), arXiv:quant-ph/0103020",
        ("ballistically", "ballistic"),
    ),
    Term(
        "Born rule",
        "born-rule",
        "A measurement gives outcome k with probability ⟨ψ|P_k|ψ⟩ (Tr ρP_k for a mixed state), P_k the projector on k.",
        7,
        NIELSEN_CHUANG + ", §2.2.3",
    ),
    Term(
        "Bose–Einstein condensate",
        "bose-einstein-condensate",
        "A gas of bosonic atoms cooled below a critical temperature, with most atoms in one state and one phase.",
        2,
        "D. C. Aveline et al., Nature 582, 193 (2020), doi:10.1038/s41586-020-2346-1",
        ("Bose-Einstein condensate", "BEC"),
    ),
    Term(
        "CHSH inequality",
        "chsh",
        "A Bell test: for local hidden variables |S| ≤ 2; quantum pairs reach 2√2 (Tsirelson's bound).",
        4,
        "J. F. Clauser, M. A. Horne, A. Shimony & R. A. Holt, PRL 23, 880 (1969), doi:10.1103/PhysRevLett.23.880",
        ("CHSH", "CHSH value"),
    ),
    Term(
        "cm⁻¹ (wavenumber as an energy unit)",
        "cm-1",
        "Spectroscopy's energy unit: E = hc·ν̃, so 1 cm⁻¹ = 1.986×10⁻²³ J ≈ 0.124 meV, an angular frequency of 0.188 ps⁻¹.",
        3,
        "CODATA values of h and c (SI, exact since 2019), as in `scipy.constants`",
        ("cm⁻¹", "wavenumber"),
    ),
    Term(
        "coherence",
        "coherence",
        "The off-diagonal element ρ₀₁ of a density matrix: the definite phase between the parts of a superposition.",
        1,
        NIELSEN_CHUANG + ", §2.4",
        ("coherent",),
    ),
    Term(
        "collective charging",
        "collective-charging",
        "Charging N battery cells through one shared charger (a common cavity mode), which can entangle them.",
        6,
        "D. Ferraro et al., PRL 120, 117702 (2018), arXiv:1707.04930",
        ("collective",),
    ),
    Term(
        "concurrence",
        "concurrence",
        "An entanglement measure of two qubits, from 0 (separable) to 1 (a Bell state).",
        4,
        "W. K. Wootters, PRL 80, 2245 (1998), doi:10.1103/PhysRevLett.80.2245",
    ),
    Term(
        "correlations",
        "correlations",
        "Outcomes at two places that are statistically related; correlations alone carry no signal and no energy.",
        4,
        NIELSEN_CHUANG + ", §2.6",
        ("correlation",),
    ),
    Term(
        "dark count",
        "dark-count",
        "A detector click with no photon present; it carries a random bit.",
        8,
        GISIN,
        ("dark counts",),
    ),
    Term(
        "dephasing",
        "dephasing",
        "Loss of coherence without loss of energy; in this course a dephasing rate γ is the decay rate of |ρ_ij|.",
        1,
        BREUER,
        ("pure dephasing",),
    ),
    Term(
        "diffusive transport",
        "diffusive-transport",
        "Random-walk spreading, distance ∝ √time, as when strong dephasing destroys coherence.",
        3,
        PLENIO_HUELGA,
        ("diffusively", "diffusive"),
    ),
    Term(
        "ebit",
        "ebit",
        "One unit of entanglement: one maximally entangled pair of qubits (a Bell pair).",
        5,
        "C. H. Bennett et al., PRA 54, 3824 (1996), doi:10.1103/PhysRevA.54.3824",
        ("ebits",),
    ),
    Term(
        "energy relaxation",
        "energy-relaxation",
        "Decay of an excited state to the ground state by giving its energy to the environment, at rate 1/T1.",
        1,
        KRANTZ,
    ),
    Term(
        "entanglement sudden death",
        "entanglement-sudden-death",
        "Entanglement of two qubits that vanishes completely at a finite time, while each qubit decays only exponentially.",
        4,
        "T. Yu & J. H. Eberly, Science 323, 598 (2009), doi:10.1126/science.1167343",
    ),
    Term(
        "entanglement swapping",
        "entanglement-swapping",
        "A Bell measurement on B's two qubits turns pairs A–B and B–C into one pair A–C.",
        5,
        "M. Żukowski et al., PRL 71, 4287 (1993), doi:10.1103/PhysRevLett.71.4287",
    ),
    Term(
        "environment-assisted transport",
        "environment-assisted-transport",
        "Moderate dephasing speeds delivery in a disordered network by breaking up localisation.",
        3,
        PLENIO_HUELGA + "; P. Rebentrost et al., New J. Phys. 11, 033003 (2009), arXiv:0807.0929",
        ("dephasing-assisted transport", "noise-assisted transport"),
    ),
    Term(
        "ergotropy",
        "ergotropy",
        "The most work a unitary (reversible) operation can extract from a state: ⟨H⟩ minus the energy of its passive state.",
        6,
        ALLAHVERDYAN,
        ("daemonic ergotropy",),
    ),
    Term(
        "femtosecond, picosecond (fs, ps)",
        "fs-ps",
        "10⁻¹⁵ s and 10⁻¹² s, the time scales of exciton transfer in light-harvesting complexes.",
        3,
        "BIPM, *The International System of Units* (SI Brochure, 9th ed., 2019)",
        ("fs", "ps"),
    ),
    Term(
        "fidelity",
        "fidelity",
        "F = ⟨Ψ|ρ|Ψ⟩, the overlap of a state ρ with the pure state Ψ it should be; 1 means perfect.",
        5,
        NIELSEN_CHUANG + ", §9.2.2",
    ),
    Term(
        "GHZ state",
        "ghz-state",
        "(|0…0⟩ + |1…1⟩)/√2: one superposition of N qubits all 0 and all 1; its coherence decays N (or N²) times faster.",
        2,
        "T. Monz et al., PRL 106, 130506 (2011), arXiv:1009.6126",
        ("GHZ",),
    ),
    Term(
        "global charging",
        "global-charging",
        "A charging operation acting on all cells at once, e.g. coupling |0…0⟩ directly to |1…1⟩.",
        6,
        BINDER,
        ("global", "global operation", "global operations"),
    ),
    Term(
        "intercept-resend attack",
        "intercept-resend",
        "Eve measures each photon in a random basis and sends on what she found; it causes a QBER of 25 %.",
        8,
        GISIN,
        ("intercept-resend",),
    ),
    Term(
        "light-harvesting complex",
        "light-harvesting-complex",
        "A pigment–protein complex that captures light and passes the excitation to a reaction centre (e.g. FMO).",
        3,
        "J. Adolphs & T. Renger, Biophys. J. 91, 2778 (2006), doi:10.1529/biophysj.105.079483",
        ("light harvesting", "light-harvesting proteins", "FMO complex"),
    ),
    Term(
        "Lindblad equation",
        "lindblad",
        "dρ/dt = −i[H, ρ] + Σ_k (L_k ρ L_k† − ½{L_k†L_k, ρ}): the general Markovian equation of an open quantum system.",
        1,
        "G. Lindblad, Commun. Math. Phys. 48, 119 (1976), doi:10.1007/BF01608499; " + BREUER,
        ("Lindblad", "Lindblad evolution", "master equation"),
    ),
    Term(
        "loss (sink)",
        "loss",
        "In the transport model, an irreversible decay of the excitation (e.g. the 1 ns exciton lifetime).",
        3,
        PLENIO_HUELGA,
        ("loss",),
    ),
    Term(
        "maximum distance",
        "maximum-distance",
        "The fibre length at which a QKD link's key rate reaches zero, when dark counts push the QBER past threshold.",
        8,
        GISIN,
    ),
    Term(
        "meter",
        "meter",
        "The apparatus that couples to a system to measure it; the energy a measurement changes is supplied by it.",
        7,
        NIELSEN_CHUANG + ", §2.2",
    ),
    Term(
        "negativity",
        "negativity",
        "N = (‖ρ^{T_A}‖₁ − 1)/2, an entanglement measure from the partial transpose; > 0 means entangled for two qubits.",
        4,
        "G. Vidal & R. F. Werner, PRA 65, 032314 (2002), doi:10.1103/PhysRevA.65.032314",
    ),
    Term(
        "parallel charging",
        "parallel-charging",
        "Charging each battery cell with its own charger, independently of the others.",
        6,
        BINDER,
        ("parallel",),
    ),
    Term(
        "PLOB bound",
        "plob-bound",
        "−log₂(1 − η): the most ebits or secret bits per use any protocol without repeaters gets over a pure-loss channel of transmissivity η.",
        5,
        PLOB,
        ("PLOB",),
    ),
    Term(
        "privacy amplification",
        "privacy-amplification",
        "Shrinking a partly known key (by hashing) until an eavesdropper's information about it is negligible.",
        8,
        SHOR_PRESKILL,
    ),
    Term(
        "purification (entanglement distillation)",
        "purification",
        "Consuming noisy entangled pairs, with local operations and messages, to keep fewer pairs of higher fidelity.",
        2,
        "C. H. Bennett et al., PRL 76, 722 (1996), doi:10.1103/PhysRevLett.76.722",
        ("purification", "entanglement purification"),
    ),
    Term(
        "quantum battery",
        "quantum-battery",
        "A quantum system used to store energy and release it as work; its charging speed, not its capacity, can gain.",
        6,
        BINDER,
        ("quantum batteries",),
    ),
    Term(
        "quantum bit error rate (QBER)",
        "qber",
        "The fraction of sifted key bits on which Alice and Bob disagree.",
        8,
        GISIN,
        ("quantum bit error rate", "QBER"),
    ),
    Term(
        "quantum energy teleportation",
        "qet",
        "A measurement at A plus a classical message lets B extract energy locally, less than A's measurement injected.",
        7,
        HOTTA,
        ("QET",),
    ),
    Term(
        "quantum key distribution (QKD)",
        "qkd",
        "Growing a shared secret key from quantum states, so that eavesdropping causes detectable errors.",
        8,
        "C. H. Bennett & G. Brassard, Theor. Comput. Sci. 560, 7 (2014), doi:10.1016/j.tcs.2014.05.025",
        ("quantum key distribution", "QKD"),
    ),
    Term(
        "quantum repeater",
        "quantum-repeater",
        "A chain of stations with quantum memories that joins short entangled links by swapping (and purification).",
        5,
        "H.-J. Briegel et al., PRL 81, 5932 (1998), doi:10.1103/PhysRevLett.81.5932",
        ("quantum repeaters",),
    ),
    Term(
        "reduced state",
        "reduced-state",
        "The state of one part of a system, ρ_A = Tr_B ρ: everything measurements on A alone can reveal.",
        4,
        NIELSEN_CHUANG + ", §2.4.3",
        ("reduced density matrix",),
    ),
    Term("sifting", "sifting", "In BB84, keeping only the bits where Alice and Bob used the same basis.", 8, GISIN),
    Term(
        "superconductivity",
        "superconductivity",
        "A macroscopic quantum state of electrons in which direct current flows without resistance, below a critical temperature.",
        9,
        ASHCROFT,
        ("superconducting cables", "superconducting cable", "superconductor"),
    ),
    Term(
        "superposition",
        "superposition",
        "A state α|0⟩ + β|1⟩ that is a definite state but not a definite value of the measured quantity.",
        1,
        NIELSEN_CHUANG + ", §1.2",
    ),
    Term(
        "survival probability",
        "survival-probability",
        "The probability that a system is still found in its initial state after a time t (Zeno effect: it rises with frequent measurement).",
        7,
        "W. M. Itano et al., PRA 41, 2295 (1990), doi:10.1103/PhysRevA.41.2295",
    ),
    Term("T1", "t1", "Energy relaxation time: the excited population decays as e^(−t/T1).", 1, KRANTZ),
    Term("T2", "t2", "Coherence time: |ρ₀₁| decays as e^(−t/T2), with 1/T2 = 1/(2T1) + 1/Tφ, so T2 ≤ 2T1.", 1, KRANTZ),
    Term(
        "T2*",
        "t2-star",
        "Coherence time including slow (quasi-static) detuning noise, as measured by Ramsey fringes; a Hahn echo removes the slow part.",
        1,
        KRANTZ,
        ("T2\\*",),
    ),
    Term(
        "Tφ", "t-phi", "Pure dephasing time: the part of T2 that costs no energy, 1/Tφ = 1/T2 − 1/(2T1).", 1, KRANTZ, ("T_phi",)
    ),
    Term(
        "thermal occupation n̄",
        "thermal-occupation",
        "n̄ = 1/(e^(hf/k_BT) − 1), the mean number of thermal quanta in a mode of frequency f at temperature T.",
        1,
        "Bose–Einstein statistics; " + KRANTZ,
        ("thermal occupation",),
    ),
    Term(
        "transition probability",
        "transition-probability",
        "The probability that a system has left its initial state for another after a time t.",
        7,
        "B. Misra & E. C. G. Sudarshan, J. Math. Phys. 18, 756 (1977), doi:10.1063/1.523304",
    ),
    Term(
        "trap (sink)",
        "trap",
        "In the transport model, the site that irreversibly takes the excitation (the reaction centre); η is the share trapped.",
        3,
        PLENIO_HUELGA,
        ("trap",),
    ),
    Term(
        "trusted relay",
        "trusted-relay",
        "A station that terminates one QKD link and starts the next; the key exists there in the clear.",
        8,
        "Y.-A. Chen et al., Nature 589, 214 (2021), doi:10.1038/s41586-020-03093-8",
        ("trusted relays", "trusted node"),
    ),
    Term(
        "twin-field QKD",
        "twin-field-qkd",
        "QKD in which both ends send pulses to an untrusted middle station; its rate scales as √η and can beat PLOB.",
        8,
        "M. Lucamarini et al., Nature 557, 400 (2018), doi:10.1038/s41586-018-0066-6",
        ("Twin-field QKD",),
    ),
    Term(
        "verdict",
        "verdict",
        "The course's computed judgement of a claim: supported, partly supported, contradicted or unsupported.",
        0,
        COURSE,
        ("supported", "partly supported", "contradicted", "unsupported"),
    ),
    Term(
        "Werner state",
        "werner-state",
        "p|Ψ⁻⟩⟨Ψ⁻| + (1 − p)I/4: a Bell state mixed with white noise; entangled for p > 1/3.",
        4,
        "R. F. Werner, PRA 40, 4277 (1989), doi:10.1103/PhysRevA.40.4277",
        ("Werner states",),
    ),
    Term(
        "X basis, Z basis",
        "bases",
        "The two BB84 bases: Z = {|0⟩, |1⟩}, X = {|+⟩, |−⟩}; a measurement in the wrong one gives a random bit.",
        8,
        "C. H. Bennett & G. Brassard, Theor. Comput. Sci. 560, 7 (2014), doi:10.1016/j.tcs.2014.05.025",
        ("X basis", "Z basis"),
    ),
)

#: Bold phrases of the lessons that are not terms: interface labels, emphasis of ordinary words and
#: list or paragraph labels. Numbers, formulas, exercise titles and labels ending in ".", "?" or ":"
#: are recognised by :func:`is_not_a_term` without being listed.
NOT_TERMS: frozenset[str] = frozenset(
    {
        # lesson 00: how to use the kit
        "test each of its claims with simulations of real physics",
        "Run a cell",
        "Shift + Enter",
        "Widgets",
        "Legend",
        "Predict",
        "Exercises",
        "Hint",
        "Claim check",
        "Self-test",
        "temporary",
        "File → Download",
        "Find your way",
        "Glossary",
        "Commit my prediction",
        "Your progress",
        # front-matter table headings
        "Questions",
        "Objectives",
        "Prerequisites",
        "Time",
        # emphasis of ordinary words
        "assumed",
        "not",
        "every",
        "exponentially",
        "data",
        "seconds",
        "no energy",
        "who pays for it",
        "one quarter",
        "kilowatts per home",
        "0 or 1 quantum",
        # lesson 09: headings of its lists
        "Real today",
        "Open research questions",
        "Quantum key distribution for grid communications",
        "Quantum sensors for batteries",
        "Optimisation of energy systems",
    }
)

_FORMULA = re.compile(r"[0-9=^≈±√→|]")


def _normalise(phrase: str) -> str:
    return " ".join(phrase.replace("\\", "").split()).casefold()


def is_not_a_term(phrase: str) -> bool:
    """True for a bold phrase that needs no glossary entry: listed in :data:`NOT_TERMS`, a number or a
    formula (contains a digit or one of = ^ ≈ ± √ → |), an exercise title, or a paragraph label ending
    in ".", "?" or ":"."""
    text = " ".join(phrase.split())
    return text in NOT_TERMS or bool(_FORMULA.search(text)) or text.startswith("Exercise") or text.endswith((".", "?", ":"))


def lookup(phrase: str) -> Term | None:
    """The entry whose term or alias is ``phrase`` (case, spacing and markdown escapes ignored)."""
    if not isinstance(phrase, str):
        raise TypeError(f"phrase must be a string, got {type(phrase).__name__}")
    key = _normalise(phrase)
    for entry in TERMS:
        if key in {_normalise(entry.term), *(_normalise(a) for a in entry.aliases)}:
            return entry
    return None


def _lesson_link(lesson: int, notebook_prefix: str) -> str:
    from qedn_lessons.claims import NOTEBOOKS

    return f"[lesson {lesson:02d}]({notebook_prefix}{NOTEBOOKS[lesson]})"


def glossary_markdown(notebook_prefix: str = "") -> str:
    """The glossary as markdown, alphabetical, one paragraph per term with an anchor to link to.

    ``notebook_prefix`` is prepended to the lesson links (``""``: the glossary sits beside the lessons)."""
    if not isinstance(notebook_prefix, str):
        raise TypeError(f"notebook_prefix must be a string, got {type(notebook_prefix).__name__}")
    lines = [
        "# Glossary",
        "",
        "Every term the lessons use, with a one-line definition, the lesson that introduces it and a source.",
        "Generated from `qedn_lessons/glossary.py` (`python -m qedn_lessons.glossary --write`); edit that file, not this one.",
        "",
    ]
    for entry in sorted(TERMS, key=lambda t: _normalise(t.term)):
        term = entry.term.replace("*", "\\*")
        lines.append(
            f'<a id="{entry.anchor}" name="{entry.anchor}"></a>**{term}** — {entry.definition} '
            f"*Introduced in* {_lesson_link(entry.lesson, notebook_prefix)}. *Source:* {entry.source}."
        )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def term_link(phrase: str, glossary_path: str = "glossary.md") -> str:
    """The link target of ``phrase``'s entry, e.g. ``glossary.md#ergotropy``."""
    entry = lookup(phrase)
    if entry is None:
        raise ValueError(f"phrase must be a glossary term or alias, got {phrase!r}")
    return f"{glossary_path}#{entry.anchor}"


_GLOSSARY_HREF = re.compile(r'href="(?:\.\./docs/)?glossary\.md(#[^"]*)?"')


def link_glossary(page_html: str, page: str = "glossary.html") -> str:
    """For the static site: links to ``glossary.md`` point at the built glossary page."""
    return _GLOSSARY_HREF.sub(lambda m: f'href="{page}{m.group(1) or ""}"', page_html)


def glossary_notebook():
    """A one-cell notebook holding the glossary, for the static site (lesson links point at pages)."""
    from nbformat.v4 import new_markdown_cell, new_notebook

    return new_notebook(
        cells=[new_markdown_cell(glossary_markdown(notebook_prefix=""))],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    )


def main(argv: list[str]) -> int:
    """``python -m qedn_lessons.glossary [--write]``: print the glossary, or write notebooks/glossary.md."""
    text = glossary_markdown()
    if argv == ["--write"]:
        root = Path(__file__).resolve().parent.parent
        (root / GLOSSARY_PATH).write_text(text, encoding="utf-8")
        print(f"wrote {GLOSSARY_PATH}")
    elif argv:
        print(main.__doc__)
        return 2
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
