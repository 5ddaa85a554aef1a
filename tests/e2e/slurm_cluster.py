"""A one-node Slurm cluster on localhost for the tests: its own munge daemon (own key and socket),
slurmctld and slurmd on free loopback ports, a config written into a temporary folder, all torn down
after. Needs Debian's slurm-wlm and munge (.ci/install-deps test installs them) and root (slurmd
starts jobs as their submitting user)."""
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

DAEMONS = ("munged", "slurmctld", "slurmd", "sbatch", "squeue", "scontrol", "scancel", "sinfo")


def unavailable_reason() -> str | None:
    """Why no cluster can be started here, or None."""
    for tool in DAEMONS:
        if not (shutil.which(tool) or Path("/usr/sbin", tool).exists()):
            return f"{tool} is not installed (apt-get install slurm-wlm munge)"
    if os.geteuid() != 0:
        return "a one-node Slurm cluster needs root (slurmd runs jobs as their user)"
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sbin(tool: str) -> str:
    return shutil.which(tool) or str(Path("/usr/sbin", tool))


class SlurmCluster:
    def __init__(self, root: Path):
        self.root = root
        self.conf = root / "slurm.conf"
        self.env = dict(os.environ, SLURM_CONF=str(self.conf))
        self.pids: list[Path] = []

    def start(self):
        munge = self.root / "munge"
        munge.mkdir(mode=0o711, parents=True)
        key = munge / "munge.key"
        key.write_bytes(os.urandom(1024))
        key.chmod(0o600)
        for folder in ("state", "spool", "log"):
            (self.root / folder).mkdir()
        self._run([sbin("munged"), "--force", f"--socket={munge / 'socket'}", f"--key-file={key}",
                   f"--log-file={munge / 'log'}", f"--pid-file={munge / 'pid'}",
                   f"--seed-file={munge / 'seed'}"])
        self.pids.append(munge / "pid")
        self.conf.write_text(self._config(munge / "socket"))
        self._run([sbin("slurmctld"), "-f", str(self.conf), "-i"])
        self.pids.append(self.root / "slurmctld.pid")
        self._run([sbin("slurmd"), "-f", str(self.conf), "-N", "localhost"])
        self.pids.append(self.root / "slurmd.pid")
        self._wait_for_idle_node()

    def _config(self, munge_socket: Path) -> str:
        r = self.root
        return f"""
ClusterName=landedtest
SlurmctldHost=localhost
SlurmctldPort={free_port()}
SlurmdPort={free_port()}
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket={munge_socket}
CredType=cred/munge
StateSaveLocation={r / 'state'}
SlurmdSpoolDir={r / 'spool'}
SlurmctldPidFile={r / 'slurmctld.pid'}
SlurmdPidFile={r / 'slurmd.pid'}
SlurmctldLogFile={r / 'log' / 'slurmctld.log'}
SlurmdLogFile={r / 'log' / 'slurmd.log'}
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SwitchType=switch/none
MpiDefault=none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
KillWait=5
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
MailProg=/bin/true
NodeName=localhost NodeHostname={socket.gethostname()} CPUs={os.cpu_count()} State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP OverSubscribe=FORCE:4
"""

    def _run(self, argv):
        subprocess.run(argv, env=self.env, check=True, timeout=60, capture_output=True)

    def _wait_for_idle_node(self, timeout_s=60):
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            state = self.run("sinfo", "-h", "-o", "%T", check=False).stdout.strip()
            if state in ("idle", "mixed", "allocated"):
                return
            time.sleep(0.5)
        raise AssertionError(f"the Slurm node never became idle; logs in {self.root / 'log'}")

    def run(self, *argv, check=True):
        return subprocess.run(list(argv), env=self.env, capture_output=True, text=True, timeout=60,
                              check=check, stdin=subprocess.DEVNULL)

    def submit(self, script: Path, *options, env: dict) -> str:
        """sbatch with `env` exported to the job; returns the job id."""
        result = subprocess.run(["sbatch", "--parsable", *options, str(script)],
                                env=dict(self.env, **env), capture_output=True, text=True,
                                timeout=60, check=True, stdin=subprocess.DEVNULL)
        return result.stdout.strip().split(";")[0]

    def job_states(self, job_id: str) -> dict[str, str]:
        """Every element of the job (array elements as ID_K) and its state, for jobs still known."""
        out = self.run("scontrol", "show", "job", "-o", job_id, check=False).stdout
        states = {}
        for line in out.splitlines():
            fields = dict(f.split("=", 1) for f in line.split() if "=" in f)
            name = fields.get("JobId", "")
            if "ArrayTaskId" in fields:
                name = f"{fields['ArrayJobId']}_{fields['ArrayTaskId']}"
            states[name] = fields.get("JobState", "")
        return states

    def wait(self, job_id: str, timeout_s=240) -> dict[str, str]:
        """Waits until no element of the job is pending or running; returns the final states."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            states = self.job_states(job_id)
            if states and not any(s in ("PENDING", "RUNNING", "COMPLETING", "CONFIGURING")
                                  for s in states.values()):
                return states
            time.sleep(0.5)
        raise AssertionError(f"job {job_id} still running after {timeout_s} s: {self.job_states(job_id)}")

    def stop(self):
        for pid_file in reversed(self.pids):
            try:
                pid = int(pid_file.read_text().strip())
                os.kill(pid, 15)
            except (OSError, ValueError):
                continue
            for _ in range(100):
                try:
                    os.kill(pid, 0)
                except OSError:
                    break
                time.sleep(0.05)
