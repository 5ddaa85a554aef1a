"""Rendering a GitHub-flavoured Markdown table with columns padded to a common width."""

MIN_WIDTH = 3  # a separator needs at least three dashes


def _cell(value):
    """A value as cell text: None is empty, pipes are escaped, newlines become spaces."""
    if value is None:
        return ""
    return str(value).replace("|", "\\|").replace("\r\n", " ").replace("\n", " ")


def _row(cells, widths):
    return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths)) + " |"


def render(headers, rows):
    """The table as text ending in a newline. Every row needs one value per header."""
    head = [_cell(h) for h in headers]
    body = []
    for number, row in enumerate(rows, start=1):
        if len(row) != len(head):
            raise ValueError(f"row {number} has {len(row)} values, expected {len(head)}")
        body.append([_cell(v) for v in row])
    widths = [max([MIN_WIDTH, len(h)] + [len(r[i]) for r in body]) for i, h in enumerate(head)]
    separator = "| " + " | ".join("-" * w for w in widths) + " |"
    lines = [_row(head, widths), separator] + [_row(r, widths) for r in body]
    return "\n".join(lines) + "\n"
