"""Parsing tokens into a tree.

The grammar, loosest binding first:

    expr    := term (("+" | "-") term)*         left to right: 8 - 3 - 2 is (8 - 3) - 2
    term    := unary (("*" | "/" | "%") unary)*  left to right
    unary   := ("-" | "+") unary | power
    power   := primary ("**" unary)?             right to left: 2 ** 3 ** 2 is 2 ** (3 ** 2);
                                                 -2 ** 2 is -(2 ** 2); 2 ** -1 is allowed
    primary := NUMBER | NAME | NAME "(" [expr ("," expr)*] ")" | "(" expr ")"

NUMBER is digits with an optional fraction and exponent ("12", "1.5", ".5", "1e3", "2.5E-2").
The whole input must be one expr.

Trees are tuples: ("num", value), ("var", name), ("neg", node), ("call", name, [args]),
or (op, left, right) for the binary operators.
"""

from .errors import CalcError
from .tokenizer import tokenize


class _Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.index = 0

    def peek(self):
        return self.tokens[self.index]

    def take(self):
        token = self.tokens[self.index]
        self.index += 1
        return token

    def expect(self, text):
        token = self.take()
        if token.text != text:
            raise CalcError(f"expected {text!r}, found {token.text or 'end of input'!r}",
                            token.position)
        return token

    def expr(self):
        node = self.term()
        while self.peek().text in ("+", "-"):
            op = self.take().text
            node = (op, node, self.term())
        return node

    def term(self):
        node = self.unary()
        while self.peek().text in ("*", "/", "%"):
            op = self.take().text
            node = (op, node, self.unary())
        return node

    def unary(self):
        if self.peek().text == "-":
            self.take()
            return ("neg", self.unary())
        if self.peek().text == "+":
            self.take()
            return self.unary()
        return self.power()

    def power(self):
        base = self.primary()
        if self.peek().text != "**":
            return base
        self.take()
        # The exponent is a unary, which recurses into power: right to left, and 2 ** -1 works.
        return ("**", base, self.unary())

    def primary(self):
        token = self.take()
        if token.kind == "number":
            return ("num", float(token.text))
        if token.kind == "name":
            if self.peek().text == "(":
                return ("call", token.text, self.arguments())
            return ("var", token.text)
        if token.text == "(":
            node = self.expr()
            self.expect(")")
            return node
        raise CalcError(f"unexpected {token.text or 'end of input'!r}", token.position)

    def arguments(self):
        self.expect("(")
        args = []
        if self.peek().text != ")":
            args.append(self.expr())
            while self.peek().text == ",":
                self.take()
                args.append(self.expr())
        self.expect(")")
        return args


def parse(text):
    """The tree of formula `text`; CalcError when it is not a formula."""
    parser = _Parser(tokenize(text))
    tree = parser.expr()
    left_over = parser.peek()
    if left_over.kind != "end":
        raise CalcError(f"unexpected {left_over.text!r} after a complete formula",
                        left_over.position)
    return tree
