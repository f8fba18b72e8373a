"""The business profile and the phone number's fields."""

from __future__ import annotations

import pytest

from tests.sim.conftest import assert_meta_error


def test_default_profile_is_a_berlin_bicycle_shop(sim):
    fields = "about,address,description,email,profile_picture_url,websites,vertical"
    [profile] = sim.graph.get(f"/{sim.pid}/whatsapp_business_profile", params={"fields": fields}).json()["data"]
    assert profile["messaging_product"] == "whatsapp"
    assert "Fahrräder" in profile["about"]
    assert "Berlin" in profile["address"]
    assert profile["email"] == "hallo@radhaus-berlin.de"
    assert profile["websites"] == ["https://radhaus-berlin.de"]
    assert profile["vertical"] == "RETAIL"
    assert profile["profile_picture_url"].startswith("http")
    [only] = sim.graph.get(f"/{sim.pid}/whatsapp_business_profile", params={"fields": "about"}).json()["data"]
    assert set(only) == {"about", "messaging_product"}
    assert_meta_error(sim.graph.get(f"/{sim.pid}/whatsapp_business_profile", params={"fields": "hours"}), 100)


def test_update_profile(sim):
    update = {"messaging_product": "whatsapp", "about": "Neu: Lastenrad-Service!", "vertical": "AUTO",
              "websites": ["https://radhaus-berlin.de", "http://radhaus.example/shop"], "email": "team@radhaus.de",
              "address": "", "description": "d" * 512}
    assert sim.graph.post(f"/{sim.pid}/whatsapp_business_profile", json=update).json() == {"success": True}
    [profile] = sim.graph.get(f"/{sim.pid}/whatsapp_business_profile").json()["data"]
    for key, value in update.items():
        assert profile[key] == value


@pytest.mark.parametrize(
    "change",
    [
        {"about": ""},
        {"about": "a" * 140},
        {"address": "a" * 257},
        {"description": "d" * 513},
        {"email": "not-an-email"},
        {"email": "a" * 120 + "@radhaus.de"},
        {"websites": ["https://a.de", "https://b.de", "https://c.de"]},
        {"websites": ["www.radhaus.de"]},
        {"websites": ["https://radhaus.de/" + "x" * 250]},
        {"vertical": "BICYCLES"},
        {"opening_hours": "Mo-Fr 10-19"},
        {"about": 42},
        {"messaging_product": "sms"},
    ],
    ids=["about-empty", "about-140", "address-257", "description-513", "email-format", "email-129",
         "three-websites", "website-scheme", "website-257", "vertical", "unknown-field", "about-type", "product"],
)
def test_invalid_profile_fields_are_100(sim, change):
    body = {"messaging_product": "whatsapp", **change}
    assert_meta_error(sim.graph.post(f"/{sim.pid}/whatsapp_business_profile", json=body), 100)
    [profile] = sim.graph.get(f"/{sim.pid}/whatsapp_business_profile").json()["data"]
    assert profile["about"].startswith("Fahrräder")


def test_phone_number_fields(sim):
    default = sim.graph.get(f"/{sim.pid}").json()
    assert default["display_phone_number"] == "+49 30 1234567"
    assert default["verified_name"] == "Radhaus Berlin"
    assert default["quality_rating"] == "GREEN"
    assert default["throughput"] == {"level": "STANDARD"}
    fields = ("display_phone_number,verified_name,quality_rating,code_verification_status,name_status,"
              "platform_type,throughput,whatsapp_business_manager_messaging_limit,is_on_biz_app")
    answer = sim.graph.get(f"/{sim.pid}", params={"fields": fields}).json()
    assert set(answer) == set(fields.split(",")) | {"id"}
    assert answer["whatsapp_business_manager_messaging_limit"] == "TIER_250"
    assert answer["is_on_biz_app"] is False
    assert answer["platform_type"] == "CLOUD_API"
    assert_meta_error(sim.graph.get(f"/{sim.pid}", params={"fields": "secret"}), 100)
    numbers = sim.graph.get(f"/{sim.waba}/phone_numbers").json()["data"]
    assert [n["id"] for n in numbers] == [sim.pid]


def test_several_business_numbers(make_sim):
    from wadesk.sim.config import NumberConfig

    sim = make_sim(numbers=(NumberConfig("106540352242922", "+49 30 1234567"),
                            NumberConfig("106540352242999", "+49 30 7654321", "Radhaus Verleih")))
    assert sim.graph.get("/106540352242999").json()["verified_name"] == "Radhaus Verleih"
    message = sim.control.post("/customers/jonas/say", json={"text": "Verleih?", "phone_number_id": "106540352242999"})
    assert message.status_code == 200
    scripted = sim.control.post("/customers/emma/say", json={"phone_number_id": "106540352242999"})
    assert scripted.json()["message"]["type"] == "text"
    inbound = sim.control.get("/inbound").json()["data"]
    assert [e["phone_number_id"] for e in inbound] == ["106540352242999"] * 2
    assert sim.send_text("491701234567", "Klar!", pid="106540352242999").status_code == 200
    assert sim.sent()[0]["phone_number_id"] == "106540352242999"
