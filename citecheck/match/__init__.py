"""The match stage: where on a page a quote stands, and how faithfully it is quoted.

    tokens      words normalised for comparison, the quote's marked edits, equivalent spellings
    align       exact placement, then fuzzy alignment word by word; each difference judged
    support     reported speech: does a passage back the claim's content
"""

from __future__ import annotations

from .align import match_quote
from .support import support_claim
from .tokens import PreparedPage, prepare_cached, prepare_page, prepared_from_tokens

__all__ = [
    "PreparedPage",
    "match_quote",
    "prepare_cached",
    "prepare_page",
    "prepared_from_tokens",
    "support_claim",
]
