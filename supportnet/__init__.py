"""SupportNet: map your support network and plan gentle reach-outs, privately."""

__version__ = "0.1.0"
APP_NAME = "SupportNet"
