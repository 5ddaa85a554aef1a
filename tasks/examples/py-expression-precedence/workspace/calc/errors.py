class CalcError(Exception):
    """A formula that cannot be read or computed; `position` is a 0-based character offset."""

    def __init__(self, message, position=None):
        super().__init__(message if position is None else f"{message} at position {position}")
        self.position = position
