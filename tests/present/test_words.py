"""One word per code, and a readable word for a code the app does not know."""

from __future__ import annotations

import pytest

from worksheet.domain.deal import FALLBACK_KINDS as DOMAIN_FALLBACK_KINDS
from worksheet.domain.deal import KINDS as DOMAIN_KINDS
from worksheet.domain.summary import READINESS_CODES
from worksheet.present import words


def test_every_domain_code_has_a_word():
    assert set(words.KINDS) == set(DOMAIN_KINDS)
    assert set(words.FALLBACK_KINDS) == set(DOMAIN_FALLBACK_KINDS)
    assert set(words.READINESS) == set(READINESS_CODES)


@pytest.mark.parametrize(
    "lookup",
    [
        words.kind_word,
        words.fallback_word,
        words.party_word,
        words.offer_by_word,
        words.status_word,
        words.readiness_word,
        words.warning_word,
        words.concession_status_word,
    ],
)
def test_unknown_code_never_prints_raw(lookup):
    out = lookup("zz_from_the_future")
    assert out and "zz_from_the_future" not in out and "_" not in out


def test_mini_deal_has_one_word():
    assert words.fallback_word("mini_deal") == "Smaller or trial deal"
