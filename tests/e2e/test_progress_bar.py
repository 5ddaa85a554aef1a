"""The live progress line: drawn in place on a terminal (`--progress auto` with stderr a TTY, or
`--progress bar` anywhere), cleared when the run ends, and never mixed into stdout."""
import os
import pty
import re
import select
import subprocess

from conftest import LANDED, make_suite

CONFIG = """
[[contender]]
runner = "sim"
model = "sim-frontier"
effort = "low"
[contender.options]
step_delay_ms = 0
"""

REDRAW = "\r\033[K"


def run_on_terminal(*args, timeout=300):
    """Runs landed with stderr on a pseudo-terminal; returns (exit code, stdout, terminal text)."""
    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS")}
    proc = subprocess.Popen([LANDED, *map(str, args)], stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=slave, env=env)
    os.close(slave)
    seen = b""
    while True:
        ready, _, _ = select.select([master], [], [], timeout)
        if not ready:
            proc.kill()
            raise AssertionError("landed wrote nothing to the terminal for %d s" % timeout)
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the last writer closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    out = proc.stdout.read().decode()
    code = proc.wait(timeout=timeout)
    os.close(master)
    return code, out, seen.decode(errors="replace")


def suite_and_config(tmp_path):
    suite = make_suite(tmp_path, task_ids=("add-one", "add-two", "add-three"))
    config = tmp_path / "config.toml"
    config.write_text(CONFIG)
    return suite, config


def test_on_a_terminal_auto_draws_one_line_in_place_and_clears_it(tmp_path, cache_dir):
    suite, config = suite_and_config(tmp_path)
    code, out, terminal = run_on_terminal("run", suite, "--config", config, "--out",
                                          tmp_path / "c", "--cache", cache_dir)
    assert code == 0, terminal
    # One redraw per attempt, each the whole line: [done/total] counts · dollars, elapsed, left.
    frames = re.findall(r"\r\033\[K(\[\d+/3\][^\r\n]*)", terminal)
    assert [f.split("]")[0] for f in frames] == ["[1/3", "[2/3", "[3/3"], terminal
    assert re.search(r"\[3/3\] pass \d+ fail \d+ error \d+ · \$[0-9.]+ .* elapsed, ~\S+ left",
                     frames[-1]), frames[-1]
    # Cleared at the end, so the summary starts on a clean line; nothing of it reaches stdout.
    assert terminal.rstrip("\n").rfind(REDRAW) > terminal.find(frames[-1])
    assert REDRAW not in out and "[3/3]" not in out
    # No plain progress lines on a terminal.
    assert not re.search(r"^\[\d+/3\] \d+% ", terminal, re.M)


def test_bar_is_drawn_when_asked_even_off_a_terminal(tmp_path, cache_dir):
    suite, config = suite_and_config(tmp_path)
    # Bytes, not text: universal newlines would turn the carriage returns into line ends.
    result = subprocess.run([LANDED, "run", suite, "--config", config, "--out", tmp_path / "c",
                             "--cache", cache_dir, "--progress", "bar"],
                            capture_output=True, stdin=subprocess.DEVNULL, timeout=300)
    stderr = result.stderr.decode(errors="replace")
    assert result.returncode == 0, stderr
    assert stderr.count(REDRAW + "[") == 3, stderr
    assert REDRAW.encode() not in result.stdout


def test_none_on_a_terminal_draws_nothing(tmp_path, cache_dir):
    suite, config = suite_and_config(tmp_path)
    code, _, terminal = run_on_terminal("run", suite, "--config", config, "--out",
                                        tmp_path / "c", "--cache", cache_dir, "--progress", "none")
    assert code == 0, terminal
    assert REDRAW not in terminal and not re.search(r"\[\d+/3\]", terminal)
