"""Exercises of lesson 08 (quantum security): the eavesdropping threshold, the Shor–Preskill key
fraction, how long a key takes over a long fibre, what dark counts cost in reach, and what QKD
protects.

Mistake detectors catch what learners do in class: giving the QBER threshold where the attack
fraction is asked, counting only the error-correction cost h(Q), natural logarithms in the entropy,
pulses instead of seconds, and thinking a quantum channel guards the power itself.
"""

from __future__ import annotations

import math

from qedn_lessons.exercises.core import Exercise, as_real, choice, near, number, register

# --- 08.eve_threshold: how much can Eve intercept before the alarm? ---------------------------------


def _eve_threshold_solution():
    from qedn_lessons.qkd import SHOR_PRESKILL_THRESHOLD

    # intercept-resend on a fraction f of the pulses gives QBER = f/4 on a perfect link;
    # no key can be distilled once the QBER reaches 0.110028, so f/4 = 0.110028
    return 4.0 * SHOR_PRESKILL_THRESHOLD


def _eve_threshold_mistakes(answer, expected):
    q = expected / 4.0
    if near(answer, q):
        return "That is the QBER at which the key vanishes; the question asks for Eve's fraction f, and QBER = f/4."
    if near(answer, 2.0 * q):
        return "QBER = f/4, not f/2: Eve picks the wrong basis half the time, and only then is Bob's bit wrong half the time."
    if near(answer, q / 4.0):
        return "You divided by 4; the QBER is f/4, so f = 4 × QBER."
    if near(answer, 0.25):
        return "0.25 is the QBER when Eve intercepts everything; here we want the f at which the QBER reaches 0.110028."
    return None


register(
    Exercise(
        key="08.eve_threshold",
        title="Largest intercept-resend fraction that still leaves a key (perfect link)",
        solution=_eve_threshold_solution,
        judge=number(notation="f*", rel=1e-3),
        hint="On a perfect link the QBER is f/4. Set it equal to the threshold 0.110028 (qkd.SHOR_PRESKILL_THRESHOLD).",
        mistakes=(_eve_threshold_mistakes,),
        wrong_examples=(0.110028, 0.220056, 0.25, 0.027507),
    )
)


# --- 08.key_fraction: secret bits per sifted bit at 5 % errors ---------------------------------------


def _key_fraction_solution():
    import math

    q = 0.05
    h = -q * math.log2(q) - (1 - q) * math.log2(1 - q)  # binary entropy in bits
    return 1 - 2 * h  # Shor–Preskill: h(Q) for error correction, h(Q) for privacy amplification


def _key_fraction_mistakes(answer, expected):
    q = 0.05
    h2 = -q * math.log2(q) - (1 - q) * math.log2(1 - q)
    h_nat = -q * math.log(q) - (1 - q) * math.log(1 - q)
    if near(answer, 1 - h2):
        return (
            "1 − h(Q) pays only for error correction. Privacy amplification must also remove what Eve may know "
            "(another h(Q) in BB84): 1 − 2h(Q)."
        )
    if near(answer, 1 - 2 * h_nat):
        return "You used the natural logarithm; the entropy is in bits, so use log₂ (math.log2)."
    if near(answer, h2):
        return "That is h(0.05) itself; the key fraction is 1 − 2h(Q)."
    return None


register(
    Exercise(
        key="08.key_fraction",
        title="Secret bits per sifted bit at QBER = 5 %",
        solution=_key_fraction_solution,
        judge=number(notation="1 − 2h(0.05)", rel=1e-3),
        hint="h(Q) = −Q log₂Q − (1 − Q) log₂(1 − Q); the asymptotic BB84 key fraction is 1 − 2h(Q) (Shor–Preskill).",
        mistakes=(_key_fraction_mistakes,),
        wrong_examples=(0.7136, 0.6030, 0.2864),
    )
)


# --- 08.key_time: how long does a 256-bit key take over 200 km? --------------------------------------


def _key_time_solution():
    from qedn_lessons.qkd import bb84_link

    rate_per_pulse = bb84_link(200.0).key_rate_per_pulse  # lesson defaults: 0.2 dB/km, 10 % detector, p_dark 1e-6
    bits_per_second = rate_per_pulse * 1e9  # 1 GHz pulse rate
    return 256 / bits_per_second  # seconds for one 256-bit key


def _key_time_mistakes(answer, expected):
    if near(answer, expected * 1e9, rel=1e-2):
        return "That is the number of pulses Alice must send; divide by the pulse rate (10⁹ per second) to get seconds."
    if near(answer, expected * 1e3, rel=1e-2):
        return "That looks like milliseconds; the question asks for seconds."
    if near(answer, 1.0 / expected, rel=1e-2):
        return "That is keys per second; the question asks for the time one key takes."
    return None


register(
    Exercise(
        key="08.key_time",
        title="Seconds to distil one 256-bit key over 200 km at 1 GHz",
        solution=_key_time_solution,
        judge=number(notation="t_key", unit="s", rel=1e-2),
        hint="qkd.bb84_link(200.0).key_rate_per_pulse gives secret bits per pulse; multiply by 10⁹ pulses per second, "
        "then divide 256 bits by that rate.",
        mistakes=(_key_time_mistakes,),
        wrong_examples=(1.196e8, 119.6, 8.36),
    )
)


# --- 08.dark_counts: what ten times quieter detectors buy ---------------------------------------------


def _dark_counts_solution():
    from qedn_lessons.qkd import max_key_distance_km

    noisy = max_key_distance_km(dark_count_probability=1e-5)
    quiet = max_key_distance_km(dark_count_probability=1e-6)
    return quiet - noisy  # km gained: a factor 10 is 10 dB, i.e. 50 km of 0.2 dB/km fibre


def _dark_counts_mistakes(answer, expected):
    if near(answer, 10.0, rel=1e-2):
        return "A factor 10 in dark counts is 10 dB of loss the link can afford, and at 0.2 dB/km that is more than 10 km."
    v = as_real(answer)
    if v is not None and v < 0:
        return "Quieter detectors let the key reach *farther*: the answer is positive."
    return None


register(
    Exercise(
        key="08.dark_counts",
        title="Extra reach from ten times fewer dark counts",
        solution=_dark_counts_solution,
        judge=number(notation="ΔL_max", unit="km", rel=1e-2),
        hint="Compare qkd.max_key_distance_km(dark_count_probability=1e-5) and (…=1e-6). Why is the difference close "
        "to a round number? Think in dB.",
        mistakes=(_dark_counts_mistakes,),
        wrong_examples=(10.0, -50.0, 500.0),
    )
)


# --- 08.protects: what a quantum channel can secure in an energy grid --------------------------------


def _protects_solution():
    return "the control messages"


register(
    Exercise(
        key="08.protects",
        title="What can QKD protect in an energy grid?",
        solution=_protects_solution,
        judge=choice(
            notation="what QKD protects",
            options=("the power flow", "the control messages", "both the power flow and the control messages"),
            reasons={
                "the power flow": (
                    "QKD makes a shared secret key, and a key encrypts *data*. A GHz stream of single "
                    "1550 nm photons carries at most about 10⁻¹⁰ W (10⁹ × 1.3×10⁻¹⁹ J per second); "
                    "the power in a line never passes through it, so the key cannot guard it."
                ),
                "the control messages": (
                    "QKD does secure messages; does it also guard the power? Think about what the key is used for."
                ),
                "both the power flow and the control messages": (
                    "Half right: the key can encrypt the grid's control and metering messages. The power itself "
                    "flows in wires and transformers that no key touches."
                ),
            },
        ),
        hint="QKD makes a secret key, which encrypts data. Compare the power a stream of single photons carries with "
        "what a transformer or a power line carries.",
        wrong_examples=("the power flow", "both the power flow and the control messages"),
    )
)
