"""`python3 -m tablefmt`: CSV on stdin (first row is the header) to a Markdown table."""

import argparse
import csv

from .markdown import render


def _parser():
    p = argparse.ArgumentParser(prog="tablefmt", description=__doc__)
    return p


def main(argv, stdin, stdout, stderr):
    """Runs the command; returns the exit status."""
    _parser().parse_args(argv)
    rows = list(csv.reader(stdin))
    if not rows:
        stderr.write("tablefmt: no input\n")
        return 1
    try:
        stdout.write(render(rows[0], rows[1:]))
    except ValueError as e:
        stderr.write(f"tablefmt: {e}\n")
        return 1
    return 0
