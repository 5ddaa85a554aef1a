"""Computing the value of a formula."""

import math

from .errors import CalcError
from .parser import parse

FUNCTIONS = {"abs": abs, "min": min, "max": max, "round": round}


def _binary(op, a, b):
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op in ("/", "%") and b == 0:
        raise CalcError("division by zero")
    if op == "/":
        return a / b
    if op == "%":
        return a % b
    try:
        result = a ** b
    except (OverflowError, ZeroDivisionError) as e:
        raise CalcError(f"cannot compute {a} ** {b}: {e}") from None
    if isinstance(result, complex) or math.isinf(result):
        raise CalcError(f"cannot compute {a} ** {b}")
    return result


def _value(node, variables):
    kind = node[0]
    if kind == "num":
        return node[1]
    if kind == "var":
        if node[1] not in variables:
            raise CalcError(f"unknown variable {node[1]!r}")
        return variables[node[1]]
    if kind == "neg":
        return -_value(node[1], variables)
    if kind == "call":
        if node[1] not in FUNCTIONS:
            raise CalcError(f"unknown function {node[1]!r}")
        args = [_value(a, variables) for a in node[2]]
        try:
            return FUNCTIONS[node[1]](*args)
        except (TypeError, ValueError) as e:
            raise CalcError(f"bad arguments to {node[1]}: {e}") from None
    return _binary(kind, _value(node[1], variables), _value(node[2], variables))


def evaluate(text, variables=None):
    """The value of formula `text` with `variables` (name -> number)."""
    return _value(parse(text), variables or {})
