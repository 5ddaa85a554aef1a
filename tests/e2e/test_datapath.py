"""The data path end to end: one torn-line rule, typed campaign.json, validated records, and
merge/compare refusing to call a broken night whole (issues 12 and 13)."""
import json
import shutil

from conftest import landed, make_suite as make_python_suite, read_records

CONFIG = """
[[contender]]
runner = "sim"
model = "sim-frontier"
effort = "low"
[contender.options]
step_delay_ms = 0
"""


def make_suite(root, task_ids):
    suite = make_python_suite(root, task_ids, check=False)
    for task_id in task_ids:
        toml = suite / task_id / "task.toml"
        toml.write_text(toml.read_text().replace('command = "python3 test_hidden.py"',
                                                 "command = \"grep -q 'a + b' calc.py\""))
    return suite


def run(tmp_path, out, *extra):
    suite = make_suite(tmp_path, ("alpha", "beta", "gamma"))
    config = tmp_path / "config.toml"
    config.write_text(CONFIG)
    args = ("run", suite, "--config", config, "--out", out, "--cache", tmp_path / "cache", "-q")
    result = landed(*args, *extra)
    assert result.returncode == 0, result.stderr
    return args


def metadata(out):
    return json.loads((out / "campaign.json").read_text())


def report_records(source):
    result = landed("report", source, "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["records"]


def test_a_valid_last_record_without_newline_counts_everywhere(tmp_path):
    out = tmp_path / "night"
    args = run(tmp_path, out)
    records_file = out / "records.jsonl"
    text = records_file.read_text()
    assert text.endswith("\n") and len(text.splitlines()) == 3
    records_file.write_text(text[:-1])  # a crash between the record and its newline

    assert report_records(out) == 3
    ingest = landed("ingest", out, "--db", tmp_path / "landed.db")
    assert ingest.returncode == 0, ingest.stderr
    assert "3 new attempt(s)" in ingest.stdout
    assert report_records(f"{tmp_path / 'landed.db'}") == 3
    merged = landed("merge", out, "--out", tmp_path / "merged")
    assert merged.returncode == 0, merged.stderr
    assert len(read_records(tmp_path / "merged")) == 3

    resumed = landed(*args, "--resume")
    assert resumed.returncode == 0, resumed.stderr
    after = records_file.read_text()
    assert after == text, "resume kept the record (not deleted, not re-run) and added its newline"


def test_a_wrongly_typed_campaign_json_is_exit_2_naming_the_field(tmp_path):
    out = tmp_path / "night"
    args = run(tmp_path, out)
    good = metadata(out)
    for field, value in (("status", 5), ("suite", 5), ("attempts", None)):
        bad = dict(good, **{field: value})
        (out / "campaign.json").write_text(json.dumps(bad))
        for result in (landed(*args, "--resume"), landed("merge", out, "--out", tmp_path / "m")):
            assert result.returncode == 2, (field, result.returncode, result.stderr)
            assert "campaign.json" in result.stderr and f"'{field}'" in result.stderr, result.stderr
        assert not (tmp_path / "m").exists(), "a failed merge leaves nothing behind"
    (out / "campaign.json").write_text(json.dumps(good))
    retry = landed("merge", out, "--out", tmp_path / "m")
    assert retry.returncode == 0, retry.stderr


def test_merge_with_missing_records_is_incomplete_and_compare_refuses_it(tmp_path):
    shards = [tmp_path / f"shard-{k}" for k in (1, 2)]
    for k, shard in enumerate(shards, 1):
        run(tmp_path, shard, "--repeats", "2", "--shard", f"{k}/2")
    whole = landed("merge", *shards, "--out", tmp_path / "whole")
    assert whole.returncode == 0, whole.stderr
    assert metadata(tmp_path / "whole")["status"] == "complete"

    (shards[1] / "records.jsonl").unlink()
    broken = landed("merge", *shards, "--out", tmp_path / "broken")
    assert broken.returncode == 4, broken.stderr
    assert "incomplete" in broken.stderr and "no records.jsonl" in broken.stderr
    assert len(broken.stderr.strip().splitlines()) == 1
    assert metadata(tmp_path / "broken")["status"] == "incomplete"

    refused = landed("compare", tmp_path / "whole", tmp_path / "broken")
    assert refused.returncode == 4, refused.stderr
    assert "incomplete" in refused.stderr
    empty = tmp_path / "empty"
    shutil.copytree(shards[1], empty)
    (empty / "records.jsonl").write_text("")
    nothing = landed("compare", tmp_path / "whole", empty)
    assert nothing.returncode == 4 and "no records" in nothing.stderr, nothing.stderr


def test_bad_lines_are_counted_alike_by_report_ingest_and_merge(tmp_path):
    out = tmp_path / "night"
    run(tmp_path, out)
    lines = (out / "records.jsonl").read_text().splitlines()
    negative = json.loads(lines[1]) | {"cost_usd": -23.74}
    huge = lines[2].replace('"input_tokens":', '"input_tokens":18446744073709551621,"x":', 1)
    (out / "records.jsonl").write_text(
        "\n".join([lines[0], lines[0], json.dumps(negative), huge]) + "\n")
    assert report_records(out) == 1
    ingest = landed("ingest", out, "--db", tmp_path / "landed.db")
    assert ingest.returncode == 0 and "1 new attempt(s)" in ingest.stdout, ingest.stdout
    assert "2 quarantined" in ingest.stderr and "1 duplicate" in ingest.stderr
    assert report_records(tmp_path / "landed.db") == 1
    merged = landed("merge", out, "--out", tmp_path / "merged")
    assert merged.returncode == 4, merged.stderr
    assert "quarantined" in merged.stderr
    text = (tmp_path / "merged" / "records.jsonl").read_text()
    assert "-9223372036854775808" not in text and len(text.splitlines()) == 1
