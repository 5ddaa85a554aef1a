"""The static leaderboard end to end: a small campaign with HTML/script payloads planted in a
task name, a contender name and a patch goes through `landed ingest` and `landed publish`; then
Debian's headless chromium opens the site from disk and drives it over the DevTools protocol."""
import json
import shutil
from pathlib import Path

import pytest

from cdp import Browser
from conftest import landed

SCRIPT_PAYLOAD = "<script>alert(1)</script>"
IMG_PAYLOAD = '<img src=x onerror="alert(2)">'
TASK_PAYLOAD = f"evil{SCRIPT_PAYLOAD}{IMG_PAYLOAD}"
CONTENDERS = [  # id, runner, model, pass pattern, cost per attempt (None: unpriced), simulated
    ("claude-code/sonnet@high", "claude-code", "claude-sonnet-4-5", [1, 1, 1, 0], 0.42, False),
    ("codex/gpt-5-mini@low", "codex", "gpt-5-mini", [1, 0, 0, 0], 0.05, False),
    ("sim/sim-budget", "sim", "sim-budget", [1, 1, 0, 0], 0.01, True),
    (f"command/{IMG_PAYLOAD}", "command", "house-model", [0, 1, 0, 0], None, False),
]
TASKS = [("add-one", "easy", ["python"]), ("ring-buffer", "medium", ["cpp", "bugfix"]),
         ("parser", "hard", ["cpp"]), (TASK_PAYLOAD, "easy", ["python", "<b>tag</b>"])]


def record(campaign_id, task, contender, repeat, passed, patch_path):
    task_id, difficulty, tags = task
    cid, runner, model, _, cost, simulated = contender
    return {
        "schema": 1, "campaign_id": campaign_id, "attempt_id": f"{task_id}/{cid}/r{repeat}",
        "task_id": task_id, "task_digest": "d-" + str(abs(hash(task_id)) % 10**8),
        "task_difficulty": difficulty, "task_tags": tags,
        "contender": {"id": cid, "runner": runner, "model": model, "effort": None,
                      "simulated": simulated, "fingerprint": "fp-" + runner + model},
        "repeat": repeat, "outcome": "pass" if passed else "fail",
        "reason": "verify passed" if passed else f"verify failed {SCRIPT_PAYLOAD}",
        "input_tokens": 1000 + repeat, "cache_read_tokens": 5000, "cache_write_tokens": 100,
        "output_tokens": 700, "reasoning_tokens": 100, "steps": 4 + repeat, "tool_calls": 3,
        "cost_usd_reported": None,
        "models": [{"model": model, "input_tokens": 1000 + repeat, "cache_read_tokens": 5000,
                    "cache_write_tokens": 100, "output_tokens": 700, "reasoning_tokens": 100,
                    "steps": 4 + repeat, "cost_usd_reported": None}],
        "cost_usd": cost, "price_status": "priced" if cost is not None else "unpriced",
        "unpriced_models": [] if cost is not None else [model],
        "wall_time_s": 10.0 + repeat, "timing": {},
        "agent": {"status": "done", "stdout_path": patch_path.replace("patch.diff", "agent.stdout")},
        "check": None,
        "verify": {"exit_code": 0 if passed else 1, "timed_out": False,
                   "log_path": patch_path.replace("patch.diff", "verify.log")},
        "patch": {"path": patch_path, "bytes": 10, "files_changed": 1, "hidden_test_edits": []},
        "infra_retries": 0, "started_at": "2026-11-20T01:00:00Z",
        "finished_at": "2026-11-20T01:01:00Z", "host": "test",
    }


def agent_log(runner):
    """What the agent printed, payloads included: Claude Code's stream-json or native lines."""
    if runner == "claude-code":
        return "\n".join(json.dumps(e) for e in [
            {"type": "assistant", "message": {"id": "m1", "model": "claude-sonnet-4-5", "content": [
                {"type": "text", "text": f"I will fix it {SCRIPT_PAYLOAD}"},
                {"type": "tool_use", "name": "Bash", "input": {"command": f"echo '{IMG_PAYLOAD}'"}}],
                "usage": {"input_tokens": 1000, "cache_read_input_tokens": 5000,
                          "cache_creation_input_tokens": 100, "output_tokens": 700}}}]) + "\n"
    return "\n".join(json.dumps(e) for e in [
        {"event": "step", "model": "m", "input_tokens": 1000, "output_tokens": 700},
        {"event": "tool", "name": "shell", "input": {"command": f"cat {IMG_PAYLOAD}"}},
        {"event": "final", "status": "done", "reason": SCRIPT_PAYLOAD}]) + "\n"


def make_campaign(root: Path, campaign_id, started_at, flip=False):
    """A campaign folder with attempt files, as `landed run` lays them out."""
    lines = []
    for t, task in enumerate(TASKS):
        for contender in CONTENDERS:
            for repeat in range(2):
                rel = f"attempts/t{t}/{contender[1]}/r{repeat}/patch.diff"
                (root / rel).parent.mkdir(parents=True, exist_ok=True)
                (root / rel).write_text(f"+++ b/x.py\n+{SCRIPT_PAYLOAD}\n+{IMG_PAYLOAD}\n")
                (root / rel.replace("patch.diff", "verify.log")).write_text(
                    "line\n" * 2000 + f"FAILED {SCRIPT_PAYLOAD}\n")
                (root / rel.replace("patch.diff", "agent.stdout")).write_text(agent_log(contender[1]))
                passed = bool(contender[3][t]) != (flip and repeat == 1)
                lines.append(json.dumps(record(campaign_id, task, contender, repeat, passed, rel)))
    (root / "records.jsonl").write_text("\n".join(lines) + "\n")
    (root / "campaign.json").write_text(json.dumps({
        "schema": 1, "campaign_id": campaign_id, "started_at": started_at,
        "finished_at": started_at, "suite": {"name": "mini", "digest": "s"}}))
    return root


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("site")
    runs = tmp / "runs"
    first = make_campaign(runs / "night-1", "night-1", "2026-11-19T01:00:00Z", flip=True)
    second = make_campaign(runs / "night-2", "night-2", "2026-11-20T01:00:00Z")
    ingest = landed("ingest", first, second)
    assert ingest.returncode == 0, ingest.stderr
    db = runs / "landed.db"  # the default: next to the campaigns
    assert db.exists()
    site = tmp / "site"
    result = landed("publish", f"{db}#latest", "--out", site, "--title", "Nightly")
    assert result.returncode == 0, result.stderr
    assert str(site / "index.html") in result.stdout
    return tmp, runs, db, site


def test_ingest_twice_adds_nothing(published):
    _, runs, db, _ = published
    again = landed("ingest", runs / "night-2", "--db", db)
    assert again.returncode == 0, again.stderr
    assert "0 new attempt(s), 32 already in the history" in again.stdout


def test_ingest_names_file_and_line_of_a_malformed_record(tmp_path):
    bad = make_campaign(tmp_path / "bad", "bad", "2026-11-20T01:00:00Z")
    lines = (bad / "records.jsonl").read_text().splitlines()
    lines[2] = '{"schema": 1, "outcome": '
    (bad / "records.jsonl").write_text("\n".join(lines) + "\n")
    result = landed("ingest", bad, "--db", tmp_path / "h.db")
    assert result.returncode == 2
    assert "records.jsonl:3" in result.stderr


def without_sources(report):
    report = dict(report)
    report.pop("sources")
    return report


def test_database_report_and_site_data_equal_the_folder_report(published):
    _, runs, db, site = published
    folder = landed("report", runs / "night-2", "--format", "json")
    from_db = landed("report", f"{db}#night-2", "--format", "json")
    assert folder.returncode == 0 and from_db.returncode == 0, from_db.stderr
    expected = without_sources(json.loads(folder.stdout))
    assert without_sources(json.loads(from_db.stdout)) == expected
    assert without_sources(json.loads((site / "data" / "report.json").read_text())) == expected


def test_compare_reads_two_campaigns_of_one_database(published):
    _, _, db, _ = published
    result = landed("compare", f"{db}#previous", f"{db}#latest", "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    assert json.loads(result.stdout)


def test_trends_cover_every_campaign_of_the_history(published):
    _, _, _, site = published
    trends = json.loads((site / "data" / "trends.json").read_text())
    assert [c["campaign_id"] for c in trends["campaigns"]] == ["night-1", "night-2"]
    index = json.loads((site / "data" / "site.json").read_text())
    assert index["schema"] == "landed.site/1"
    assert {t["id"] for t in index["tasks"]} == {t[0] for t in TASKS}


def test_no_page_contains_a_live_payload(published):
    _, _, _, site = published
    for page in site.rglob("*.html"):
        text = page.read_text()
        assert "<script>alert" not in text, page
        assert "<img" not in text, page
        assert "<b>tag" not in text, page


@pytest.fixture(scope="module")
def browser(published):
    if shutil.which("chromium") is None:
        pytest.fail("chromium is missing: `make test` installs it (.ci/install-deps test)")
    tmp = published[0]
    b = Browser(tmp / "chromium-profile", timeout=30)
    b.call("Page.enable")
    b.call("Network.enable")
    b.call("Runtime.enable")
    yield b
    b.close()


ROWS_JS = """Array.from(document.querySelectorAll('#leaderboard tbody tr')).map(tr => {
  const v = k => tr.querySelector('[data-key="' + k + '"]').getAttribute('data-v');
  return {id: tr.getAttribute('data-contender'), rank: v('rank'), pass_rate: v('pass_rate'),
          usd_attempt: v('usd_attempt'), usd_solved: v('usd_solved'), input: v('input'),
          cache_read: v('cache_read'), output: v('output'), steps: v('steps'),
          text: tr.textContent};
})"""


def number(text):
    return None if text == "" else float(text)


def close(a, b):
    return (a is None and b is None) or (a is not None and b is not None and abs(a - b) < 1e-9 * max(1, abs(b)))


def test_browser_drives_the_site(published, browser):
    tmp, _, _, site = published
    shots = tmp / "screenshots"
    shots.mkdir(exist_ok=True)
    report = json.loads((site / "data" / "report.json").read_text())

    browser.navigate((site / "index.html").as_uri())
    rows = browser.evaluate(ROWS_JS)
    browser.screenshot(shots / "leaderboard.png")
    # The rows and their values are the report's, in rank order.
    assert [r["id"] for r in rows] == [c["id"] for c in report["contenders"]]
    for row, c in zip(rows, report["contenders"]):
        assert close(number(row["pass_rate"]), c["pass_rate"])
        assert close(number(row["usd_attempt"]), c["cost"]["mean_per_attempt_usd"])
        assert close(number(row["usd_solved"]), c["cost"]["per_solved_usd"])
        assert close(number(row["input"]), c["tokens_per_attempt"]["input"])
        assert close(number(row["cache_read"]), c["tokens_per_attempt"]["cache_read"])
        assert close(number(row["steps"]), c["steps_per_attempt"])
    unpriced = next(r for r in rows if r["id"] == f"command/{IMG_PAYLOAD}")
    assert "unpriced" in unpriced["text"] and IMG_PAYLOAD in unpriced["text"]
    assert "simulated" in next(r for r in rows if r["id"] == "sim/sim-budget")["text"]

    # Sort by $/attempt from the keyboard: focus the heading's button and press Enter.
    before = [r["id"] for r in rows]
    browser.evaluate("document.querySelector('th[data-key=\"usd_attempt\"] button').focus()")
    for kind in ("keyDown", "keyUp"):
        browser.call("Input.dispatchKeyEvent", type=kind, key="Enter", code="Enter",
                     windowsVirtualKeyCode=13, text="\r" if kind == "keyDown" else "")
    sorted_rows = browser.evaluate(ROWS_JS)
    costs = [number(r["usd_attempt"]) for r in sorted_rows]
    known = [c for c in costs if c is not None]
    assert known == sorted(known) and costs[-1] is None  # ascending, unpriced last
    assert [r["id"] for r in sorted_rows] != before
    assert browser.evaluate("document.querySelector('th[data-key=\"usd_attempt\"]')"
                            ".getAttribute('aria-sort')") == "ascending"
    browser.screenshot(shots / "leaderboard-sorted.png")

    # A filter page, then the task list, then the payload task's page through its link.
    browser.navigate((site / "index.html").as_uri())
    browser.evaluate("Array.from(document.querySelectorAll('nav.filters a'))"
                     ".find(a => a.textContent === 'hard').click()")
    browser.wait_event("Page.loadEventFired", len(browser.events) - 1)
    assert "difficulty hard" in browser.evaluate("document.querySelector('h1').textContent")
    browser.navigate((site / "tasks" / "index.html").as_uri())
    since = len(browser.events)
    href = browser.evaluate(f"""(() => {{ const a = Array.from(document.querySelectorAll('tbody a'))
        .find(a => a.textContent === {json.dumps(TASK_PAYLOAD)}); a.click(); return a.href; }})()""")
    browser.wait_event("Page.loadEventFired", since)
    assert browser.evaluate("location.href") == href
    assert browser.evaluate("document.querySelector('h1 .task-id').textContent") == TASK_PAYLOAD
    pres = browser.evaluate("Array.from(document.querySelectorAll('pre')).map(p => p.textContent)")
    assert any(SCRIPT_PAYLOAD in p and IMG_PAYLOAD in p for p in pres)  # the patch, as text
    assert browser.evaluate("document.images.length") == 0
    assert browser.evaluate("document.scripts.length") == 1  # site.js only
    browser.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    browser.screenshot(shots / "task.png")
    # Each attempt names its campaign and shows the agent's transcript, payloads as text.
    assert set(browser.evaluate("Array.from(document.querySelectorAll('small.campaign'))"
                                ".map(s => s.textContent)")) == {"night-2"}
    transcripts = browser.evaluate("Array.from(document.querySelectorAll('details.transcript'))"
                                   ".map(d => d.textContent)")
    assert len(transcripts) == len(CONTENDERS) * 2
    assert any("model call" in t and f"Bash: echo '{IMG_PAYLOAD}'" in t and SCRIPT_PAYLOAD in t
               and "$" in t for t in transcripts), transcripts[0]
    assert any(f"shell: cat {IMG_PAYLOAD}" in t for t in transcripts)
    assert browser.evaluate("document.images.length") == 0
    assert browser.evaluate("document.querySelectorAll('ol.transcript script').length") == 0

    # The routes page: `landed routes` of the latest campaign.
    browser.navigate((site / "routes.html").as_uri())
    assert browser.evaluate("document.querySelector('h1').textContent") == "Routes"
    assert "night-2" in browser.evaluate("document.querySelector('main p').textContent")
    assert browser.evaluate("document.querySelectorAll('table.routes tbody tr').length") >= len(CONTENDERS)
    assert browser.evaluate("document.querySelectorAll('figure.plot svg').length") == 1
    browser.screenshot(shots / "routes.png")

    # Trends are headed by date.
    browser.navigate((site / "trends.html").as_uri())
    assert browser.evaluate("Array.from(document.querySelectorAll('thead time'))"
                            ".map(t => t.textContent)") == ["2026-11-19", "2026-11-20"]

    # A 1366-px laptop screen: the leaderboard fits without sideways scrolling.
    browser.call("Emulation.setDeviceMetricsOverride", width=1366, height=768,
                 deviceScaleFactor=1, mobile=False)
    browser.navigate((site / "index.html").as_uri())
    widths = browser.evaluate("(() => { const s = document.querySelector('.scroll'); "
                              "return [s.scrollWidth, s.clientWidth, document.documentElement.scrollWidth, "
                              "window.innerWidth]; })()")
    browser.screenshot(shots / "leaderboard-1366.png")
    assert widths[0] <= widths[1] and widths[2] <= widths[3], widths
    browser.call("Emulation.clearDeviceMetricsOverride")

    # Phone width: the page itself never scrolls sideways (wide tables scroll in their box).
    browser.call("Emulation.setDeviceMetricsOverride", width=390, height=844,
                 deviceScaleFactor=2, mobile=True)
    for page in ("index.html", "pareto.html", "trends.html", "routes.html", "tasks/index.html"):
        browser.navigate((site / page).as_uri())
        assert browser.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), page
    browser.screenshot(shots / "trends-phone.png")
    browser.call("Emulation.clearDeviceMetricsOverride")

    # No alert ever opened, and no request left the machine.
    methods = [e["method"] for e in browser.events]
    assert "Page.javascriptDialogOpening" not in methods
    urls = [e["params"]["request"]["url"] for e in browser.events
            if e["method"] == "Network.requestWillBeSent"]
    assert urls and all(u.startswith("file://") for u in urls), [u for u in urls if not u.startswith("file://")]
    for name in ("leaderboard.png", "leaderboard-sorted.png", "task.png", "trends-phone.png"):
        assert (shots / name).stat().st_size > 1000


def test_run_with_db_writes_every_record_to_the_history(tmp_path, cache_dir):
    import sqlite3
    from conftest import make_suite
    suite = make_suite(tmp_path, task_ids=("one", "two"))
    config = tmp_path / "config.toml"
    config.write_text('[[contender]]\nrunner = "oracle"\n\n[[contender]]\nrunner = "noop"\n')
    out, db = tmp_path / "out", tmp_path / "history.db"
    result = landed("run", suite, "--config", config, "--out", out, "--cache", cache_dir,
                    "-j", "2", "--db", db)
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(db) as conn:
        attempts = conn.execute("SELECT count(*) FROM attempts").fetchone()[0]
        suite_name, finished = conn.execute(
            "SELECT suite_name, finished_at FROM campaigns").fetchone()
    assert attempts == 4
    assert suite_name == "mini" and finished  # completed from campaign.json at the end
    folder = landed("report", out, "--format", "json")
    from_db = landed("report", db, "--format", "json")
    assert without_sources(json.loads(from_db.stdout)) == without_sources(json.loads(folder.stdout))
