"""Spreadsheet-style formulas."""

from .errors import CalcError
from .evaluator import evaluate
from .parser import parse
from .tokenizer import tokenize

__all__ = ["CalcError", "evaluate", "parse", "tokenize"]
