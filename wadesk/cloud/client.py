"""CloudClient: the async WhatsApp Cloud API client used by the relay.

One client per access token, opened once and reused: it holds one httpx connection
pool. Ids default to the ones given at construction and can be overridden per call, so
one client can serve several numbers of the same account.

Every method either returns a typed result or raises a wadesk.cloud.errors.CloudError;
a send that may have reached Meta without an answer raises OutcomeUnknownError, which
must not be retried blindly (the Cloud API has no idempotency key).
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import AsyncIterator, Iterable, Mapping
from datetime import datetime
from typing import Any, BinaryIO

import httpx

from wadesk.cloud import _checks as check
from wadesk.cloud._transport import (
    DEFAULT_API_VERSION,
    DEFAULT_BASE_URL,
    DEFAULT_TIMEOUT,
    Transport,
)
from wadesk.cloud.analytics import (
    Analytics,
    Granularity,
    TemplateAnalytics,
    TemplateMetric,
    analytics_fields,
    template_analytics_params,
)
from wadesk.cloud.errors import (
    CloudApiError,
    CloudValidationError,
    MalformedResponseError,
    MediaError,
)
from wadesk.cloud.media import MB, DownloadedMedia, MediaInfo, check_upload, sha256_matches
from wadesk.cloud.messages import (
    MessageContent,
    Recipient,
    SendResult,
    Text,
    build_message_body,
)
from wadesk.cloud.phone_numbers import PHONE_NUMBER_FIELDS, PhoneNumberInfo
from wadesk.cloud.profile import (
    PHOTO_TYPES,
    PROFILE_FIELDS,
    BusinessProfile,
    BusinessProfileUpdate,
    upload_handle,
    upload_session_id,
)
from wadesk.cloud.templates import (
    MessageTemplate,
    TemplateCreated,
    TemplateDefinition,
    TemplatePage,
)

# Media moves megabytes; give reads and writes more time than a JSON call needs.
MEDIA_TIMEOUT = httpx.Timeout(connect=10.0, read=120.0, write=120.0, pool=10.0)
DOWNLOAD_MAX = 100 * MB
PROFILE_PHOTO_MAX = 5 * MB


class CloudClient:
    def __init__(
        self,
        token: str,
        *,
        phone_number_id: str | None = None,
        waba_id: str | None = None,
        app_id: str | None = None,
        base_url: str = DEFAULT_BASE_URL,
        api_version: str = DEFAULT_API_VERSION,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
        media_timeout: httpx.Timeout | float = MEDIA_TIMEOUT,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        """`http_client` shares a pool owned by the caller (not closed here);
        `transport` replaces the network, for tests."""
        self._t = Transport(token, base_url=base_url, api_version=api_version, timeout=timeout,
                            http_client=http_client, transport=transport)
        self.phone_number_id = phone_number_id
        self.waba_id = waba_id
        self.app_id = app_id
        self._media_timeout = media_timeout

    def __repr__(self) -> str:
        return (f"CloudClient(base_url={self._t.base_url!r}, api_version={self._t.api_version!r},"
                f" phone_number_id={self.phone_number_id!r}, waba_id={self.waba_id!r})")

    @property
    def base_url(self) -> str:
        return self._t.base_url

    @property
    def api_version(self) -> str:
        return self._t.api_version

    async def __aenter__(self) -> CloudClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._t.aclose()

    async def call(self, method: str, path: str, *, params: Mapping[str, Any] | None = None,
                   json: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Any Graph call, unchecked: for endpoints not wrapped here and for tests."""
        return await self._t.call(method, path, params=params, json_body=json)

    def _id(self, name: str, given: str | None, default: str | None) -> str:
        value = given if given is not None else default
        if value is None:
            raise CloudValidationError(name, "is not configured")
        return check.segment(name, value)

    def _phone(self, given: str | None) -> str:
        return self._id("phone_number_id", given, self.phone_number_id)

    def _waba(self, given: str | None) -> str:
        return self._id("waba_id", given, self.waba_id)

    @staticmethod
    def _success(data: Mapping[str, Any], what: str) -> None:
        if data.get("success") is not True:
            raise MalformedResponseError(f"{what}: no success in the answer", http_status=200)

    # -- messages ---------------------------------------------------------------------

    async def send(self, to: str | Recipient, content: MessageContent, *,
                   reply_to: str | None = None, callback_data: str | None = None,
                   phone_number_id: str | None = None) -> SendResult:
        """Send one message. `to` is a phone number, a BSUID or a Recipient;
        `reply_to` quotes a wamid; `callback_data` comes back in its status webhooks."""
        body = build_message_body(Recipient.of(to), content, reply_to=reply_to,
                                  callback_data=callback_data)
        return await self.send_payload(body, phone_number_id=phone_number_id)

    async def send_text(self, to: str | Recipient, body: str, *, preview_url: bool = False,
                        reply_to: str | None = None, callback_data: str | None = None,
                        phone_number_id: str | None = None) -> SendResult:
        return await self.send(to, Text(body, preview_url), reply_to=reply_to,
                               callback_data=callback_data, phone_number_id=phone_number_id)

    async def send_payload(self, body: Mapping[str, Any], *,
                           phone_number_id: str | None = None) -> SendResult:
        """Send a body built elsewhere, unchecked (new message types, contract tests)."""
        data = await self._t.call("POST", f"{self._phone(phone_number_id)}/messages",
                                  json_body=body)
        return SendResult.from_response(data)

    async def mark_read(self, message_id: str, *, phone_number_id: str | None = None) -> None:
        """Blue ticks for this message and every earlier one in the chat."""
        await self._read_receipt(message_id, phone_number_id, typing=False)

    async def send_typing_indicator(self, message_id: str, *,
                                    phone_number_id: str | None = None) -> None:
        """Marks `message_id` read and shows "typing…" for up to 25 s or until we reply."""
        await self._read_receipt(message_id, phone_number_id, typing=True)

    async def _read_receipt(self, message_id: str, phone_number_id: str | None,
                            *, typing: bool) -> None:
        body: dict[str, Any] = {"messaging_product": "whatsapp", "status": "read",
                                "message_id": check.text("message_id", message_id,
                                                         max_len=512, min_len=1)}
        if typing:
            body["typing_indicator"] = {"type": "text"}
        data = await self._t.call("POST", f"{self._phone(phone_number_id)}/messages",
                                  json_body=body)
        self._success(data, "mark read")

    # -- media ------------------------------------------------------------------------

    async def upload_media(self, data: bytes, mime_type: str, *, filename: str = "file",
                           phone_number_id: str | None = None, check_type: bool = True) -> str:
        """Upload a file for sending; returns the media id (valid 30 days).
        `check_type=False` leaves the type and size check to Meta (131053)."""
        if check_type:
            check_upload(mime_type, len(data))
        answer = await self._t.call(
            "POST", f"{self._phone(phone_number_id)}/media",
            data={"messaging_product": "whatsapp", "type": mime_type},
            files={"file": (filename, data, mime_type)}, timeout=self._media_timeout,
        )
        media_id = answer.get("id")
        if not isinstance(media_id, str) or not media_id:
            raise MalformedResponseError("media upload answer without id", http_status=200)
        return media_id

    async def get_media_info(self, media_id: str) -> MediaInfo:
        """Metadata and a download URL that lives five minutes."""
        return MediaInfo.from_response(
            await self._t.call("GET", check.segment("media_id", media_id)))

    async def delete_media(self, media_id: str) -> None:
        data = await self._t.call("DELETE", check.segment("media_id", media_id))
        self._success(data, "media delete")

    async def download_media(self, media_id: str, *, max_bytes: int = DOWNLOAD_MAX
                             ) -> DownloadedMedia:
        buffer = io.BytesIO()
        info = await self.download_media_to(media_id, buffer, max_bytes=max_bytes)
        return DownloadedMedia(info, buffer.getvalue())

    async def download_media_to(self, media_id: str, sink: BinaryIO, *,
                                max_bytes: int = DOWNLOAD_MAX) -> MediaInfo:
        """Stream a media file into `sink`; checks size and Meta's sha256.

        An expired URL (404) is refreshed once. On MediaError the sink holds garbage
        and must be discarded."""
        info = await self.get_media_info(media_id)
        try:
            return await self._download(info, sink, max_bytes)
        except CloudApiError as exc:
            if exc.http_status != 404:
                raise
        # The 404 came before any byte was written, so the sink is still empty.
        return await self._download(await self.get_media_info(media_id), sink, max_bytes)

    async def _download(self, info: MediaInfo, sink: BinaryIO, max_bytes: int) -> MediaInfo:
        if info.file_size is not None and info.file_size > max_bytes:
            raise MediaError(f"media has {info.file_size} bytes, more than {max_bytes}")
        digest = hashlib.sha256()
        size = 0
        async with self._t.download(info.url, timeout=self._media_timeout) as response:
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise MediaError(f"media is larger than {max_bytes} bytes")
                digest.update(chunk)
                sink.write(chunk)
        if not sha256_matches(info.sha256, digest.digest()):
            raise MediaError("downloaded media does not match its sha256", retryable=True)
        return info

    # -- business profile -------------------------------------------------------------

    async def get_business_profile(self, fields: Iterable[str] = PROFILE_FIELDS, *,
                                   phone_number_id: str | None = None) -> BusinessProfile:
        data = await self._t.call(
            "GET", f"{self._phone(phone_number_id)}/whatsapp_business_profile",
            params={"fields": ",".join(fields)})
        return BusinessProfile.from_response(data)

    async def update_business_profile(self, update: BusinessProfileUpdate, *,
                                      phone_number_id: str | None = None) -> None:
        data = await self._t.call(
            "POST", f"{self._phone(phone_number_id)}/whatsapp_business_profile",
            json_body=update.to_payload())
        self._success(data, "profile update")

    async def upload_profile_photo(self, data: bytes, mime_type: str, *,
                                   file_name: str = "profile.jpg",
                                   app_id: str | None = None) -> str:
        """The resumable upload: returns the handle for `profile_picture_handle`."""
        if mime_type not in PHOTO_TYPES:
            raise CloudValidationError("profile photo", "must be JPEG or PNG")
        if not 0 < len(data) <= PROFILE_PHOTO_MAX:
            raise CloudValidationError("profile photo", f"must have 1..{PROFILE_PHOTO_MAX} bytes")
        check.text("file_name", file_name, max_len=255, min_len=1)
        session = upload_session_id(await self._t.call(
            "POST", f"{self._id('app_id', app_id, self.app_id)}/uploads",
            params={"file_name": file_name, "file_length": str(len(data)),
                    "file_type": mime_type}))
        # The session id may carry its own query (`upload:…?sig=…`): keep it verbatim.
        check.upload_session("upload id", session)
        answer = await self._t.call(
            "POST", session, content=data, timeout=self._media_timeout,
            headers={"file_offset": "0", "Content-Type": mime_type})
        return upload_handle(answer)

    async def set_profile_photo(self, data: bytes, mime_type: str, *,
                                file_name: str = "profile.jpg", app_id: str | None = None,
                                phone_number_id: str | None = None) -> str:
        handle = await self.upload_profile_photo(data, mime_type, file_name=file_name,
                                                 app_id=app_id)
        await self.update_business_profile(BusinessProfileUpdate(profile_picture_handle=handle),
                                           phone_number_id=phone_number_id)
        return handle

    # -- phone number -----------------------------------------------------------------

    async def get_phone_number(self, fields: Iterable[str] = PHONE_NUMBER_FIELDS, *,
                               phone_number_id: str | None = None) -> PhoneNumberInfo:
        data = await self._t.call("GET", self._phone(phone_number_id),
                                  params={"fields": ",".join(fields)})
        return PhoneNumberInfo.from_response(data)

    # -- templates --------------------------------------------------------------------

    async def list_templates_page(self, *, after: str | None = None, limit: int = 100,
                                  waba_id: str | None = None) -> TemplatePage:
        params: dict[str, Any] = {"limit": str(limit)}
        if after:
            params["after"] = after
        data = await self._t.call("GET", f"{self._waba(waba_id)}/message_templates",
                                  params=params)
        return TemplatePage.from_response(data)

    async def iter_templates(self, *, page_size: int = 100, waba_id: str | None = None
                             ) -> AsyncIterator[MessageTemplate]:
        """All templates, page by page, following paging.cursors.after."""
        after: str | None = None
        seen: set[str] = set()
        while True:
            page = await self.list_templates_page(after=after, limit=page_size,
                                                  waba_id=waba_id)
            for template in page.templates:
                yield template
            # A cursor seen before would loop forever on a misbehaving server.
            if not page.after or not page.templates or page.after in seen:
                return
            seen.add(page.after)
            after = page.after

    async def create_template(self, definition: TemplateDefinition, *,
                              waba_id: str | None = None) -> TemplateCreated:
        data = await self._t.call("POST", f"{self._waba(waba_id)}/message_templates",
                                  json_body=definition.to_payload())
        return TemplateCreated.from_response(data)

    async def delete_template(self, name: str | None = None, *, hsm_id: str | None = None,
                              waba_id: str | None = None) -> None:
        """By name (every language of it), or one language by `hsm_id`: Meta deletes by
        id only together with the template's name (`?hsm_id=…&name=…`)."""
        if name is None:
            raise CloudValidationError("delete_template", "needs the template's name"
                                       + (" together with the hsm_id" if hsm_id else ""))
        params = {k: v for k, v in (("name", name), ("hsm_id", hsm_id)) if v is not None}
        data = await self._t.call("DELETE", f"{self._waba(waba_id)}/message_templates",
                                  params=params)
        self._success(data, "template delete")

    # -- analytics --------------------------------------------------------------------

    async def get_analytics(self, start: int | datetime, end: int | datetime,
                            granularity: Granularity = Granularity.DAY, *,
                            waba_id: str | None = None) -> Analytics:
        data = await self._t.call("GET", self._waba(waba_id), params={
            "fields": analytics_fields(start, end, granularity)})
        return Analytics.from_response(data)

    async def get_template_analytics(
        self, template_ids: Iterable[str], start: int | datetime, end: int | datetime, *,
        metrics: Iterable[TemplateMetric] = (TemplateMetric.SENT, TemplateMetric.DELIVERED,
                                             TemplateMetric.READ, TemplateMetric.CLICKED),
        waba_id: str | None = None,
    ) -> TemplateAnalytics:
        data = await self._t.call(
            "GET", f"{self._waba(waba_id)}/template_analytics",
            params=template_analytics_params(template_ids, start, end, metrics))
        return TemplateAnalytics.from_response(data)
