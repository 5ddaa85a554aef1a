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


_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off"}


def _convert(var, text, default):
    """`text` converted to the type of `default`; ConfigError naming `var` when it cannot be."""
    kind = type(default)
    if kind is bool:  # before int: bool is a subclass of int
        word = text.strip().lower()
        if word in _TRUE or word in _FALSE:
            return word in _TRUE
        raise ConfigError(f"{var}={text!r}: expected one of true/false, 1/0, yes/no, on/off")
    if kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            raise ConfigError(f"{var}={text!r}: expected {kind.__name__}") from None
    return text


def from_env(environ):
    """The settings given as APP_<NAME> environment variables, converted to their types."""
    settings = {}
    for name, default in DEFAULTS.items():
        var = ENV_PREFIX + name.upper()
        if var in environ:
            settings[name] = _convert(var, environ[var], default)
    return settings


def _parser():
    p = argparse.ArgumentParser(prog="myservice")
    p.add_argument("--config")
    p.add_argument("--host")
    p.add_argument("--port", type=int)
    p.add_argument("--workers", type=int)
    p.add_argument("--debug", action=argparse.BooleanOptionalAction)
    p.add_argument("--log-level", dest="log_level")
    p.add_argument("--timeout", type=float)
    return p


def from_args(argv):
    """(config path or None, the settings given as command-line flags)."""
    # Every flag defaults to None, so a flag that was not given overrides nothing.
    args = vars(_parser().parse_args(argv))
    config_path = args.pop("config")
    return config_path, {k: v for k, v in args.items() if v is not None}
