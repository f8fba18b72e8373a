"""Where wadesk keeps its files.

platformdirs gives each OS its usual places. A profile directory (`--profile DIR` or
the environment variable WADESK_HOME) replaces all of them, so that the demo, tests and
several profiles on one PC never mix their data.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from wadesk import APP_AUTHOR, APP_NAME

ENV_HOME = "WADESK_HOME"


@dataclass(frozen=True, slots=True)
class Paths:
    data: Path
    cache: Path
    logs: Path

    @property
    def database(self) -> Path:
        return self.data / "wadesk.db"

    @property
    def media(self) -> Path:
        """Encrypted media files (never plaintext)."""
        return self.data / "media"

    @property
    def settings(self) -> Path:
        return self.data / "settings.json"

    def ensure(self) -> "Paths":
        for folder in (self.data, self.cache, self.logs, self.media):
            folder.mkdir(parents=True, exist_ok=True)
            if os.name == "posix":
                # Private to the user: the files are encrypted, but their names and
                # sizes still tell something about the business.
                folder.chmod(0o700)
        return self


def for_profile(profile: str | os.PathLike[str] | None = None) -> Paths:
    """The paths of `profile`, else of $WADESK_HOME, else the platform's defaults."""
    home = profile if profile is not None else os.environ.get(ENV_HOME)
    if home:
        root = Path(home).expanduser().resolve()
        return Paths(data=root / "data", cache=root / "cache", logs=root / "logs")
    return Paths(
        data=Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)),
        cache=Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR)),
        logs=Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)),
    )


def demo_of(paths: Paths) -> Paths:
    """The demo's own profile inside `paths`, kept apart from real data."""
    return Paths(data=paths.data / "demo", cache=paths.cache / "demo", logs=paths.logs / "demo")
