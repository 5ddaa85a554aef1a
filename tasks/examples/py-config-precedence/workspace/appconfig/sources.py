"""Reading settings from each source. Every function returns only the settings its source sets."""

import argparse
import json

from .defaults import DEFAULTS

ENV_PREFIX = "APP_"


class ConfigError(Exception):
    """A configuration source holds something invalid."""


def from_file(path):
    """The settings of a JSON config file."""
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as e:
        raise ConfigError(f"cannot read config file {path}: {e}") from e
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the top level must be an object")
    unknown = sorted(set(data) - set(DEFAULTS))
    if unknown:
        raise ConfigError(f"{path}: unknown settings: {', '.join(unknown)}")
    return data


def from_env(environ):
    """The settings given as APP_<NAME> environment variables."""
    settings = {}
    for name in DEFAULTS:
        var = ENV_PREFIX + name.upper()
        if var in environ:
            settings[name] = environ[var]
    return settings


def _parser():
    p = argparse.ArgumentParser(prog="myservice")
    p.add_argument("--config")
    p.add_argument("--host")
    p.add_argument("--port", type=int)
    p.add_argument("--workers", type=int, default=DEFAULTS["workers"])
    p.add_argument("--debug", action=argparse.BooleanOptionalAction)
    p.add_argument("--log-level", dest="log_level")
    p.add_argument("--timeout", type=float)
    return p


def from_args(argv):
    """(config path or None, the settings given as command-line flags)."""
    args = vars(_parser().parse_args(argv))
    config_path = args.pop("config")
    return config_path, {k: v for k, v in args.items() if v is not None}
