"""A device whose token the relay withdrew says so plainly and logs in again."""

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from wadesk.desktop.dialogs.first_run_wizard import ReloginWizard
from wadesk.relay.people_api import issue_setup_code
from wadesk.store import people

WAIT = 10_000

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def new_setup_code(relay, person_id: int) -> str:
    server = relay.server
    return server.call(lambda: server.ctx.write(
        lambda conn: issue_setup_code(conn, people.get_person(conn, person_id))[0]))


def test_a_revoked_device_is_told_to_log_in_again(desktop, relay, relay_api, sim_api, qtbot):
    lena = desktop("Lena")
    controller = lena.controller
    relay_api(lena.token).post("/api/v1/logout").raise_for_status()  # withdraws this device's token

    qtbot.waitUntil(lambda: getattr(controller, "signed_out_box", None) is not None, timeout=WAIT)
    box = controller.signed_out_box
    assert box.isVisible() and "signed out" in box.text() and "Log in again" in box.text()
    assert lena.window._state == "offline"
    qtbot.waitUntil(lambda: not lena.worker.running, timeout=WAIT)

    code = new_setup_code(relay, lena.person_id)
    answered = []

    def answer_the_login() -> None:
        wizard = next((w for w in QApplication.topLevelWidgets() if isinstance(w, ReloginWizard) and w.isVisible()),
                      None)
        if wizard is None:
            QTimer.singleShot(20, answer_the_login)
            return
        assert wizard.page.address.text() == relay.url
        wizard.page.name.setText("Lena")
        wizard.page.secret.setText(code)
        wizard.page.validatePage()
        answered.append(True)

    QTimer.singleShot(0, answer_the_login)
    again = next(b for b in box.buttons() if b.text() == "Log in again")
    again.click()  # the relogin wizard is modal: answer_the_login fills it in meanwhile
    assert answered
    qtbot.waitUntil(lambda: lena.worker.running and lena.window._state == "online", timeout=WAIT)
    sim_api.post("/customers/jonas/say", json={"type": "text", "text": "Hallo?"})
    qtbot.waitUntil(lambda: lena.window.list_model.rowCount() == 1, timeout=WAIT)
