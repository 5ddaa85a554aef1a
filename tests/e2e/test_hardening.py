"""Hostile and broken inputs (issue 13): no user's file lost, no number bent, no secret leaked."""
import base64
import json
import os
import pty
import select
import signal
import subprocess
import time
import urllib.parse
from pathlib import Path

from conftest import LANDED, landed, make_adder_task, make_suite, read_records, write

DONE = '{"event":"final","status":"done"}'


def command_config(tmp_path: Path, agents: dict, extra="", contender_extra=""):
    """A config with one `command` contender per {name: script}."""
    text = extra + "\n"
    for name, script in agents.items():
        path = tmp_path / "agents" / f"{name}.sh"
        write(path, script, executable=True)
        text += (f'[[contender]]\nname = "{name}"\nrunner = "command"\nmodel = "m"\n'
                 f'command = ["{path}"]\n{contender_extra}\n')
    config = tmp_path / "config.toml"
    config.write_text(text)
    return config


FIXER = f"""
    #!/bin/sh
    sed -i 's/a - b/a + b/' calc.py
    echo '{DONE}'
    """


# --- 12: limits and prices must be finite and positive ---------------------------------------

def test_negative_run_max_usd_is_refused_naming_the_line(tmp_path):
    suite = make_suite(tmp_path)
    config = command_config(tmp_path, {"fixer": FIXER}, extra="[run]\nmax_usd = -1.0\n")
    result = landed("run", suite, "--config", config, "--out", tmp_path / "out")
    assert result.returncode == 2
    assert "config.toml:2" in result.stderr and "-1" in result.stderr
    assert not (tmp_path / "out" / "records.jsonl").exists()


def test_nan_max_usd_on_the_command_line_is_refused(tmp_path):
    suite = make_suite(tmp_path)
    config = command_config(tmp_path, {"fixer": FIXER})
    for value in ("nan", "inf", "-1"):
        result = landed("run", suite, "--config", config, "--out", tmp_path / "out",
                        "--max-usd", value)
        assert result.returncode == 2, value
        assert "--max-usd" in result.stderr and value in result.stderr


def test_nan_price_is_refused_naming_the_entry(tmp_path):
    suite = make_suite(tmp_path)
    config = command_config(tmp_path, {"fixer": FIXER})
    prices = tmp_path / "prices.toml"
    prices.write_text('[models."m"]\ninput = nan\noutput = 1.0\n')
    result = landed("run", suite, "--config", config, "--out", tmp_path / "out",
                    "--prices", prices)
    assert result.returncode == 2
    assert "prices.toml:2" in result.stderr and "nan" in result.stderr


# --- 3: landed deletes only what it wrote ------------------------------------------------------

def test_run_into_a_folder_of_the_users_files_is_refused(tmp_path):
    suite = make_suite(tmp_path)
    config = command_config(tmp_path, {"fixer": FIXER})
    out = tmp_path / "mine"
    write(out / "sandboxes" / "notes.txt", "my notes\n")
    write(out / "attempts" / "add-one" / "fixer" / "r0" / "draft.txt", "my draft\n")
    result = landed("run", suite, "--config", config, "--out", out, "--cache", tmp_path / "c")
    assert result.returncode == 2
    assert "not a landed campaign" in result.stderr
    assert (out / "sandboxes" / "notes.txt").read_text() == "my notes\n"
    assert (out / "attempts" / "add-one" / "fixer" / "r0" / "draft.txt").exists()


def make_campaign_for_publish(tmp_path):
    suite = make_suite(tmp_path)
    config = command_config(tmp_path, {"fixer": FIXER})
    out = tmp_path / "campaign"
    result = landed("run", suite, "--config", config, "--out", out, "--cache", tmp_path / "c")
    assert result.returncode == 0, result.stderr
    return out


def test_publish_replaces_only_what_it_published(tmp_path):
    campaign = make_campaign_for_publish(tmp_path)
    site = tmp_path / "site"
    first = landed("publish", campaign, "--out", site)
    assert first.returncode == 0, first.stderr
    assert (site / ".landed-site-manifest").exists()
    again = landed("publish", campaign, "--out", site)
    assert again.returncode == 0, again.stderr
    # A file of the user's inside a published site: refused, named, kept.
    write(site / "assets" / "logo.svg", "<svg/>\n")
    refused = landed("publish", campaign, "--out", site)
    assert refused.returncode == 2
    assert "assets/logo.svg" in refused.stderr
    assert (site / "assets" / "logo.svg").exists()


def test_publish_refuses_a_folder_that_only_looks_like_a_site(tmp_path):
    campaign = make_campaign_for_publish(tmp_path)
    site = tmp_path / "mine"
    write(site / "data" / "site.json", "{}\n")
    write(site / "tasks" / "todo.txt", "buy milk\n")
    result = landed("publish", campaign, "--out", site)
    assert result.returncode == 2
    assert (site / "tasks" / "todo.txt").read_text() == "buy milk\n"


# --- 16: publish never follows a symlink out of the campaign folder --------------------------

def test_publish_does_not_follow_a_symlinked_patch_out_of_the_campaign(tmp_path):
    campaign = make_campaign_for_publish(tmp_path)
    outside = tmp_path / "private.txt"
    outside.write_text("PRIVATE-CONTENT-42\n")
    for patch in campaign.rglob("patch.diff"):
        patch.unlink()
        patch.symlink_to(outside)
    site = tmp_path / "site"
    result = landed("publish", campaign, "--out", site)
    assert result.returncode == 0, result.stderr
    for path in site.rglob("*"):
        if path.is_file():
            assert "PRIVATE-CONTENT-42" not in path.read_text(errors="replace"), path


# --- 4: attempt folders are unique -------------------------------------------------------------

def test_task_ids_that_differ_in_odd_characters_get_their_own_folders(tmp_path):
    suite = make_suite(tmp_path, ["x y", "x_y", "x?y"])
    config = command_config(tmp_path, {"a b": FIXER, "a_b": FIXER})
    out = tmp_path / "out"
    result = landed("run", suite, "--config", config, "--out", out, "--cache", tmp_path / "c")
    assert result.returncode == 0, result.stderr
    records = read_records(out)
    assert len(records) == 6
    patches = {r["patch"]["path"] for r in records}
    assert len(patches) == 6
    for r in records:
        assert (out / r["patch"]["path"]).is_file()


# --- 7: one writer per campaign folder ---------------------------------------------------------

def test_a_second_run_on_the_same_out_is_refused_while_the_first_runs(tmp_path):
    suite = make_suite(tmp_path)
    slow = f"""
        #!/bin/sh
        sleep 3
        echo '{DONE}'
        """
    config = command_config(tmp_path, {"slow": slow})
    out = tmp_path / "out"
    first = subprocess.Popen([LANDED, "run", suite, "--config", config, "--out", out,
                              "--cache", tmp_path / "c"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while not (out / "campaign.json").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        second = landed("run", suite, "--config", config, "--out", out, "--resume",
                        "--cache", tmp_path / "c")
        assert second.returncode == 2
        assert f"pid {first.pid}" in second.stderr
    finally:
        first.wait(timeout=60)
    assert first.returncode == 0, first.stderr
    assert len(read_records(out)) == 1


# --- 9: task folder names that are not UTF-8 ---------------------------------------------------

def test_a_task_folder_named_with_invalid_utf8_is_refused_and_the_rest_runs(tmp_path):
    suite = make_suite(tmp_path, ["good"])
    make_adder_task(Path(os.fsdecode(bytes(suite) + b"/bad\xff")), ".")
    config = command_config(tmp_path, {"fixer": FIXER})
    out = tmp_path / "out"
    args = ["run", suite, "--config", config, "--out", out, "--cache", tmp_path / "c"]
    first = landed(*args)
    assert first.returncode == 2
    assert "bad\\xff" in first.stderr and "UTF-8" in first.stderr
    assert [r["task_id"] for r in read_records(out)] == ["good"]
    again = landed(*args, "--resume")
    assert again.returncode == 2
    assert len(read_records(out)) == 1
    strict = landed("run", suite, "--config", config, "--out", tmp_path / "strict", "--strict")
    assert strict.returncode == 2
    assert not (tmp_path / "strict" / "records.jsonl").exists()


# --- 10: resume refuses a changed contender ----------------------------------------------------

def test_resume_after_the_contender_changed_is_refused(tmp_path):
    suite = make_suite(tmp_path)
    config = command_config(tmp_path, {"fixer": FIXER})
    out = tmp_path / "out"
    args = ["run", suite, "--config", config, "--out", out, "--cache", tmp_path / "c"]
    assert landed(*args).returncode == 0
    stdout_before = next(out.rglob("agent.stdout")).read_bytes()
    config.write_text(config.read_text().replace('model = "m"', 'model = "m2"'))
    again = landed(*args, "--resume")
    assert again.returncode == 2
    assert "fixer" in again.stderr and "model" in again.stderr
    assert len(read_records(out)) == 1
    assert next(out.rglob("agent.stdout")).read_bytes() == stdout_before


# --- 15: secrets never reach a file ------------------------------------------------------------

SECRET = "sk-hardening-0123456789abcdef"


def secret_forms():
    forms = [SECRET, urllib.parse.quote(SECRET, safe="")]
    for pad in (b"", b"x", b"xy"):
        encoded = base64.b64encode(pad + SECRET.encode()).decode()
        forms.append(encoded[len(pad) + 2:-4])  # the middle, whatever the alignment
    return forms


def test_secrets_are_scrubbed_from_records_logs_patches_and_the_site(tmp_path):
    suite = make_suite(tmp_path)
    leaky = f"""
        #!/bin/sh
        echo "{{\\"event\\":\\"step\\",\\"model\\":\\"model-$API_KEY\\",\\"input_tokens\\":1,\\"output_tokens\\":1}}"
        echo "$API_KEY" > leaked.txt
        printf '%s' "$API_KEY" | base64 > leaked.b64
        printf 'x%s' "$API_KEY" | base64 >> leaked.b64
        printf 'xy%s' "$API_KEY" | base64 >> leaked.b64
        echo "{{\\"event\\":\\"final\\",\\"status\\":\\"done\\",\\"model\\":\\"$API_KEY\\"}}"
        """
    config = command_config(tmp_path, {"leaky": leaky},
                            contender_extra='env_from = { API_KEY = "LANDED_HARDENING_SECRET" }\n')
    suite_task = suite / "add-one" / "task.toml"
    suite_task.write_text(suite_task.read_text().replace(
        'command = "python3 test_hidden.py"', 'command = "cat leaked.txt; python3 test_hidden.py"'))
    out = tmp_path / "out"
    env = dict(os.environ, LANDED_HARDENING_SECRET=SECRET)
    result = landed("run", suite, "--config", config, "--out", out, "--cache", tmp_path / "c",
                    env=env)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    published = landed("publish", out, "--out", site)
    assert published.returncode == 0, published.stderr
    forms = secret_forms()
    for root in (out, site):
        for path in root.rglob("*"):
            if path.is_file() and not path.is_symlink():
                text = path.read_text(errors="replace")
                for form in forms:
                    assert form not in text, (path, form)
    assert "[redacted]" in (out / "records.jsonl").read_text()


def test_a_short_secret_is_refused(tmp_path):
    suite = make_suite(tmp_path)
    config = command_config(tmp_path, {"fixer": FIXER},
                            contender_extra='env_from = { K = "LANDED_HARDENING_SHORT" }\n')
    env = dict(os.environ, LANDED_HARDENING_SHORT="abc")
    result = landed("run", suite, "--config", config, "--out", tmp_path / "out", env=env)
    assert result.returncode == 2
    assert "LANDED_HARDENING_SHORT" in result.stderr and "8" in result.stderr


# --- 16: terminals and spreadsheets ------------------------------------------------------------

def test_report_on_a_terminal_strips_escape_sequences(tmp_path):
    suite = make_suite(tmp_path)
    evil = f"""
        #!/bin/sh
        printf '{{"event":"step","model":"evil\\\\u001b]0;pwned\\\\u0007\\\\u001b[2J","input_tokens":1,"output_tokens":1}}\\n'
        echo '{DONE}'
        """
    config = command_config(tmp_path, {"evil": evil})
    out = tmp_path / "out"
    assert landed("run", suite, "--config", config, "--out", out, "--cache", tmp_path / "c").returncode == 0
    assert "\\u001b" in (out / "records.jsonl").read_text()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["NO_COLOR"] = "1"  # the report's own colours are not what this looks for
        os.execv(LANDED, [LANDED, "report", str(out), "--format", "md"])
    shown = b""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 1)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.waitpid(pid, 0)
    assert b"evil" in shown
    assert b"\x1b" not in shown and b"\x07" not in shown


def test_csv_cells_that_look_like_formulas_stay_text(tmp_path):
    suite = make_suite(tmp_path, ["=cmd"])
    config = command_config(tmp_path, {"fixer": FIXER})
    out = tmp_path / "out"
    assert landed("run", suite, "--config", config, "--out", out, "--cache", tmp_path / "c").returncode == 0
    csv = landed("report", out, "--format", "csv")
    assert csv.returncode == 0, csv.stderr
    assert "\n'=cmd," in csv.stdout


# --- 14: SIGTERM stops a run cleanly -----------------------------------------------------------

def test_sigterm_stops_the_run_and_resume_completes_it(tmp_path):
    suite = make_suite(tmp_path, ["t1", "t2", "t3"])
    # The gate's folder is one the suite lets the agent read ([environment] paths): an isolated
    # agent sees nothing else of tmp_path, and would sleep on through the resumed run.
    gates = tmp_path / "gates"
    gates.mkdir()
    with open(suite / "suite.toml", "a") as toml:
        toml.write(f'[environment]\npaths = ["{gates}"]\n')
    gate = gates / "fast"
    marker = f"sleep 120.{os.getpid()}"
    agent = f"""
        #!/bin/sh
        if [ ! -f {gate} ]; then {marker}; fi
        sed -i 's/a - b/a + b/' calc.py
        echo '{DONE}'
        """
    config = command_config(tmp_path, {"slow": agent})
    out = tmp_path / "out"
    args = [LANDED, "run", suite, "--config", config, "--out", out, "--cache", tmp_path / "c",
            "-j", "2"]
    run = subprocess.Popen(list(map(str, args)), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True, stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        ps = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
        if ps.count(marker) >= 2:
            break
        time.sleep(0.1)
    run.send_signal(signal.SIGTERM)
    _, stderr = run.communicate(timeout=30)
    assert run.returncode == 143, stderr
    assert "interrupted" in stderr
    ps = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
    assert marker not in ps
    assert json.loads((out / "campaign.json").read_text())["status"] == "interrupted"
    assert not (out / "records.jsonl").exists() or read_records(out) == []
    gate.write_text("go\n")
    resumed = landed(*args[1:], "--resume")
    assert resumed.returncode == 0, resumed.stderr
    records = read_records(out)
    assert sorted(r["task_id"] for r in records) == ["t1", "t2", "t3"]
    assert json.loads((out / "campaign.json").read_text())["status"] == "complete"


# --- 16: a 60 MB step line is not dropped silently ---------------------------------------------

def test_an_overlong_step_line_makes_the_usage_incomplete(tmp_path):
    suite = make_suite(tmp_path)
    huge = """
        #!/usr/bin/env python3
        import json, sys
        step = {"event": "step", "model": "m", "input_tokens": 5, "output_tokens": 5,
                "pad": "x" * 60_000_000}
        sys.stdout.write(json.dumps(step) + "\\n")
        sys.stdout.write(json.dumps({"event": "final", "status": "done"}) + "\\n")
        """
    config = command_config(tmp_path, {"huge": huge})
    out = tmp_path / "out"
    result = landed("run", suite, "--config", config, "--out", out, "--cache", tmp_path / "c")
    assert result.returncode == 0, result.stderr
    record = read_records(out)[0]
    assert record["price_status"] == "incomplete"
    assert record["cost_usd"] is None
    assert "cut" in record["reason"]
