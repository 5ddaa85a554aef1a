"""`landed prices check CONFIG`: the gate before a night is run (every contender's model has a
price, or the run's reports would say `unpriced`), and the price table's date in `report`."""
import json
import re

from conftest import SOURCE_DIR, landed

FIXTURE = SOURCE_DIR / "tests" / "fixtures" / "report-campaign"

PRICED = """
[[contender]]
runner = "sim"
model = "sim-frontier"

[[contender]]
runner = "command"
command = ["./agent.sh"]
model = "openai/gpt-5.5-2026-04-23"

[[contender]]
runner = "noop"
"""

UNPRICED = PRICED + """
[[contender]]
runner = "command"
command = ["./agent.sh"]
model = "acme-9"
efforts = ["low", "high"]
"""


def config(tmp_path, text, name="config.toml"):
    path = tmp_path / name
    path.write_text(text)
    return path


def test_every_contender_priced_passes_the_gate_and_shows_each_price(tmp_path):
    result = landed("prices", "check", config(tmp_path, PRICED))
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"command/openai/gpt-5.5-2026-04-23 .* gpt-5.5 .* \$5 in .* \$30 out", result.stdout)
    assert re.search(r"sim/sim-frontier .* \$3 in .* \$15 out", result.stdout)
    assert re.search(r"noop .* no model", result.stdout)
    assert "built-in prices.toml (as of 2026-" in result.stdout
    assert "Every contender with a model is priced." in result.stdout


def test_an_unpriced_model_fails_the_gate_naming_it_and_the_fix(tmp_path):
    result = landed("prices", "check", config(tmp_path, UNPRICED))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "2 of 5 contender(s) unpriced: command/acme-9@low (acme-9), command/acme-9@high (acme-9)" \
        in result.stdout
    assert "--prices FILE" in result.stdout and "scoring/prices.toml" in result.stdout
    assert re.search(r"command/acme-9@low .* UNPRICED", result.stdout)


def test_a_price_file_on_the_command_line_or_in_the_config_prices_the_rest(tmp_path):
    prices = tmp_path / "mine.toml"
    prices.write_text('[models."acme-9"]\ninput = 1.5\noutput = 6\n')
    flagged = landed("prices", "check", config(tmp_path, UNPRICED), "--prices", prices)
    assert flagged.returncode == 0, flagged.stdout + flagged.stderr
    assert re.search(r"command/acme-9@high .* \$1.5 in .* \$6 out", flagged.stdout)
    in_config = config(tmp_path, '[run]\nprices = "mine.toml"\n' + UNPRICED, "with-prices.toml")
    assert landed("prices", "check", in_config).returncode == 0
    litellm = tmp_path / "litellm.json"
    litellm.write_text(json.dumps({"acme-9": {"input_cost_per_token": 1e-6, "output_cost_per_token": 2e-6}}))
    assert landed("prices", "check", config(tmp_path, UNPRICED), "--prices", litellm).returncode == 0


def test_a_bad_config_or_price_file_is_bad_input_with_its_line(tmp_path):
    bad = config(tmp_path, '[[contender]]\nrunner = "noop"\nmodle = "x"\n', "bad.toml")
    result = landed("prices", "check", bad)
    assert result.returncode == 2
    assert "bad.toml:3" in result.stderr and "modle" in result.stderr
    assert landed("prices", "check", tmp_path / "missing.toml").returncode == 2
    broken = tmp_path / "broken.toml"
    broken.write_text("[models.x]\ninput = 1\n")
    result = landed("prices", "check", config(tmp_path, PRICED), "--prices", broken)
    assert result.returncode == 2 and "broken.toml" in result.stderr
    assert landed("prices").returncode == 2  # the check is the one subcommand, and required


def test_help_lists_the_exit_codes_and_a_typo_is_caught():
    for args in (["prices", "--help"], ["prices", "check", "--help"]):
        result = landed(*args)
        assert result.returncode == 0
        assert re.search(r"Exit status: 0 .*1 the check failed .*2 bad usage",
                         result.stdout.replace("\n", " ")), args
    assert "prices" in landed("--help").stdout
    typo = landed("prics", "check", "x.toml")
    assert typo.returncode == 2 and "did you mean `prices`?" in typo.stderr


def test_report_prints_the_price_tables_date_and_an_override(tmp_path):
    table = landed("report", FIXTURE, "--no-matrix")
    assert re.search(r"^Price table: built-in, as of 2026-\d\d-\d\d\.$", table.stdout, re.M), table.stdout
    md = landed("report", FIXTURE, "--format", "md").stdout
    assert re.search(r"^Price table: built-in, as of 2026-\d\d-\d\d\.$", md, re.M)
    doc = json.loads(landed("report", FIXTURE, "--format", "json").stdout)
    assert re.fullmatch(r"2026-\d\d-\d\d", doc["prices"]["as_of"]) and doc["prices"]["override"] is None
    prices = tmp_path / "mine.toml"
    prices.write_text('[models."acme-1"]\ninput = 1.0\noutput = 2.0\n')
    over = landed("report", FIXTURE, "--no-matrix", "--prices", prices).stdout
    assert f", overridden by {prices}." in over
    doc = json.loads(landed("report", FIXTURE, "--format", "json", "--prices", prices).stdout)
    assert doc["prices"]["override"] == str(prices) and doc["prices"]["as_of"].startswith("2026-")
