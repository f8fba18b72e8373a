import pytest

from wadesk.core.phone_format import format_number, split_country_code


@pytest.mark.parametrize(
    ("wa_id", "expected"),
    [
        ("491701234567", "+49 170 1234567"),
        ("4915123456789", "+49 151 23456789"),
        ("49301234567", "+49 30 1234567"),
        ("492111234567", "+49 211 1234567"),
        ("4935121234567", "+49 3512 1234567"),
        ("14155550132", "+1 415 555 0132"),
        ("447700900123", "+44 7700 900123"),
        ("905321234567", "+90 532 1234567"),
        ("351912345678", "+351 912 345678"),
    ],
)
def test_numbers_are_grouped_for_reading(wa_id, expected):
    assert format_number(wa_id) == expected


def test_odd_input_is_left_readable():
    assert format_number(None) == ""
    assert format_number("") == ""
    assert format_number("12345") == "+12345"
    assert format_number("+49 170 1234567") == "+49 170 1234567"


def test_country_codes_are_prefix_free():
    assert split_country_code("4917012") == ("49", "17012")
    assert split_country_code("1415") == ("1", "415")
    assert split_country_code("35191") == ("351", "91")
