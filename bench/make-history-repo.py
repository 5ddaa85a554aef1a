#!/usr/bin/env python3
"""A generated git repository for `landed tasks mine` benchmarks: N commits on main, of which
every tenth fixes a bug and adds its test (so N/10 candidates, all sound), the rest change
docs or code only. Written with `git fast-import`, so 1,000 commits take well under a second.
Usage: bench/make-history-repo.py OUT_DIR N"""
import subprocess
import sys
from pathlib import Path


def blob(text: str) -> bytes:
    data = text.encode()
    return b"data %d\n" % len(data) + data + b"\n"


def commit(n: int, message: str, files: dict) -> bytes:
    out = b"commit refs/heads/main\n"
    out += b"committer bench <bench@example.invalid> %d +0000\n" % (1767225600 + n * 60)
    out += blob(message)
    for path, text in files.items():
        out += b"M 100644 inline " + path.encode() + b"\n" + blob(text)
    return out


def stream(count: int) -> bytes:
    parts = []
    for n in range(count):
        k = n // 10
        if n % 10 == 8:  # introduce a bug in module k
            files = {f"pkg/m{k}.py": f"def f{k}(x):\n    return x - {k}\n"}
            message = f"Add f{k}\n"
        elif n % 10 == 9:  # fix it, with a test
            files = {f"pkg/m{k}.py": f"def f{k}(x):\n    return x + {k}\n",
                     f"tests/test_m{k}.py": f"from pkg.m{k} import f{k}\nassert f{k}(1) == {1 + k}\n"}
            message = f"Fix f{k}\n\nf{k} must add {k}, not subtract it.\n"
        else:
            files = {"README.md": f"revision {n}\n", f"pkg/notes{n % 7}.py": f"NOTE = {n}\n"}
            message = f"Change {n}\n"
        if n == 0:
            files["pkg/__init__.py"] = ""
        parts.append(commit(n, message, files))
    return b"".join(parts)


def main():
    out, count = Path(sys.argv[1]), int(sys.argv[2])
    out.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(out)], check=True)
    subprocess.run(["git", "-C", str(out), "fast-import", "--quiet"], input=stream(count), check=True)
    subprocess.run(["git", "-C", str(out), "checkout", "-q", "main"], check=True)


if __name__ == "__main__":
    main()
