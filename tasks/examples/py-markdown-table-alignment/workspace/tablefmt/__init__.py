"""Markdown tables from rows of values."""

from .markdown import render

__all__ = ["render"]
