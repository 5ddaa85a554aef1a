"""The shipped engines work: the GitHub Actions nightly workflow is parsed and its steps' commands
run locally in order (matrix values and GitHub variables substituted with local temp paths,
`uses:` actions emulated by copying folders), over three nights; the Kubernetes manifest is
valid YAML and its shard arithmetic (completion index -> --shard K/N) is right."""
import os
import re
import shutil
import subprocess
from pathlib import Path

import yaml

from conftest import LANDED, SOURCE_DIR, make_suite, read_records, write

WORKFLOW = SOURCE_DIR / ".github" / "workflows" / "nightly.yml"
MANIFEST = SOURCE_DIR / "deploy" / "kubernetes" / "nightly-job.yaml"


def sim_config(path: Path, pass_easy: float):
    path.write_text(f"""
[[contender]]
runner = "sim"
model = "sim-frontier"
effort = "low"
[contender.options]
step_delay_ms = 0
give_up = 0
pass_easy = {pass_easy}
""")
    return path


class LocalRunner:
    """Runs one workflow job the way a GitHub runner would, on this machine."""

    def __init__(self, workflow, env, artifacts: Path, previous: Path | None):
        self.workflow = workflow
        self.env = env
        self.artifacts = artifacts      # upload-artifact stores name -> folder here
        self.previous = previous        # last night's "night" artifact, if any
        self.summary_lines = []

    def substitute(self, text: str, matrix: dict) -> str:
        for key, value in matrix.items():
            text = text.replace("${{ matrix.%s }}" % key, str(value))
        assert "${{" not in text, f"unsubstituted expression in: {text}"
        return text

    def emulate(self, step, workspace: Path, matrix: dict):
        action = step["uses"].split("@")[0]
        with_ = {k: self.substitute(str(v), matrix) for k, v in step.get("with", {}).items()}
        if action == "actions/checkout":
            return 0
        if action == "actions/upload-artifact":
            source = workspace / with_["path"]
            if source.exists():
                shutil.copytree(source, self.artifacts / with_["name"], dirs_exist_ok=True)
            return 0
        if action == "actions/download-artifact":
            pattern = with_["pattern"]
            for artifact in sorted(self.artifacts.glob(pattern)):
                shutil.copytree(artifact, workspace / with_["path"] / artifact.name)
            return 0
        if action == "dawidd6/action-download-artifact":
            assert with_["name"] == "night"
            if self.previous is not None:
                shutil.copytree(self.previous, workspace / with_["path"])
            return 0
        raise AssertionError(f"the test does not know how to emulate {action}")

    def run_job(self, name: str, matrix: dict, workspace: Path) -> bool:
        job = self.workflow["jobs"][name]
        workspace.mkdir(parents=True)
        summary = workspace.parent / f"summary-{workspace.name}.md"
        summary.touch()
        env = dict(os.environ, **self.env, GITHUB_STEP_SUMMARY=str(summary),
                   GITHUB_WORKSPACE=str(workspace))
        failed = False
        for step in job["steps"]:
            if failed and "always()" not in str(step.get("if", "")):
                continue
            if step.get("name") == "Build landed":
                continue  # the test's LANDED is the binary under test
            if "uses" in step:
                status = self.emulate(step, workspace, matrix)
            else:
                script = self.substitute(step["run"], matrix)
                # GitHub runs `run:` with `bash --noprofile --norc -eo pipefail {0}`.
                done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                                      cwd=workspace, env=env, capture_output=True, text=True,
                                      timeout=600)
                status = done.returncode
                if status not in (0, 1):
                    print(step.get("name"), done.stdout, done.stderr)
            if status != 0 and not step.get("continue-on-error"):
                failed = True
        self.summary_lines += summary.read_text().splitlines()
        return not failed


def run_night(tmp: Path, night: str, suite: Path, config: Path, previous: Path | None):
    workflow = yaml.safe_load(WORKFLOW.read_text())
    shards = workflow["jobs"]["shard"]["strategy"]["matrix"]["shard"]
    env = {k: str(v) for k, v in workflow["env"].items()}
    assert int(env["SHARDS"]) == len(shards), "env.SHARDS must match the matrix"
    env.update(SUITE=str(suite), CONFIG=str(config), LANDED=LANDED,
               XDG_CACHE_HOME=str(tmp / "cache"))
    artifacts = tmp / night / "artifacts"
    artifacts.mkdir(parents=True)
    runner = LocalRunner(workflow, env, artifacts, previous)
    assert workflow["jobs"]["merge"]["needs"] == "shard"
    for k in shards:
        assert runner.run_job("shard", {"shard": k}, tmp / night / f"shard-job-{k}")
    ok = runner.run_job("merge", {}, tmp / night / "merge-job")
    return ok, artifacts, "\n".join(runner.summary_lines)


def test_workflow_parses_and_has_the_nightly_shape():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads `on` as true
    assert "schedule" in triggers
    assert set(workflow["jobs"]) == {"shard", "merge"}
    merge_steps = [s.get("name") for s in workflow["jobs"]["merge"]["steps"]]
    assert merge_steps.index("Merge the shards") < merge_steps.index("Compare against the previous night")


def test_workflow_steps_run_locally_over_three_nights(tmp_path):
    suite = make_suite(tmp_path, [f"task-{i}" for i in range(8)], check=False)
    good = sim_config(tmp_path / "good.toml", 1.0)

    # Night 1: nothing to compare with; the site and the summary are made. Every shard job
    # succeeded, so `landed run` measured its contender (an all-infra_error shard exits 3 and
    # fails its job); the records say so too.
    ok, night1, summary = run_night(tmp_path, "night1", suite, good, None)
    assert ok
    outcomes = [r["outcome"] for r in read_records(night1 / "night")]
    assert len(outcomes) == 8
    assert "infra_error" not in outcomes, outcomes
    assert "pass" in outcomes, outcomes
    assert "## landed nightly" in summary and "No previous night" in summary
    assert (night1 / "site").is_dir() and any((night1 / "site").iterdir())
    for k in (1, 2, 3, 4):
        assert (night1 / f"shard-{k}" / "campaign.json").exists()

    # Night 2: same suite and config: every attempt is reused, no regression.
    ok, night2, summary = run_night(tmp_path, "night2", suite, good, night1 / "night")
    assert ok
    records = read_records(night2 / "night")
    assert len(records) == 8 and all(r["reused_from"] for r in records)
    assert "## Against the previous night" in summary and "REGRESSION" not in summary

    # Night 3: the contender got worse: the compare step fails the workflow, after the
    # summary and the artifacts were written.
    bad = sim_config(tmp_path / "bad.toml", 0.0)
    ok, night3, summary = run_night(tmp_path, "night3", suite, bad, night2 / "night")
    assert not ok
    assert "## Against the previous night" in summary and "REGRESSION" in summary
    assert (night3 / "night" / "records.jsonl").exists()
    assert not any(r["reused_from"] for r in read_records(night3 / "night"))


def manifest_docs():
    return [d for d in yaml.safe_load_all(MANIFEST.read_text()) if d]


def test_kubernetes_manifest_is_an_indexed_job_with_a_merge_step():
    docs = manifest_docs()
    kinds = [(d["kind"], d["metadata"]["name"]) for d in docs]
    assert ("Job", "landed-nightly-shards") in kinds and ("Job", "landed-nightly-merge") in kinds
    shards = next(d for d in docs if d["metadata"]["name"] == "landed-nightly-shards")
    assert shards["spec"]["completionMode"] == "Indexed"
    n = shards["spec"]["completions"]
    assert 1 <= shards["spec"]["parallelism"] <= n
    for doc in docs:
        if doc["kind"] != "Job":
            continue
        for container in (doc["spec"]["template"]["spec"].get("initContainers", [])
                          + doc["spec"]["template"]["spec"]["containers"]):
            env = {e["name"]: e.get("value") for e in container.get("env", [])}
            if "SHARDS" in env:
                assert int(env["SHARDS"]) == n, f"{container['name']}: SHARDS != completions"
    merge = next(d for d in docs if d["metadata"]["name"] == "landed-nightly-merge")
    assert "landed merge" in merge["spec"]["template"]["spec"]["containers"][0]["args"][0]


def test_kubernetes_completion_index_maps_to_shard_k_of_n(tmp_path):
    docs = manifest_docs()
    shards = next(d for d in docs if d["metadata"]["name"] == "landed-nightly-shards")
    n = shards["spec"]["completions"]
    container = shards["spec"]["template"]["spec"]["containers"][0]
    script = container["args"][0]
    env = {e["name"]: e["value"] for e in container["env"]}
    # A stand-in `landed` that records its arguments; /data and /suite become temp paths.
    bin_dir = tmp_path / "bin"
    write(bin_dir / "landed", '#!/bin/sh\nprintf "%s\\n" "$@" > "$ARGS_FILE"\n'
          'while [ $# -gt 0 ]; do [ "$1" = --out ] && mkdir -p "$2"; shift; done\n', executable=True)
    seen = []
    for index in range(n):
        data = tmp_path / "data"
        local = script.replace("/data", str(data))
        args_file = tmp_path / f"args-{index}"
        run_env = {**os.environ, **env, "NIGHT": str(data / "night"),
                   "JOB_COMPLETION_INDEX": str(index), "ARGS_FILE": str(args_file),
                   "PATH": f"{bin_dir}:{os.environ['PATH']}"}
        done = subprocess.run(["/bin/sh", "-c", local], env=run_env, capture_output=True, text=True,
                              timeout=30)
        assert done.returncode == 0, done.stderr
        args = args_file.read_text().split("\n")
        shard = args[args.index("--shard") + 1]
        out = args[args.index("--out") + 1]
        assert shard == f"{index + 1}/{n}"
        assert out.endswith(f"shard-{index + 1}")
        assert (Path(out) / "DONE").exists()
        seen.append(shard)
    assert sorted(seen) == sorted(f"{k}/{n}" for k in range(1, n + 1))
