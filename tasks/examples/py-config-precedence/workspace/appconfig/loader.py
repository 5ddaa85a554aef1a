"""Merging the sources into one Config."""

from dataclasses import dataclass

from .defaults import DEFAULTS
from .sources import ConfigError, from_args, from_env, from_file

__all__ = ["Config", "ConfigError", "load_config"]


@dataclass(frozen=True)
class Config:
    host: str
    port: int
    workers: int
    debug: bool
    log_level: str
    timeout: float


def load_config(argv=(), environ=None):
    """The configuration for command-line arguments `argv` and environment `environ`."""
    environ = {} if environ is None else environ
    config_path, cli = from_args(list(argv))
    config_path = environ.get("APP_CONFIG") or config_path

    settings = dict(DEFAULTS)
    if config_path:
        settings.update(from_file(config_path))
    settings.update(cli)
    settings.update(from_env(environ))
    return Config(**settings)
