"""Meta's error bodies map by code (never by HTTP status) to families with a retry decision."""

from __future__ import annotations

import builtins

import pytest

from wadesk.cloud import errors
from wadesk.cloud.errors import (
    AccountRestrictedError,
    AuthenticationError,
    BadRequestError,
    CloudApiError,
    CloudError,
    CloudPermissionError,
    CloudValidationError,
    MarketingCapError,
    MediaError,
    OptedOutError,
    OutcomeUnknownError,
    PairRateLimitError,
    RateLimitError,
    RequestNotSentError,
    SetupError,
    TemplateError,
    TemporaryError,
    ThroughputLimitError,
    UndeliverableError,
    WindowClosedError,
    error_from_body,
    error_from_status,
    family_for_code,
)


def body(code: int, **extra: object) -> dict[str, object]:
    return {"error": {"message": f"(#{code}) Something", "type": "OAuthException", "code": code,
                      "error_data": {"messaging_product": "whatsapp", "details": "the details"},
                      "fbtrace_id": "AbCdEf123", **extra}}


@pytest.mark.parametrize("code, family, retryable", [
    (190, AuthenticationError, False), (0, AuthenticationError, False),
    (3, CloudPermissionError, False), (10, CloudPermissionError, False),
    (200, CloudPermissionError, False), (299, CloudPermissionError, False),
    (4, RateLimitError, True), (80007, RateLimitError, True),
    (130429, ThroughputLimitError, True),
    (131056, PairRateLimitError, True), (131049, MarketingCapError, True),
    (131047, WindowClosedError, False),
    (131026, UndeliverableError, False), (131021, UndeliverableError, False),
    (130403, UndeliverableError, False), (131050, OptedOutError, False),
    (100, BadRequestError, False), (131008, BadRequestError, False),
    (131009, BadRequestError, False),
    (132000, TemplateError, False), (132001, TemplateError, False),
    (132005, TemplateError, False), (132007, TemplateError, False),
    (132012, TemplateError, False), (132015, TemplateError, False),
    (132016, TemplateError, False), (132999, TemplateError, False),
    (1, TemporaryError, True), (2, TemporaryError, True), (131000, TemporaryError, True),
    (131016, TemporaryError, True), (131057, TemporaryError, True),
    (133004, TemporaryError, True),
    (368, AccountRestrictedError, False), (131031, AccountRestrictedError, False),
    (130497, AccountRestrictedError, False), (131048, AccountRestrictedError, False),
    (131051, MediaError, False), (131052, MediaError, False), (131053, MediaError, False),
    (133010, SetupError, False),
])
def test_code_maps_to_family(code: int, family: type, retryable: bool) -> None:
    error = error_from_body(body(code), http_status=400)
    assert type(error) is family and family_for_code(code) is family
    assert error.retryable is retryable
    assert (error.code, error.details, error.fbtrace_id, error.http_status) == (
        code, "the details", "AbCdEf123", 400)
    assert error.message == f"(#{code}) Something"


def test_families_share_sensible_bases() -> None:
    assert issubclass(ThroughputLimitError, RateLimitError)
    assert issubclass(OptedOutError, UndeliverableError)
    assert issubclass(CloudPermissionError, SetupError)
    assert issubclass(RequestNotSentError, TemporaryError)
    assert not issubclass(OutcomeUnknownError, TemporaryError)
    assert issubclass(CloudValidationError, ValueError)
    assert not issubclass(CloudValidationError, CloudApiError)
    assert all(issubclass(c, CloudError) for c in (CloudApiError, CloudValidationError))


def test_http_status_does_not_decide() -> None:
    assert type(error_from_body(body(131047), http_status=200)) is WindowClosedError
    assert type(error_from_body(body(190), http_status=400)) is AuthenticationError
    assert type(error_from_body(body(100), http_status=500)) is BadRequestError


def test_unknown_code_keeps_everything() -> None:
    error = error_from_body(body(987654, error_subcode=2494010), http_status=400)
    assert type(error) is CloudApiError and not error.retryable
    assert (error.code, error.subcode, error.details, error.fbtrace_id) == (
        987654, 2494010, "the details", "AbCdEf123")
    assert error.raw["error"]["type"] == "OAuthException"
    assert "987654" in str(error) and "AbCdEf123" in str(error)


def test_unknown_code_is_retryable_when_meta_says_transient_or_5xx() -> None:
    assert error_from_body(body(987654, is_transient=True), http_status=400).retryable
    assert error_from_body(body(987654), http_status=503).retryable


def test_retry_after_hints() -> None:
    assert error_from_body(body(131056)).retry_after == 4.0
    assert PairRateLimitError.backoff(1) == 4.0 and PairRateLimitError.backoff(3) == 64.0
    assert error_from_body(body(131049)).retry_after >= 24 * 3600
    assert error_from_body(body(130429), retry_after=7.0).retry_after == 7.0
    assert error_from_body(body(131026)).retry_after is None


def test_odd_error_bodies() -> None:
    assert error_from_body({"nothing": 1}) is None
    assert error_from_body("oops") is None
    assert error_from_body({"error": "flat string"}) is None
    odd = error_from_body({"error": {"code": "131047", "error_data": "plain details"}})
    assert type(odd) is WindowClosedError and odd.details == "plain details"
    assert odd.message == "Cloud API error"
    no_code = error_from_body({"error": {"message": "Who knows", "code": True}})
    assert type(no_code) is CloudApiError and no_code.code is None


@pytest.mark.parametrize("status, family, retryable", [
    (500, TemporaryError, True), (502, TemporaryError, True), (503, TemporaryError, True),
    (429, RateLimitError, True), (401, AuthenticationError, False), (404, CloudApiError, False),
])
def test_status_without_meta_body(status: int, family: type, retryable: bool) -> None:
    error = error_from_status(status, retry_after=3.0 if retryable else None)
    assert type(error) is family and error.retryable is retryable and error.code is None
    assert error.http_status == status


def test_no_class_shadows_a_builtin() -> None:
    exported = {name for name in vars(errors) if not name.startswith("_")}
    assert not exported & set(vars(builtins))


def test_repr_is_short() -> None:
    assert repr(error_from_body(body(131047))) == (
        "WindowClosedError(code=131047, message='(#131047) Something')")
