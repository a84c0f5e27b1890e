"""Rows straight through the database driver: executemany, each value encoded once."""

from __future__ import annotations

import operator
from collections.abc import Callable

from sqlalchemy import Table, Uuid
from sqlalchemy.engine import Connection
from sqlalchemy.types import TypeEngine


class DriverWriter:
    """Writes rows through the driver's executemany, encoding each value once.

    Rows are tuples; ids come already as the database stores them (`key`); every
    other value is encoded by its column type's own bind processor, as
    SQLAlchemy would, without its per-row bookkeeping. Encoded values are
    remembered for a batch (times, dates and flags repeat).
    """

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.dialect = connection.dialect
        self.quote = self.dialect.identifier_preparer.quote
        self.marker = "?" if self.dialect.paramstyle == "qmark" else "%s"
        self.statements: dict[tuple, list] = {}
        self.memory: list[dict] = []

    def key(self, text: str) -> str:
        """Return a UUID's text as the database stores it (SQLite: 32 hex digits)."""
        return text.replace("-", "") if self.dialect.name == "sqlite" else text

    def insert(self, table: Table, columns: tuple[str, ...], rows: list[tuple]) -> None:
        """Insert `rows`, sorted by their first column (B-tree pages fill in order)."""
        names = ", ".join(self.quote(column) for column in columns)
        markers = ", ".join([self.marker] * len(columns))
        statement = f"INSERT INTO {self.quote(table.name)} ({names}) VALUES ({markers})"
        rows.sort(key=operator.itemgetter(0))
        self.execute(table, statement, columns, rows)

    def update(
        self,
        table: Table,
        columns: tuple[str, ...],
        rows: list[tuple],
        raise_version: bool = False,
    ) -> None:
        """Update rows by id (their first column), raising each one's version."""
        changes = [f"{self.quote(c)} = {self.marker}" for c in columns[1:]]
        if raise_version:
            changes.append("version = version + 1")
        statement = (
            f"UPDATE {self.quote(table.name)} SET {', '.join(changes)} "
            f"WHERE id = {self.marker}"
        )
        moved = [(*row[1:], row[0]) for row in rows]
        self.execute(table, statement, (*columns[1:], columns[0]), moved)

    def execute(
        self, table: Table, statement: str, columns: tuple, rows: list[tuple]
    ) -> None:
        """Run `statement` for every row, with values encoded column by column."""
        encoders = self.encoders(table, columns)
        if any(encoders):
            values: list = list(zip(*rows, strict=True))
            for i, encode in enumerate(encoders):
                if encode is not None:
                    values[i] = map(encode, values[i])
            rows = list(zip(*values, strict=True))
        self.connection.exec_driver_sql(statement, rows)

    def encoders(self, table: Table, columns: tuple) -> list:
        """Return each column's encoder (None where values go as they are)."""
        key = (table.name, columns)
        if key not in self.statements:
            self.statements[key] = [self.encoder(table.c[c].type) for c in columns]
        return self.statements[key]

    def forget(self) -> None:
        """Forget the values encoded so far (called after each batch)."""
        for memory in self.memory:
            memory.clear()
            memory[None] = None

    def encoder(self, column_type: TypeEngine) -> Callable[[object], object] | None:
        """Return how a column's values reach the driver (None: as they are)."""
        if isinstance(column_type, Uuid):
            return None
        process = column_type._cached_bind_processor(self.dialect)
        if process is None:
            return None
        memory: dict = {None: None}
        self.memory.append(memory)
        remembered = memory.get

        def encode(value: object) -> object:
            found = remembered(value, memory)
            if found is memory:
                found = memory[value] = process(value)
            return found

        return encode
