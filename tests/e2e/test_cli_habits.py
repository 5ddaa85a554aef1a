"""Command-line habits users bring from pytest, hyperfine and Inspect: --task/--contender
globs, plain progress lines off a terminal, tables that fit the terminal, colour that respects
NO_COLOR, "did you mean", exit codes in every --help, and dollars spent apart from reused."""
import os
import re

from conftest import SOURCE_DIR, landed, make_suite

FIXTURE = SOURCE_DIR / "tests" / "fixtures" / "report-campaign"
EVERY_COMMAND = ["validate", "run", "merge", "report", "compare", "routes", "ingest", "publish",
                 "prices"]

SIM_CONFIG = """
[[contender]]
runner = "sim"
model = "sim-frontier"
effort = "low"
[contender.options]
step_delay_ms = 0

[[contender]]
runner = "sim"
model = "sim-budget"
effort = "medium"
[contender.options]
step_delay_ms = 0
"""


def env(**extra):
    base = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "NO_COLOR")}
    base.update(extra)
    return base


def test_a_mistyped_command_gets_a_suggestion_and_exit_2():
    result = landed("reprot", FIXTURE)
    assert result.returncode == 2
    assert "did you mean `report`?" in result.stderr
    assert "unknown command 'reprot'" in result.stderr
    far = landed("xyzzy")
    assert far.returncode == 2 and "did you mean" not in far.stderr


def test_every_help_lists_its_exit_codes():
    assert "Exit status" in landed("--help").stdout
    for command in EVERY_COMMAND:
        result = landed(command, "--help")
        assert result.returncode == 0, command
        assert re.search(r"Exit status: 0 .*2 bad usage", result.stdout.replace("\n", " ")), command


def test_report_selects_by_task_and_contender_globs():
    result = landed("report", FIXTURE, "--format", "json", "--contender", "sim/*",
                    "--contender", "noop", "--task", "*")
    assert result.returncode == 0, result.stderr
    import json
    ids = {c["id"] for c in json.loads(result.stdout)["contenders"]}
    assert ids == {"sim/sim-frontier", "noop"}
    typo = landed("report", FIXTURE, "--contender", "clade-*")
    assert typo.returncode == 2
    assert "--contender 'clade-*' matches no contender" in typo.stderr


def test_compare_takes_the_same_globs():
    result = landed("compare", FIXTURE, FIXTURE, "--task", "no-such-task*")
    assert result.returncode == 2 and "--task 'no-such-task*'" in result.stderr
    assert landed("compare", FIXTURE, FIXTURE, "--contender", "noop").returncode == 0


def test_report_fits_the_terminal_width_and_wide_shows_everything():
    narrow = landed("report", FIXTURE, env=env(COLUMNS="80"))
    assert narrow.returncode == 0, narrow.stderr
    table = [line for line in narrow.stdout.splitlines() if line.startswith(("#  ", "1  ", "2  "))]
    assert table and all(len(line) <= 80 for line in table), table
    assert "--wide shows them" in narrow.stdout
    wide = landed("report", FIXTURE, "--wide", env=env(COLUMNS="80"))
    assert "tokens/attempt" in wide.stdout and "--wide shows them" not in wide.stdout
    assert "Per task: passes/attempts" in wide.stdout
    assert "Per task" not in landed("report", FIXTURE, "--no-matrix").stdout


def test_colour_only_when_asked_or_on_a_terminal_without_no_color():
    assert "\033[" not in landed("report", FIXTURE).stdout  # a pipe: auto means none
    assert "\033[32m" in landed("report", FIXTURE, "--color", "always").stdout
    assert "\033[" not in landed("report", FIXTURE, "--color", "never").stdout
    assert landed("report", FIXTURE, "--color", "sometimes").returncode == 2


def test_run_selects_globs_prints_plain_progress_and_splits_spent_from_reused(tmp_path, cache_dir):
    suite = make_suite(tmp_path, task_ids=("add-one", "add-two", "other"))
    config = tmp_path / "config.toml"
    config.write_text(SIM_CONFIG)
    out = tmp_path / "first"
    first = landed("run", suite, "--config", config, "--out", out, "--cache", cache_dir,
                   "--task", "add-*", "--contender", "*frontier*", "--progress", "plain")
    assert first.returncode == 0, first.stderr
    lines = [line for line in first.stderr.splitlines() if line.startswith("[")]
    assert lines[-1].startswith("[2/2] 100% pass "), first.stderr
    assert "spent" in lines[-1] and "$" in lines[-1]
    assert "sim/sim-frontier@low" in first.stdout and "sim-budget" not in first.stdout
    assert re.search(r"dollars: \$[0-9.]+ spent by this campaign, \$0\.0000 reused", first.stdout)

    again = landed("run", suite, "--config", config, "--out", tmp_path / "second", "--cache",
                   cache_dir, "--task", "add-*", "--contender", "*frontier*", "--reuse", out, "-q")
    assert again.returncode == 0, again.stderr
    assert not [line for line in again.stderr.splitlines() if line.startswith("[")]
    match = re.search(r"dollars: \$([0-9.]+) spent by this campaign, \$([0-9.]+) reused", again.stdout)
    assert match and float(match.group(1)) == 0 and float(match.group(2)) > 0, again.stdout

    typo = landed("run", suite, "--config", config, "--out", tmp_path / "x", "--task", "ad-*")
    assert typo.returncode == 2 and "--task 'ad-*' matches no task" in typo.stderr
    typo = landed("run", suite, "--config", config, "--out", tmp_path / "x", "--contender", "gpt*")
    assert typo.returncode == 2 and "--contender 'gpt*' matches no contender" in typo.stderr


def test_validate_takes_task_globs(tmp_path, cache_dir):
    suite = make_suite(tmp_path, task_ids=("add-one", "other"))
    result = landed("validate", suite, "--cache", cache_dir, "--task", "other")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 of 1 tasks sound" in result.stdout and "add-one" not in result.stdout
    assert landed("validate", suite, "--task", "nope").returncode == 2
