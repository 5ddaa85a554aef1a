"""Routing end to end: a live cascade over simulated agents, then `landed routes` on the same
campaign. The live route and the offline prediction from the single contenders' records must
agree within sampling error.

Statistical tolerance: a two-sided two-proportion z-test of the pass rates and a two-sided
normal test of the mean cost per attempt, each not significant at the 1% level (landed itself
reports `agrees` at 5%). The sim agent is seeded by the attempt key, and a route's step has its
own key (<task>/<route>/r<k>/step<i>), so the live steps are independent draws from the same
per-contender behaviour as the single attempts, not replays of them.
"""
import json
import xml.etree.ElementTree as ElementTree

from conftest import SOURCE_DIR, landed, make_suite, read_records, write

CONFIG = """
[run]
repeats = 6

[limits]
wall_time_s = 60

[[contender]]
name = "budget"
runner = "sim"
model = "sim-budget"
[contender.options]
pass_easy = 0.4
step_delay_ms = 1

[[contender]]
name = "frontier"
runner = "sim"
model = "sim-frontier"
effort = "high"
[contender.options]
pass_easy = 0.75
step_delay_ms = 1

[[route]]
name = "budget-then-frontier"
contenders = ["budget", "frontier"]
"""

TASKS = tuple(f"add-{i}" for i in range(5))
SOURCE_FIXTURE = SOURCE_DIR / "tests" / "fixtures" / "report-campaign"


def run_campaign(tmp_path, cache_dir):
    suite = make_suite(tmp_path, task_ids=TASKS)
    write(tmp_path / "config.toml", CONFIG)
    out = tmp_path / "campaign"
    result = landed("run", suite, "--config", tmp_path / "config.toml", "--out", out, "-j", "2",
                    env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
                         "XDG_CACHE_HOME": str(cache_dir)})
    assert result.returncode == 0, result.stderr
    return out


def test_live_route_agrees_with_the_offline_prediction(tmp_path, cache_dir):
    out = run_campaign(tmp_path, cache_dir)
    records = read_records(out)
    routes = [r for r in records if r["contender"]["id"] == "budget-then-frontier"]
    assert len(routes) == len(TASKS) * 6
    for r in routes:
        assert r["contender"]["runner"] == "route"
        steps = r["route"]["steps"]
        assert r["route"]["cascade"] == ["budget", "frontier"]
        assert steps[0]["contender"]["id"] == "budget"
        # Escalation only on a visible signal; a visibly good first step ends the route.
        if len(steps) == 2:
            first = steps[0]
            assert first["escalated_on"] in ("check_failed", "gave_up", "agent_error")
            assert first["agent_status"] != "done" or first["check"]["exit_code"] != 0
        else:
            assert steps[0]["check"]["exit_code"] == 0
        costs = [s["cost_usd"] for s in steps]
        assert abs(r["cost_usd"] - sum(costs)) < 1e-9
        assert r["outcome"] == steps[-1]["outcome"]

    # The steps are fresh draws, not replays of the single attempts on the same cell.
    singles = {(r["task_id"], r["repeat"]): r for r in records if r["contender"]["id"] == "budget"}
    assert any(r["route"]["steps"][0]["outcome"] != singles[(r["task_id"], r["repeat"])]["outcome"]
               for r in routes)

    result = landed("routes", out, "--format", "json", "--out", tmp_path / "report")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["schema"] == "landed.routes/1"
    assert doc["contenders"] == ["budget", "frontier"]
    [live] = doc["live_routes"]
    predicted, measured = live["predicted"], live["live"]
    assert predicted["id"] == "budget > frontier"
    assert measured["cells"] == predicted["cells"] == len(TASKS) * 6
    assert live["pass_p_value"] > 0.01, live
    assert live["cost_p_value"] > 0.01, live
    lo_a, hi_a = measured["pass_rate_ci95"]
    lo_b, hi_b = predicted["pass_rate_ci95"]
    assert lo_a <= hi_b and lo_b <= hi_a
    # The cascade the route ran is one of the enumerated ones, with the same figures.
    enumerated = {p["id"]: p for p in doc["policies"]}
    assert enumerated["budget > frontier"]["passes"] == predicted["passes"]
    assert {"budget", "frontier", "oracle"} <= set(enumerated)
    assert doc["summary"].startswith("Over 5 tasks")

    svg = tmp_path / "report" / "routes.svg"
    root = ElementTree.parse(svg).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert (tmp_path / "report" / "routes.md").read_text().startswith("## Routing")
    assert json.loads((tmp_path / "report" / "routes.json").read_text())["best"] == doc["best"]

    table = landed("routes", out, "--cascade", "frontier,budget")
    assert table.returncode == 0, table.stderr
    assert "frontier > budget" in table.stdout
    assert "budget-then-frontier" in table.stdout  # the live route line


def test_routes_rejects_an_unknown_cascade_and_an_empty_input(tmp_path, cache_dir):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "records.jsonl").write_text("")
    result = landed("routes", empty)
    assert result.returncode == 2
    assert "no single-contender records" in result.stderr
    bad = landed("routes", SOURCE_FIXTURE, "--cascade", "nobody,else")
    assert bad.returncode == 2
    assert "nobody" in bad.stderr

