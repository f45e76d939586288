"""Context window: the service's context must fit the model's advertised context.

Passes when ``service.context_tokens`` (plus the image and audio tokens of a request, for a service
that sends them) <= the model's native context.
Passes with a stated risk (``needs_rope_scaling``) when it fits only the longer context the maker
advertises with RoPE scaling (Qwen's YaRN): the runtime must enable the scaling, and the maker
warns that static scaling can cost quality on shorter texts.
Fails otherwise, with both numbers.
Example: Phi-3-mini-4k with an 8,192-token context fails: "needs 8,192 tokens, model handles 4,096";
Qwen3-4B at 65,536 passes only with YaRN (native 32,768, 131,072 scaled).
"""

from __future__ import annotations

from feasibility.estimator.encoder import media_tokens
from feasibility.situation import Situation
from feasibility.units import fmt_int
from feasibility.verdict import Verdict

ID = "context-window"


def check(s: Situation) -> Verdict:
    model = s.candidate.model
    extra = media_tokens(model, s.service)
    need = s.service.context_tokens + extra
    media = {"media_tokens": extra} if extra else {}
    have = model.context_tokens
    scaled = model.context_scaling
    if need <= have:
        return Verdict.passed(
            ID,
            f"{fmt_int(need)} of {fmt_int(have)} context tokens"
            + (f" ({fmt_int(extra)} of them image or audio tokens)" if extra else ""),
            need=need,
            have=have,
            **media,
        )
    if scaled is not None and need <= scaled.context_tokens:
        return Verdict.passed(
            ID,
            f"{fmt_int(need)} context tokens exceed the native {fmt_int(have)}; fits "
            f"{fmt_int(scaled.context_tokens)} only with {scaled.method} RoPE scaling "
            f"(factor {scaled.factor:g}), a quality risk",
            need=need,
            have=have,
            needs_rope_scaling=True,
            scaled_context=scaled.context_tokens,
            scaling_method=scaled.method,
            scaling_factor=scaled.factor,
            **media,
        )
    most = scaled.context_tokens if scaled is not None else have
    return Verdict.failed(
        ID,
        f"needs {fmt_int(need)} tokens of context, model handles {fmt_int(most)}"
        + (f" ({fmt_int(extra)} of them image or audio tokens)" if extra else ""),
        need=need,
        have=most,
        **media,
    )
