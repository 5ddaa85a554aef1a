"""The command line itself: help on every command, exit codes for bad usage."""
from conftest import landed

COMMANDS = ["validate", "run", "report", "compare"]


def test_help_on_every_command_exits_zero():
    top = landed("--help")
    assert top.returncode == 0
    for command in COMMANDS:
        assert command in top.stdout
        result = landed(command, "--help")
        assert result.returncode == 0, command
        assert "Usage" in result.stdout or "usage" in result.stdout.lower()


def test_bad_usage_exits_two():
    assert landed().returncode == 2
    assert landed("no-such-command").returncode == 2
    assert landed("run").returncode == 2  # missing suite and --config


def test_version_names_the_commit():
    result = landed("--version")
    assert result.returncode == 0
    assert "(" in result.stdout
