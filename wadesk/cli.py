"""Entry points: `wadesk` (the desktop app), `wadesk demo` / `wadesk --demo`,
`wadesk sim` (the Cloud API simulator), `wadesk --self-test`.

Subcommands that are programs of their own (sim, relay) get the rest of the command
line untouched, so each owns its options and its --help.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from wadesk import __version__

_PROGRAMS: dict[str, tuple[str, str]] = {
    # name: (module, summary); imported only when asked for, to keep start-up fast.
    "relay": ("wadesk.relay.cli", "run the team relay, or manage its people and devices"),
    "sim": ("wadesk.sim.cli", "run the WhatsApp Cloud API simulator"),
}


def _program(name: str) -> Callable[[list[str]], int]:
    module_name, _ = _PROGRAMS[name]
    module = __import__(module_name, fromlist=["main"])
    return module.main


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wadesk",
        description="wadesk — a team inbox for the WhatsApp Business Platform.",
        epilog="Programs: "
        + "; ".join(f"wadesk {n} — {s}" for n, (_, s) in _PROGRAMS.items())
        + "; wadesk demo — the same as --demo.",
    )
    parser.add_argument("--version", action="version", version=f"wadesk {__version__}")
    parser.add_argument(
        "--profile",
        metavar="DIR",
        help="keep all data in DIR (default: $WADESK_HOME, else the system's usual place)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start with the built-in demo business (no Meta account needed)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check the encrypted store, the keychain and Qt, then quit (exit 0 = all good)",
    )
    parser.add_argument("--lang", metavar="CODE", help="user interface language: de or en")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in _PROGRAMS:
        return _program(argv[0])(argv[1:])
    if argv and argv[0] == "demo":
        argv = ["--demo", *argv[1:]]
    args = _parser().parse_args(argv)
    if args.self_test:
        from wadesk.selftest import run_self_test

        return run_self_test()
    from wadesk.desktop.app import run

    return run(profile=args.profile, demo=args.demo, language=args.lang)
