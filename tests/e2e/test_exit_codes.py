"""Exit codes that tell the truth (issue 11): a campaign that cannot start says so before it
spends anything (exit 2), a contender with nothing measured is exit 3, `--fail-on` and the
`compare` gates are exit 1; pooled reports count a reused attempt once."""
import json

from conftest import landed, make_suite, read_records, write

SIM = """
[[contender]]
name = "{name}"
runner = "sim"
model = "sim-frontier"
effort = "{effort}"
[contender.options]
step_delay_ms = 0
"""

CRASHER = """
#!/bin/sh
echo '{"event":"step","input_tokens":10,"output_tokens":5}'
exit 1
"""


def run(suite, config, out, tmp_path, *extra):
    return landed("run", suite, "--config", config, "--out", out, "--cache", tmp_path / "cache",
                  "-q", "--infra-retries", "0", *extra, timeout=300)


def test_contenders_that_cannot_start_stop_dry_run_and_run_with_exit_2(tmp_path):
    suite = make_suite(tmp_path)
    config = tmp_path / "config.toml"
    config.write_text(
        '[[contender]]\nname = "ghost"\nrunner = "command"\nmodel = "m"\n'
        'command = ["/nonexistent/agent"]\n\n'
        '[[contender]]\nname = "typo"\nrunner = "landed-agent"\nmodel = "gpt-5"\n'
        'options = { api = "openai-chat", baseurl = "http://127.0.0.1:9/v1" }\n\n'
        '[[contender]]\nname = "claude"\nrunner = "claude-code"\nmodel = "claude-sonnet-4-5"\n'
        'command = ["no-such-claude-binary"]\n')
    for extra in (("--dry-run",), ()):
        out = tmp_path / ("dry" if extra else "real")
        result = run(suite, config, out, tmp_path, *extra)
        assert result.returncode == 2, result.stdout + result.stderr
        assert "contender ghost: /nonexistent/agent is not an executable file" in result.stderr
        assert 'unknown landed-agent option "baseurl" (did you mean "base_url"?)' in result.stderr
        assert "contender claude: cannot start 'no-such-claude-binary'" in result.stderr
        assert not (out / "records.jsonl").exists(), "nothing may run"


def test_an_unpriced_contender_under_a_dollar_cap_refuses_to_start(tmp_path):
    suite = make_suite(tmp_path)
    write(tmp_path / "agent.sh", "#!/bin/sh\necho '{\"event\":\"final\",\"status\":\"done\"}'\n",
          executable=True)
    config = tmp_path / "config.toml"
    config.write_text('[[contender]]\nname = "local"\nrunner = "command"\nmodel = "my-model"\n'
                      f'command = ["{tmp_path / "agent.sh"}"]\n')
    dry = run(suite, config, tmp_path / "dry", tmp_path, "--max-usd", "1", "--dry-run")
    assert dry.returncode == 2
    assert 'contender local: model "my-model" has no price' in dry.stderr
    assert "--allow-unpriced" in dry.stderr
    refused = run(suite, config, tmp_path / "refused", tmp_path, "--max-usd", "1")
    assert refused.returncode == 2
    allowed = run(suite, config, tmp_path / "allowed", tmp_path, "--max-usd", "1",
                  "--allow-unpriced")
    assert allowed.returncode == 0, allowed.stderr
    assert len(read_records(tmp_path / "allowed")) == 1


def test_a_cap_below_one_attempts_worst_case_is_said_up_front(tmp_path):
    suite = make_suite(tmp_path)
    config = tmp_path / "config.toml"
    config.write_text(SIM.format(name="frontier", effort="high") +
                      "[contender.limits]\nmax_usd = 2.0\n")
    for extra in (("--dry-run",), ()):
        result = run(suite, config, tmp_path / f"out{len(extra)}", tmp_path, "--max-usd", "0.5",
                     *extra)
        assert result.returncode == 2, result.stderr
        assert "contender frontier: one attempt may cost up to $2.0000" in result.stderr
        assert "dollar cap of $0.5000" in result.stderr


def test_fail_on_thresholds_exit_1_when_crossed(tmp_path):
    suite = make_suite(tmp_path, ("one", "two"))
    write(tmp_path / "crasher.sh", CRASHER, executable=True)
    config = tmp_path / "config.toml"
    config.write_text('[[contender]]\nname = "crasher"\nrunner = "command"\nmodel = "m"\n'
                      f'command = ["{tmp_path / "crasher.sh"}"]\n')
    crossed = run(suite, config, tmp_path / "a", tmp_path, "--fail-on", "agent_error>50%")
    assert crossed.returncode == 1, crossed.stderr
    assert ("contender crasher: agent_error in 2 of 2 attempts (100.0%), crossing --fail-on "
            "agent_error>50%") in crossed.stderr
    held = run(suite, config, tmp_path / "b", tmp_path, "--fail-on", "agent_error>2",
               "--fail-on", "timeout>=1")
    assert held.returncode == 0, held.stderr
    bad = run(suite, config, tmp_path / "c", tmp_path, "--fail-on", "agent_eror>1")
    assert bad.returncode == 2
    assert "OUTCOME>N" in bad.stderr


def test_pooled_report_counts_a_reused_attempt_once(tmp_path):
    suite = make_suite(tmp_path, ("one", "two", "three"))
    config = tmp_path / "config.toml"
    config.write_text(SIM.format(name="frontier", effort="high"))
    night1, night2 = tmp_path / "night1", tmp_path / "night2"
    assert run(suite, config, night1, tmp_path).returncode == 0
    assert run(suite, config, night2, tmp_path, "--reuse", night1).returncode == 0
    assert all(r["reused_from"] for r in read_records(night2))
    pooled = landed("report", night1, night2, "--format", "json")
    assert pooled.returncode == 0, pooled.stderr
    [row] = json.loads(pooled.stdout)["contenders"]
    assert row["attempts"] == 3
    alone = json.loads(landed("report", night2, "--format", "json").stdout)["contenders"][0]
    assert alone["attempts"] == 3
    # The site's leaderboard pools the same way; each night's trend point keeps its own view.
    site = tmp_path / "site"
    assert landed("publish", night1, night2, "--out", site).returncode == 0
    [published] = json.loads((site / "data" / "report.json").read_text())["contenders"]
    assert published["attempts"] == 3
    trends = json.loads((site / "data" / "trends.json").read_text())["campaigns"]
    assert [c["contenders"][0]["scored"] for c in trends] == [3, 3]


def test_compare_gates_power_and_a_changed_definition(tmp_path):
    suite = make_suite(tmp_path, ("one", "two", "three"))
    agent = tmp_path / "agent.sh"
    write(agent, "#!/bin/sh\nsed -i 's/a - b/a + b/' calc.py\n"
          "echo '{\"event\":\"final\",\"status\":\"done\"}'\n", executable=True)
    config = tmp_path / "config.toml"
    config.write_text(f'[[contender]]\nname = "agent"\nrunner = "command"\nmodel = "m"\n'
                      f'command = ["{agent}"]\n')
    base, cand = tmp_path / "base", tmp_path / "cand"
    assert run(suite, config, base, tmp_path).returncode == 0
    write(agent, "#!/bin/sh\necho '{\"event\":\"final\",\"status\":\"done\"}'\n", executable=True)
    assert run(suite, config, cand, tmp_path).returncode == 0

    plain = landed("compare", base, cand)
    assert plain.returncode == 0, plain.stdout + plain.stderr  # 3 tasks: never significant
    assert "too few for the gate" in plain.stdout
    assert "definition changed: tool_version" in plain.stdout
    gated = landed("compare", base, cand, "--max-drop", "10", "--format", "json")
    assert gated.returncode == 1
    doc = json.loads(gated.stdout)
    [change] = doc["contenders"]
    assert change["drop_gate_crossed"] and not change["regression"]
    assert change["min_detectable_drop"] is None
    assert change["definition_changed"] and change["changed_fields"] == ["tool_version"]


INFRA = """#!/bin/sh
echo '{"event":"final","status":"infra_error","reason":"provider down"}'
"""

FIXER = """#!/bin/sh
sed -i 's/a - b/a + b/' calc.py
echo '{"event":"final","status":"done"}'
"""


def two_contenders(tmp_path):
    write(tmp_path / "infra.sh", INFRA, executable=True)
    write(tmp_path / "fixer.sh", FIXER, executable=True)
    config = tmp_path / "config.toml"
    config.write_text(
        f'[[contender]]\nname = "down"\nrunner = "command"\ncommand = ["{tmp_path / "infra.sh"}"]\n\n'
        f'[[contender]]\nname = "fine"\nrunner = "command"\ncommand = ["{tmp_path / "fixer.sh"}"]\n')
    return config


def test_a_contender_with_nothing_measured_exits_3_and_is_named(tmp_path):
    suite = make_suite(tmp_path, ("one", "two"))
    config = two_contenders(tmp_path)
    result = run(suite, config, tmp_path / "out", tmp_path)
    assert result.returncode == 3, result.stdout + result.stderr
    assert ("contender down: nothing measured: all 2 attempts ended in infra_error "
            "(first: ") in result.stderr
    assert "provider down" in result.stderr
    assert "contender fine" not in result.stderr
    # Exit 3 outranks a crossed --fail-on (1); the crossed line is still printed.
    both = run(suite, config, tmp_path / "both", tmp_path, "--fail-on", "infra_error>=1")
    assert both.returncode == 3, both.stderr
    assert "crossing --fail-on infra_error>=1" in both.stderr


def test_exit_precedence_a_task_that_failed_to_load_outranks_nothing_measured(tmp_path):
    suite = make_suite(tmp_path, ("one",))
    write(suite / "broken" / "task.toml", 'no_such_key = 1\n')
    config = two_contenders(tmp_path)
    result = run(suite, config, tmp_path / "out", tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "failed to load" in result.stderr
    assert "contender down: nothing measured" in result.stderr  # still said
    skipped = run(suite, config, tmp_path / "skipped", tmp_path, "--skip-bad-tasks")
    assert skipped.returncode == 3, skipped.stderr


def test_a_named_contender_keeps_its_row_when_its_effort_changes(tmp_path):
    """`name` is the row's identity: changing the effort is compared, and labelled "definition
    changed" in compare, in the pooled report (json) and in the trends of the site."""
    suite = make_suite(tmp_path, ("one", "two", "three"))
    night1, night2 = tmp_path / "night1", tmp_path / "night2"
    config = tmp_path / "config.toml"
    config.write_text(SIM.format(name="frontier", effort="high"))
    assert run(suite, config, night1, tmp_path).returncode == 0
    config.write_text(SIM.format(name="frontier", effort="low"))
    assert run(suite, config, night2, tmp_path).returncode == 0
    assert {r["contender"]["id"] for r in read_records(night2)} == {"frontier"}

    compared = landed("compare", night1, night2, "--format", "json")
    assert compared.returncode in (0, 1), compared.stderr
    doc = json.loads(compared.stdout)
    assert doc["only_in_baseline"] == [] and doc["only_in_candidate"] == []
    [change] = doc["contenders"]
    assert change["definition_changed"] and "effort" in change["changed_fields"]

    pooled = landed("report", night1, night2, "--format", "json")
    assert pooled.returncode == 0, pooled.stderr
    [row] = json.loads(pooled.stdout)["contenders"]
    assert row["id"] == "frontier" and row["definition_changed"] is True
    alone = json.loads(landed("report", night1, "--format", "json").stdout)["contenders"][0]
    assert alone["definition_changed"] is False

    site = tmp_path / "site"
    published = landed("publish", night1, night2, "--out", site)
    assert published.returncode == 0, published.stderr
    trends = json.loads((site / "data" / "trends.json").read_text())["campaigns"]
    flags = [c["contenders"][0]["definition_changed"] for c in trends]
    assert flags == [False, True], trends
    assert "definition changed" in (site / "trends.html").read_text()


def test_a_campaign_that_cannot_finish_writing_exits_5_and_keeps_its_records(tmp_path):
    # The agent (un-isolated) puts a folder where campaign.json goes: the campaign started and
    # recorded its attempt, then could not write its final campaign.json. That is no bad input
    # (exit 2) but the campaign's own failure.
    suite = make_suite(tmp_path)
    out = tmp_path / "out"
    write(tmp_path / "agent.sh",
          f"#!/bin/sh\nrm -f '{out}/campaign.json'\nmkdir '{out}/campaign.json'\n"
          "echo '{\"event\":\"final\",\"status\":\"done\"}'\n", executable=True)
    config = tmp_path / "config.toml"
    config.write_text('[[contender]]\nname = "local"\nrunner = "command"\nmodel = "my-model"\n'
                      f'command = ["{tmp_path / "agent.sh"}"]\n')
    result = run(suite, config, out, tmp_path, "--isolation", "none", "--allow-unpriced")
    assert result.returncode == 5, result.stdout + result.stderr
    assert "landed: the campaign failed: " in result.stderr
    assert "campaign.json" in result.stderr
    assert len(read_records(out)) == 1, "the attempt recorded before the failure stands"
