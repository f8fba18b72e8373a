"""wadesk: a desktop team inbox for the WhatsApp Business Platform (Cloud API)."""

__version__ = "0.1.0"
APP_NAME = "wadesk"
APP_AUTHOR = "wadesk"
