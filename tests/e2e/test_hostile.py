"""A hostile suite: agents that hang, escape, fork, flood, snoop, vandalise and lie, run under
every isolation mode this machine supports. Each must end with the right outcome and reason,
leave no process behind, find no hidden-test marker, change nothing outside its sandbox, keep
landed's memory bounded, and let the campaign go on.

Modes this machine cannot run are skipped with the reason (pytest -rs shows it). The flood is
256 MiB per stream by default; LANDED_HOSTILE_FLOOD_MIB=2048 runs the full 2 GiB of the issue."""
import ctypes
import os
import resource
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from conftest import landed, make_adder_task, read_records, write

FLOOD_MIB = int(os.environ.get("LANDED_HOSTILE_FLOOD_MIB", "256"))
DONE = '{"event":"final","status":"done"}'
FIX = "sed -i 's/a - b/a + b/' calc.py"

# Every agent is a shell script; $MARK is split in the scripts so that the script file itself
# (which the agent may read) never contains the hidden marker.
AGENTS = {
    "hang": "sleep 600\n",
    "escape": f"""
        setsid sh -c "sleep 600; : $PROC_MARK" &
        ( sh -c "sleep 600; : $PROC_MARK" & ) &
        setsid env -i sh -c "sleep 600; : $PROC_MARK" &
        sleep 0.3
        echo '{DONE}'
        """,
    "children": f"""
        i=0
        while [ $i -lt 200 ]; do sh -c "sleep 600; : $PROC_MARK" & i=$((i+1)); done
        sleep 0.3
        echo '{DONE}'
        """,
    "flood": f"""
        python3 -c '
import sys
chunk = b"x" * (1 << 20)
for _ in range({FLOOD_MIB}):
    sys.stdout.buffer.write(chunk)
    sys.stderr.buffer.write(chunk)
sys.stdout.buffer.write(b"\\n")
'
        echo '{DONE}'
        """,
    "snoop": f"""
        M="$MARK_A$MARK_B"
        cat "$HOSTILE_SUITE"/t/tests/* "$HOSTILE_SUITE"/t/solution/* 2>/dev/null
        grep -rIh "$M" "$HOSTILE_SUITE" "$HOSTILE_CACHE" "$HOSTILE_OUT" 2>/dev/null
        timeout 20 grep -rIh --exclude-dir=proc --exclude-dir=sys --exclude-dir=usr \
            --exclude-dir=dev "$M" / 2>/dev/null | head -c 4000
        echo '{DONE}'
        """,
    "degit": f"""
        {FIX}
        rm -rf .git
        echo '{DONE}'
        """,
    "symlinks": f"""
        {FIX}
        ln -s / root-link
        ln -s /etc/passwd passwd-link
        echo '{DONE}'
        """,
    "outside": f"""
        for target in "/tmp/hostile-$MARK_A" "$HOSTILE_OUT/pwned" "$HOSTILE_REAL_HOME/pwned" \
                      "$HOSTILE_CACHE/pwned" "$HOSTILE_SUITE/pwned" "$HOME/../pwned"; do
          echo pwned > "$target" 2>/dev/null && echo "wrote $target"
        done
        rm -rf "$HOSTILE_SUITE/t/tests" 2>/dev/null
        echo '{DONE}'
        """,
    "usage": f"""
        echo '{{"event":"step","input_tokens":-5,"output_tokens":-1}}'
        echo '{{"event":"step","input_tokens":1e300,"output_tokens":99999999999999999999999}}'
        echo '{{"event":"step","input_tokens":NaN,"output_tokens":"many","cost_usd":-3}}'
        echo '{{"event":"step","input_tokens":Infinity,"tool_calls":-7}}'
        echo '{DONE}'
        """,
    "honest": f"""
        {FIX}
        echo '{DONE}'
        """,
}

EXPECTED = {
    "hang": "timeout", "escape": "fail", "children": "fail", "flood": "fail", "snoop": "fail",
    "degit": "pass", "symlinks": "pass", "outside": "fail", "usage": "fail", "honest": "pass",
}


def namespaces_problem():
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        return "bubblewrap is not installed (package bubblewrap)"
    probe = subprocess.run([bwrap, "--unshare-user", "--unshare-pid", "--ro-bind", "/", "/",
                            "--proc", "/proc", "true"], capture_output=True, text=True, timeout=60)
    return None if probe.returncode == 0 else f"bwrap cannot create namespaces: {probe.stderr.strip()}"


def landlock_problem():
    libc = ctypes.CDLL(None, use_errno=True)
    abi = libc.syscall(444, None, 0, 1)  # landlock_create_ruleset(NULL, 0, VERSION)
    return None if abi >= 1 else f"no Landlock in this kernel (errno {ctypes.get_errno()})"


def supported_modes():
    """(mode, skip reason or None) for each mode that contains an agent."""
    return [("namespaces", namespaces_problem()), ("landlock", landlock_problem())]


MODES = supported_modes()


def processes_with(mark: str):
    """Pids whose command line or environment holds `mark`."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        for name in ("cmdline", "environ"):
            try:
                if mark.encode() in (entry / name).read_bytes():
                    pids.append(int(entry.name))
                    break
            except OSError:
                pass
    return pids


def write_campaign(tmp_path: Path, mark: str):
    suite = tmp_path / "suite"
    write(suite / "suite.toml", 'name = "hostile"\n')
    make_adder_task(suite, "t", check=False)
    a, b = mark[: len(mark) // 2], mark[len(mark) // 2:]
    write(suite / "t" / "tests" / "marker.txt", f"{a}{b}\n")
    write(suite / "t" / "solution" / "marker.txt", f"{a}{b}\n")
    real_home = tmp_path / "home"
    real_home.mkdir()
    out = tmp_path / "out"
    env = {"MARK_A": a, "MARK_B": b, "PROC_MARK": f"proc-{mark}", "HOSTILE_SUITE": str(suite),
           "HOSTILE_CACHE": str(tmp_path / "cache"), "HOSTILE_OUT": str(out),
           "HOSTILE_REAL_HOME": str(real_home)}
    env_toml = "{ " + ", ".join(f'{k} = "{v}"' for k, v in env.items()) + " }"
    text = "[run]\njobs = 3\n"
    for name, body in AGENTS.items():
        write(tmp_path / "agents" / f"{name}.sh", "#!/bin/sh\n" + body, executable=True)
        wall = 3 if name == "hang" else 60
        text += (f'[[contender]]\nname = "{name}"\nrunner = "command"\nmodel = "m"\n'
                 f'command = ["{tmp_path / "agents" / (name + ".sh")}"]\nenv = {env_toml}\n'
                 f"[contender.limits]\nwall_time_s = {wall}\n")
    (tmp_path / "config.toml").write_text(text)
    return suite, out, real_home


def snapshot(folder: Path):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) if folder.exists() else []


@pytest.fixture(scope="module", params=[m for m, _ in MODES])
def hostile(request, tmp_path_factory):
    mode = request.param
    reason = dict(MODES)[mode]
    if reason:
        pytest.skip(f"isolation {mode} unavailable on this machine: {reason}")
    tmp_path = tmp_path_factory.mktemp(f"hostile-{mode}")
    mark = f"HOSTILE{uuid.uuid4().hex}"
    suite, out, real_home = write_campaign(tmp_path, mark)
    suite_before = snapshot(suite)
    env = dict(os.environ, HOME=str(real_home))
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = landed("run", suite, "--config", tmp_path / "config.toml", "--out", out,
                    "--cache", tmp_path / "cache", "--isolation", mode, timeout=300, env=env)
    rss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return dict(mode=mode, result=result, out=out, suite=suite, mark=mark, home=real_home,
                suite_before=suite_before, cache=tmp_path / "cache",
                rss_kb=rss_kb if rss_kb > before else None,
                records={r["contender"]["id"]: r for r in read_records(out)})


def test_machine_modes_are_reported():
    """Says which strong modes run here and why the others are skipped (visible with -rs)."""
    for mode, reason in MODES:
        print(f"isolation {mode}: {'runs' if reason is None else 'skipped: ' + reason}")
    print("isolation none: not run here (it contains nothing to test)")
    assert MODES


def test_every_attempt_ends_with_the_right_outcome(hostile):
    assert hostile["result"].returncode == 0, hostile["result"].stderr
    records = hostile["records"]
    assert set(records) == set(AGENTS), "the campaign went on past every hostile agent"
    got = {name: records[name]["outcome"] for name in AGENTS}
    assert got == EXPECTED, {n: records[n]["reason"] for n in AGENTS if got[n] != EXPECTED[n]}
    assert "wall-clock" in records["hang"]["reason"]
    for record in records.values():
        assert record["isolation"]["mode"] == hostile["mode"]


def test_nothing_survives_the_attempts(hostile):
    assert processes_with(f"proc-{hostile['mark']}") == []


def test_no_hidden_marker_reaches_an_agent(hostile):
    out, mark = hostile["out"], hostile["mark"]
    for log in out.rglob("agent.std*"):
        with open(log, "rb") as f:
            assert mark.encode() not in f.read(), log
    patch = out.glob("attempts/**/patch.diff")
    for p in patch:
        assert mark not in p.read_text(errors="replace"), p


def test_nothing_outside_the_sandbox_changes(hostile):
    assert not Path(f"/tmp/hostile-{hostile['mark'][: len(hostile['mark']) // 2]}").exists()
    assert not (hostile["out"] / "pwned").exists()
    assert list(hostile["home"].iterdir()) == []
    assert not (hostile["cache"] / "pwned").exists()
    assert snapshot(hostile["suite"]) == hostile["suite_before"]


def test_floods_are_capped_and_memory_stays_bounded(hostile):
    flood = hostile["records"]["flood"]
    log = hostile["out"] / flood["agent"]["stdout_path"]
    assert log.stat().st_size <= 17 << 20
    if hostile["rss_kb"] is not None:
        assert hostile["rss_kb"] < 400 * 1024, f"landed peaked at {hostile['rss_kb']} KiB"


def test_hostile_usage_lines_do_not_corrupt_the_record(hostile):
    usage = hostile["records"]["usage"]
    for key in ("input_tokens", "output_tokens", "tool_calls", "steps"):
        value = usage.get(key)
        assert value is None or (isinstance(value, int) and value >= 0), (key, value)
    report = landed("report", hostile["out"], "--format", "json")
    assert report.returncode == 0, report.stderr
