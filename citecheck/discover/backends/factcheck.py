"""Google Fact Check Tools claim search: has a fact-checker already rated this claim?

Why: a quote that a fact-checker has rated deserves a flag in the finding, with the rating and
the review's URL, whatever the source check says. The key comes from $GOOGLE_FACTCHECK_API_KEY
and travels as the documented `key` query parameter (reasons never echo a URL, so it stays out of
reports). No claim is an empty object. Not a source finder: it proposes no candidates.
"""

from __future__ import annotations

from typing import Any

import httpx

from ...model import FactCheck
from .base import Backend, BackendError, Call, SearchQuery

API = "https://factchecktools.googleapis.com/v1alpha1/claims:search"
ENV_KEY = "GOOGLE_FACTCHECK_API_KEY"
MAX_QUERY_CHARS = 300


class FactCheckTools(Backend):
    """Google Fact Check Tools `claims:search`, with the key in $GOOGLE_FACTCHECK_API_KEY."""

    name = "factcheck"
    kind = "factcheck"
    key_env = ENV_KEY
    interval = 0.5

    def requests(self, query: SearchQuery) -> list[Call]:
        params = [
            ("query", query.terms[:MAX_QUERY_CHARS]),
            ("pageSize", str(max(1, min(query.max_results, 50)))),
        ]
        if query.language:
            params.append(("languageCode", query.language))
        params.append(("key", self.env[ENV_KEY].strip()))
        return [Call(API, tuple(params))]

    def parse(self, data: Any) -> list[FactCheck]:
        if not isinstance(data, dict):
            raise BackendError("Fact Check Tools answered something other than a JSON object")
        found = []
        for claim in data.get("claims") or []:
            if not isinstance(claim, dict):
                continue
            for review in claim.get("claimReview") or []:
                if not isinstance(review, dict) or not review.get("url"):
                    continue
                publisher = review.get("publisher") or {}
                found.append(
                    FactCheck(
                        claim=str(claim.get("text") or ""),
                        rating=str(review.get("textualRating") or ""),
                        publisher=str(publisher.get("name") or publisher.get("site") or ""),
                        review_url=str(review["url"]),
                        claimant=str(claim.get("claimant") or ""),
                        review_date=str(review.get("reviewDate") or "")[:10] or None,
                        language=review.get("languageCode") or None,
                    )
                )
        return found

    async def claims(self, query: SearchQuery, client: httpx.AsyncClient) -> list[FactCheck]:
        """Reviews of claims matching `query`; BackendError when the API cannot answer."""
        return await self.collect(query, client, lambda _call, data: self.parse(data))
