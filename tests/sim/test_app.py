"""The ASGI app on its own, without a server (httpx.ASGITransport), as an embedder
might mount it."""

from __future__ import annotations

import asyncio

import httpx

from wadesk.sim import SimConfig, Simulator, create_app


def test_app_serves_graph_and_control_without_a_server():
    simulator = Simulator(SimConfig(token="t", customers=False, status_delays=(0.01, None, None)))
    app = create_app(simulator)

    async def run() -> None:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://sim.test") as client:
            said = await client.post("/_sim/customers/emma/say", json={"text": "Hi!"})
            assert said.status_code == 200
            answer = await client.post(
                f"/v26.0/{simulator.account.default_number.phone_number_id}/messages",
                headers={"Authorization": "Bearer t"},
                json={"messaging_product": "whatsapp", "to": "447700900123", "text": {"body": "Hello Emma"}})
            assert answer.status_code == 200
            await asyncio.sleep(0.05)
            [sent] = (await client.get("/_sim/messages")).json()["data"]
            assert sent["statuses"] == ["sent"]  # delivered and read left out by the config
            deliveries = (await client.get("/_sim/webhooks")).json()
            assert {d["state"] for d in deliveries["data"]} == {"no_url"}
            assert deliveries["url"] is None
        await simulator.stop()

    asyncio.run(run())
