"""Predictions committed before a reveal, and compared after it.

A lesson's **Predict** question gets a small control that records the learner's guess in the progress
file (:mod:`qedn_lessons.progress`) *before* the cell that computes the answer; the reveal cell then
says "you predicted …; the simulation gives …". In a notebook::

    from qedn_lessons.predict import predict, reveal
    predict("04.bob_reduced", ["|0⟩", "|+⟩", "a fair coin"])      # radio buttons + "Commit"
    predict("05.photons_1000km", "number", unit="photons")       # a number box + "Commit"
    ...
    reveal("04.bob_reduced", "a fair coin")   # after the computing cell: "You predicted …; the simulation gives …"

Without widgets (a script, a plain console, a test) give the guess as an argument:
``predict("04.bob_reduced", [...], guess="a fair coin")`` records it at once.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence
from typing import Any

from qedn_lessons import progress

NUMBER = "number"
LEGEND = (
    "Legend: pick the answer you expect (or type a number), then press “Commit my prediction”. "
    "Your guess is saved in your progress file; the reveal cell after the computation compares it "
    "with the result. Run the cell again to change your mind before the reveal."
)


def _validate(key: Any, options: Any) -> tuple[str, tuple[str, ...] | None]:
    if not isinstance(key, str) or len(key) < 4 or not key[:2].isdigit() or key[2] != ".":
        raise ValueError(f"key must look like '04.bob_reduced' (two-digit lesson, a dot, a name), got {key!r}")
    if options == NUMBER:
        return key, None
    if (
        isinstance(options, str)
        or not isinstance(options, Sequence)
        or len(options) < 2
        or not all(isinstance(o, str) and o.strip() for o in options)
    ):
        raise ValueError(f"options must be 'number' or a list of at least two texts, got {options!r}")
    if len({o.strip().lower() for o in options}) != len(options):
        raise ValueError(f"options must be different from one another, got {list(options)!r}")
    return key, tuple(options)


def _normalise(guess: Any, choices: tuple[str, ...] | None) -> str | float:
    if choices is None:
        if isinstance(guess, bool) or not isinstance(guess, numbers.Real) or not math.isfinite(float(guess)):
            raise ValueError(f"guess must be a finite number for a numeric prediction, got {guess!r}")
        return float(guess)
    if isinstance(guess, str):
        for option in choices:
            if option.strip().lower() == guess.strip().lower():
                return option
    raise ValueError(f"guess must be one of {list(choices)}, got {guess!r}")


def _show(value: Any, unit: str = "") -> str:
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return f"{float(value):.3g}" + (f" {unit}" if unit else "")
    return f"“{value}”"


def commit(key: str, options: Sequence[str] | str, guess: Any) -> str | float:
    """Record ``guess`` as the prediction for ``key`` (validated against ``options``); return it."""
    key, choices = _validate(key, options)
    value = _normalise(guess, choices)
    progress.record_prediction(key, value)
    return value


def predict(
    key: str, options: Sequence[str] | str, *, guess: Any = None, unit: str = "", description: str = "My prediction:"
) -> Any:
    """A control that commits the learner's prediction for ``key`` before the reveal.

    ``options`` is a list of answers (radio buttons) or ``"number"`` (a number box, in ``unit``).
    With ``guess`` the prediction is recorded at once and nothing is displayed (no widgets needed);
    otherwise an ipywidgets box is returned for the notebook to display.
    """
    key, choices = _validate(key, options)
    if not isinstance(unit, str):
        raise TypeError(f"unit must be a string, got {unit!r}")
    if guess is not None:
        value = commit(key, options, guess)
        print(f"Recorded your prediction for {key}: {_show(value, unit)}.")
        return None

    import ipywidgets as widgets

    previous = progress.prediction(key)
    if choices is None:
        field = widgets.FloatText(
            value=previous if isinstance(previous, float) else None,
            description=description,
            style={"description_width": "initial"},
        )
        if unit:
            field.description = f"{description} ({unit})"
    else:
        field = widgets.RadioButtons(
            options=list(choices),
            value=previous if previous in choices else None,
            description=description,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="max-content"),
        )
    button = widgets.Button(
        description="Commit my prediction",
        button_style="primary",
        icon="check",
        tooltip="Save your guess before running the next cell",
    )
    status = widgets.HTML(
        value=(
            f"Already recorded: {_show(previous, unit)} (commit again to change it)."
            if previous is not None
            else "Not recorded yet."
        )
    )
    legend = widgets.HTML(value=f"<small>{LEGEND}</small>")

    def on_commit(_button: Any) -> None:
        if field.value is None:
            status.value = "Pick an answer first." if choices is not None else "Type a number first."
            return
        try:
            value = commit(key, options, field.value)
        except ValueError as exc:
            status.value = f"Not recorded: {exc}"
            return
        status.value = f"✔ Recorded: {_show(value, unit)}. Now run the next cell."

    button.on_click(on_commit)
    box = _control_class()([field, widgets.HBox([button, status]), legend])
    box.static_text = (
        f"Your prediction ({key}): "
        + (" / ".join(choices) if choices is not None else f"a number{f' in {unit}' if unit else ''}")
        + ". In Jupyter or Voila this is a control that records your guess before the reveal."
    )
    box.add_class("qedn-predict")
    box.commit = on_commit  # for tests: press the button without a browser
    box.field = field
    return box


_CONTROL_CLASS: Any = None


def _control_class() -> Any:
    """An ipywidgets VBox that also carries a static text and HTML form: a page without a kernel
    (the static site, which drops live widget views) shows the question's options instead of the
    widget's Python repr."""
    global _CONTROL_CLASS
    if _CONTROL_CLASS is None:
        import html

        import ipywidgets as widgets

        class PredictionControl(widgets.VBox):
            static_text = ""

            def _repr_mimebundle_(self, **kwargs: Any) -> Any:
                bundle = super()._repr_mimebundle_(**kwargs)
                data = bundle[0] if isinstance(bundle, tuple) else bundle
                if isinstance(data, dict):
                    data["text/plain"] = self.static_text
                    data["text/html"] = f'<p class="qedn-predict-static"><em>{html.escape(self.static_text)}</em></p>'
                return bundle

        _CONTROL_CLASS = PredictionControl
    return _CONTROL_CLASS


def reveal(key: str, actual: Any, *, unit: str = "") -> None:
    """Print how the recorded prediction for ``key`` compares with ``actual`` (the computed result)."""
    print(comparison(key, actual, unit=unit))


def comparison(key: str, actual: Any, *, unit: str = "") -> str:
    """The sentence :func:`reveal` prints: "You predicted …; the simulation gives …" and how close."""
    if not isinstance(key, str):
        raise TypeError(f"key must be a prediction key such as '04.bob_reduced', got {key!r}")
    guess = progress.prediction(key)
    result = _show(actual, unit)
    if guess is None:
        sentence = (
            f"You did not commit a prediction for this question; the simulation gives {result}. "
            "Next time, commit your guess first: being surprised is where the learning happens."
        )
    elif isinstance(actual, numbers.Real) and not isinstance(actual, bool) and isinstance(guess, (int, float)):
        sentence = f"You predicted {_show(guess, unit)}; the simulation gives {result}. {_closeness(float(guess), float(actual))}"
    else:
        same = isinstance(guess, str) and isinstance(actual, str) and guess.strip().lower() == actual.strip().lower()
        verdict = "As you predicted." if same else "Not what you predicted: read on to see why."
        sentence = f"You predicted {_show(guess)}; the simulation gives {result}. {verdict}"
    return sentence.rstrip()


def _closeness(guess: float, actual: float) -> str:
    if not math.isfinite(actual) or not math.isfinite(guess):
        return ""
    if actual == 0.0:
        return "Spot on." if guess == 0.0 else "The answer is exactly zero."
    if math.isclose(guess, actual, rel_tol=0.1):
        return "Within 10 %: well predicted."
    if guess == 0.0 or (guess > 0) != (actual > 0):
        return "Not even the sign (or zero) matched: read on to see why."
    factor = abs(guess / actual)
    orders = abs(math.log10(factor))
    if orders >= 1:
        return f"Your guess was off by about {orders:.0f} order{'s' if round(orders) != 1 else ''} of magnitude."
    if factor >= 1:
        return f"Your guess was about {factor:.2g} times the result."
    return f"Your guess was about {1 / factor:.2g} times smaller than the result."
