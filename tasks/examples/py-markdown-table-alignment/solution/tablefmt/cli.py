"""`python3 -m tablefmt`: CSV on stdin (first row is the header) to a Markdown table."""

import argparse
import csv

from .markdown import render

_SHORT = {"l": "left", "r": "right", "c": "center", "": None}


def _alignment_list(text):
    """"right,,c" -> ["right", None, "center"]; argparse turns the ValueError into exit 2."""
    words = [w.strip().lower() for w in text.split(",")]
    aligns = [_SHORT.get(w, w) for w in words]
    bad = [w for w in aligns if w not in ("left", "right", "center", None)]
    if bad:
        raise argparse.ArgumentTypeError(f"unknown alignment {bad[0]!r}")
    return aligns


def _parser():
    p = argparse.ArgumentParser(prog="tablefmt", description=__doc__)
    p.add_argument("--align", type=_alignment_list,
                   help="one alignment per column: left/right/center or l/r/c, empty = none")
    return p


def main(argv, stdin, stdout, stderr):
    """Runs the command; returns the exit status."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # argparse reports usage errors by exiting
        return e.code
    rows = list(csv.reader(stdin))
    if not rows:
        stderr.write("tablefmt: no input\n")
        return 1
    if args.align is not None and len(args.align) != len(rows[0]):
        stderr.write(f"tablefmt: --align has {len(args.align)} entries, "
                     f"the table has {len(rows[0])} columns\n")
        return 2
    try:
        stdout.write(render(rows[0], rows[1:], align=args.align))
    except ValueError as e:
        stderr.write(f"tablefmt: {e}\n")
        return 1
    return 0
