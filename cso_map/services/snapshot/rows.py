"""Read snapshot tables fast: ids as text, rows column by column, terms as bits.

Ids are read as the database's own text of them (building 100,000s of UUID objects
costs seconds); only organization ids, which leave the snapshot, are written in
canonical form. Links between rows are resolved with pandas joins and numpy, never
a Python loop over organizations.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sqlalchemy import Cast, ColumnElement, Select, String, cast
from sqlalchemy.orm import QueryableAttribute

from cso_map.extensions import db
from cso_map.vocabulary import Vocabulary


def id_text(column: ColumnElement | QueryableAttribute) -> Cast[str]:
    """Return `column` read as text (32 hex digits on SQLite, dashed on PostgreSQL)."""
    return cast(column, String)


def canonical_ids(ids: pd.Series) -> pd.Series:
    """Return UUID texts in their canonical dashed form."""
    text = ids.astype(str).str.replace("-", "", regex=False).str.lower()
    return (
        text.str[:8]
        + "-"
        + text.str[8:12]
        + "-"
        + text.str[12:16]
        + "-"
        + text.str[16:20]
        + "-"
        + text.str[20:]
    )


def read_frame(statement: Select, columns: list[str]) -> pd.DataFrame:
    """Return the rows of `statement` as a data frame, built column by column.

    Rows come straight from the driver's cursor (SQLAlchemy's row objects cost
    more than the query); only columns whose type converts the driver's value
    (a date stored as text on SQLite) are converted.
    """
    result = db.session.connection().execute(statement)
    try:
        rows = result.cursor.fetchall()
        driver_types = [entry[1] for entry in result.cursor.description]
    finally:
        result.close()
    frame = pd.DataFrame.from_records(rows, columns=columns, coerce_float=False)
    dialect = db.session.get_bind().dialect
    for i, column in enumerate(statement.selected_columns):
        kind = column.type.dialect_impl(dialect)
        convert = kind.result_processor(dialect, driver_types[i])
        if convert is not None and rows:
            frame[columns[i]] = [convert(row[i]) for row in rows]
    return frame


def term_map(vocabulary: Vocabulary, bits: bool = False) -> dict[str, object]:
    """Return term id (as either backend writes it) -> code, or -> bit."""
    mapping = {}
    for i, code in enumerate(vocabulary.codes()):
        term_id = vocabulary.term_id(code)
        for text in (str(term_id), term_id.hex):
            mapping[text] = 1 << i if bits else code
    return mapping


def link_masks(
    statement: Select, owners: pd.Series, vocabulary: Vocabulary
) -> np.ndarray:
    """Return, per owner in `owners`, the OR of the bits of its linked terms."""
    links = read_frame(statement, ["owner", "term"])
    position = pd.Series(np.arange(len(owners)), index=owners.to_numpy())
    links["position"] = links["owner"].map(position)
    links["bit"] = links["term"].map(term_map(vocabulary, bits=True))
    links = links.dropna()
    masks = np.zeros(len(owners), np.int64)
    np.bitwise_or.at(
        masks, links["position"].to_numpy(int), links["bit"].to_numpy(np.int64)
    )
    return masks
