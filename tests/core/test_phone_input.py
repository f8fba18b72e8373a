"""Numbers typed the way Germans (and others) write them become one WhatsApp id."""

from __future__ import annotations

import pytest

from wadesk.core.phone_input import NumberError, country_code_of, parse_number


@pytest.mark.parametrize("typed", [
    "0151 23456789", "0151/234 567 89", "(0151) 2345-6789", "0151.2345.6789",
    "+49 151 23456789", "+49 (0)151 23456789", "+49 0151 23456789", "+4915123456789",
    "0049 151 23456789", "0049 (0) 151 23456789", "49151 23456789", "151 23456789",
    "  0151\u00a023456789 ",
])
def test_the_ways_of_writing_a_german_mobile_number(typed):
    assert parse_number(typed, "49") == "4915123456789"


def test_landlines_and_other_countries():
    assert parse_number("030 1234567", "49") == "49301234567"
    assert parse_number("+44 7700 900123", "49") == "447700900123"
    assert parse_number("0044 7700 900123", "49") == "447700900123"
    assert parse_number("+43 664 1234567", "49") == "436641234567"
    # Italy keeps the 0 of its landlines after the country code.
    assert parse_number("+39 06 1234 5678", "49") == "390612345678"
    # An Austrian shop: a national number is Austrian.
    assert parse_number("0664 1234567", "43") == "436641234567"


@pytest.mark.parametrize(("typed", "reason"), [
    ("", "empty"), ("   ", "empty"),
    ("0151 2345678x", "characters"), ("Jonas", "characters"), ("0151;23456789", "characters"),
    ("+49 151 +23456789", "plus"), ("49+151", "plus"),
    ("+0151 23456789", "country"), ("000151", "country"),
    ("0151", "short"), ("+49 151", "short"), ("112", "short"),
    ("+49 151 2345 6789 0123 45", "long"),
])
def test_what_is_not_a_phone_number_says_why(typed, reason):
    with pytest.raises(NumberError) as raised:
        parse_number(typed, "49")
    assert raised.value.reason == reason


def test_the_country_comes_from_the_business_number():
    assert country_code_of("+49 30 1234567") == "49"
    assert country_code_of("+43 1 234567") == "43"
    assert country_code_of("0044 20 7946 0000") == "44"
    assert country_code_of("") == "49"
    assert country_code_of("030 123456", default="41") == "41"  # national: no country in it
