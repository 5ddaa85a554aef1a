"""Rendering a GitHub-flavoured Markdown table with columns padded to a common width."""

MIN_WIDTH = 3  # a separator needs at least three dashes, and ":-:" for a centered one
ALIGNMENTS = ("left", "right", "center", None)


def _cell(value):
    """A value as cell text: None is empty, pipes are escaped, newlines become spaces."""
    if value is None:
        return ""
    return str(value).replace("|", "\\|").replace("\r\n", " ").replace("\n", " ")


def _pad(text, width, alignment):
    gap = width - len(text)
    if alignment == "right":
        return " " * gap + text
    if alignment == "center":
        # An odd leftover space goes on the right.
        return " " * (gap // 2) + text + " " * (gap - gap // 2)
    return text + " " * gap


def _separator(width, alignment):
    if alignment == "left":
        return ":" + "-" * (width - 1)
    if alignment == "right":
        return "-" * (width - 1) + ":"
    if alignment == "center":
        return ":" + "-" * (width - 2) + ":"
    return "-" * width


def _row(cells, widths, aligns):
    return "| " + " | ".join(_pad(c, w, a) for c, w, a in zip(cells, widths, aligns)) + " |"


def _alignments(headers, align):
    """One alignment per column from `align`: None, a list, or a dict keyed by header."""
    if align is None:
        return [None] * len(headers)
    if isinstance(align, dict):
        unknown = [key for key in align if key not in headers]
        if unknown:
            raise ValueError(f"align names columns that do not exist: {unknown}")
        aligns = [align.get(h) for h in headers]
    else:
        aligns = list(align)
        if len(aligns) != len(headers):
            raise ValueError(f"align has {len(aligns)} entries, expected {len(headers)}")
    for a in aligns:
        if a not in ALIGNMENTS:
            raise ValueError(f"unknown alignment {a!r}: use 'left', 'right', 'center' or None")
    return aligns


def render(headers, rows, align=None):
    """The table as text ending in a newline. Every row needs one value per header.

    `align` is None, a list with one alignment per column, or a dict from header to alignment;
    an alignment is "left", "right", "center" or None (unaligned)."""
    aligns = _alignments(list(headers), align)
    head = [_cell(h) for h in headers]
    body = []
    for number, row in enumerate(rows, start=1):
        if len(row) != len(head):
            raise ValueError(f"row {number} has {len(row)} values, expected {len(head)}")
        body.append([_cell(v) for v in row])
    widths = [max([MIN_WIDTH, len(h)] + [len(r[i]) for r in body]) for i, h in enumerate(head)]
    separator = "| " + " | ".join(_separator(w, a) for w, a in zip(widths, aligns)) + " |"
    lines = [_row(head, widths, aligns), separator] + [_row(r, widths, aligns) for r in body]
    return "\n".join(lines) + "\n"
