"""`landed report` and `landed compare` on hand-written campaigns: formats, re-pricing,
and the regression gate's exit codes (0 no regression, 1 regression, 2 bad input)."""
import json
from pathlib import Path

from conftest import SOURCE_DIR, landed

FIXTURE = SOURCE_DIR / "tests" / "fixtures" / "report-campaign"


def record(task, outcome, contender="sim/sim-frontier"):
    return json.dumps({
        "schema": 1, "task_id": task, "attempt_id": f"{task}/{contender}/r0", "repeat": 0,
        "contender": {"id": contender, "runner": "sim", "model": "sim-frontier",
                      "effort": None, "simulated": True, "fingerprint": "f"},
        "outcome": outcome, "input_tokens": 1000, "cache_read_tokens": 0,
        "cache_write_tokens": 0, "output_tokens": 100, "models": [], "cost_usd": None,
        "price_status": "", "wall_time_s": 1.0})


def campaign(folder: Path, passing: set, tasks=40):
    folder.mkdir(parents=True)
    lines = [record(f"t{i:02d}", "pass" if i in passing else "fail") for i in range(tasks)]
    (folder / "records.jsonl").write_text("\n".join(lines) + "\n")
    return folder


def test_report_prints_the_scoreboard_in_every_format(tmp_path):
    table = landed("report", FIXTURE)
    assert table.returncode == 0, table.stderr
    assert "claude-code/claude-sonnet-4-5@high" in table.stdout
    assert "unpriced" in table.stdout
    doc = json.loads(landed("report", FIXTURE, "--format", "json").stdout)
    assert doc["schema"] == "landed.report/1"
    assert doc["records"] == 15
    assert landed("report", FIXTURE, "--format", "csv").stdout.startswith("task,contender,")
    assert "<testsuites" in landed("report", FIXTURE, "--format", "junit").stdout
    out = tmp_path / "board.md"
    assert landed("report", FIXTURE, "--format", "md", "--out", out).returncode == 0
    assert out.read_text().startswith("## landed scoreboard")


def test_report_reprices_with_a_user_price_file(tmp_path):
    prices = tmp_path / "prices.toml"
    prices.write_text('[models."acme-1"]\ninput = 1.0\noutput = 2.0\n')
    doc = json.loads(landed("report", FIXTURE, "--format", "json", "--prices", prices).stdout)
    acme = next(c for c in doc["contenders"] if c["id"] == "command/acme-1")
    assert acme["cost"]["unpriced"] == 0
    assert doc["prices"]["repriced"] is True


def test_report_rejects_bad_input_with_exit_2(tmp_path):
    assert landed("report", tmp_path / "missing").returncode == 2
    assert landed("report", FIXTURE, "--format", "html").returncode == 2
    bad = tmp_path / "bad.toml"
    bad.write_text("[models.x]\ninput = 1\n")
    result = landed("report", FIXTURE, "--prices", bad)
    assert result.returncode == 2
    assert "bad.toml" in result.stderr


def test_compare_exits_1_on_a_planted_regression_and_0_on_noise(tmp_path):
    base = campaign(tmp_path / "base", set(range(30)))
    worse = campaign(tmp_path / "worse", set(range(12)))
    noisy = campaign(tmp_path / "noisy", set(range(2, 30)) | {33, 35})
    regression = landed("compare", base, worse)
    assert regression.returncode == 1, regression.stdout + regression.stderr
    assert "REGRESSION" in regression.stdout
    noise = landed("compare", base, noisy, "--format", "json")
    assert noise.returncode == 0, noise.stdout + noise.stderr
    assert json.loads(noise.stdout)["regression"] is False
    assert landed("compare", base, tmp_path / "nowhere").returncode == 2
    assert landed("compare", base, worse, "--alpha", "2").returncode == 2
