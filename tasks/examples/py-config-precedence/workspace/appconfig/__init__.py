"""Layered service configuration: defaults, file, environment, command line."""

from .loader import Config, ConfigError, load_config

__all__ = ["Config", "ConfigError", "load_config"]
