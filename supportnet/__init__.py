"""SupportNet: map your support network and plan gentle reach-outs, privately."""

__version__ = "0.1.0"
APP_NAME = "SupportNet"
#: The environment variable a calendar server's password may come from (never an option).
CALDAV_PASSWORD_ENV = "SUPPORTNET_CALDAV_PASSWORD"
#: The reverse-DNS id: the desktop entry's name (``<id>.desktop``), the AppStream id and
#: the icon's name, shipped in supportnet/resources/.
APP_ID = "io.github.supportnet.SupportNet"
#: The sizes the icon ships in as PNG, besides the SVG (tools/icons.py draws them).
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
