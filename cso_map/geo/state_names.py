"""The other names people write a state with: abbreviations and usual names.

Each state is also known by its English and Spanish names and its ISO 3166-2
code (and the code's suffix: the USPS code of a US state); these are the rest.

- Mexico: INEGI's abbreviation of each state (the NOM_ABREV column of the
  Catálogo Único de Claves de Áreas Geoestadísticas Estatales, Municipales y
  Localidades), also with the periods people add; the official long names
  (as Correos de México's postal code catalogue writes them); and the names in
  everyday use: CDMX, and DF for Distrito Federal, Mexico City's name until
  2016; Edomex and Edo. Méx. for the State of Mexico.
- United States: the traditional abbreviations of the U.S. Government
  Publishing Office Style Manual (chapter 9) and the AP Stylebook (Calif., Tex.).

A few abbreviations name a state in each country ("Mich." is Michigan and
Michoacán); the town typed with it tells which.
"""

from __future__ import annotations

STATE_ALIASES: dict[str, tuple[str, ...]] = {
    "MX-AGU": ("Ags.",),
    "MX-BCN": ("BC", "B.C.", "Baja California Norte"),
    "MX-BCS": ("BCS", "B.C.S."),
    "MX-CAM": ("Camp.",),
    "MX-CHH": ("Chih.",),
    "MX-CHP": ("Chis.",),
    "MX-CMX": ("CDMX", "DF", "D.F.", "Distrito Federal", "México D.F."),
    "MX-COA": ("Coah.", "Coahuila de Zaragoza"),
    "MX-COL": ("Col.",),
    "MX-DUR": ("Dgo.",),
    "MX-GRO": ("Gro.",),
    "MX-GUA": ("Gto.",),
    "MX-HID": ("Hgo.",),
    "MX-JAL": ("Jal.",),
    "MX-MEX": ("Edomex", "Edo. Méx.", "Edo. de México", "Méx."),
    "MX-MIC": ("Mich.", "Michoacán de Ocampo"),
    "MX-MOR": ("Mor.",),
    "MX-NAY": ("Nay.",),
    "MX-NLE": ("NL", "N.L."),
    "MX-OAX": ("Oax.",),
    "MX-PUE": ("Pue.",),
    "MX-QUE": ("Qro.", "Querétaro de Arteaga"),
    "MX-ROO": ("Q. Roo", "Q.R."),
    "MX-SIN": ("Sin.",),
    "MX-SLP": ("SLP", "S.L.P."),
    "MX-SON": ("Son.",),
    "MX-TAB": ("Tab.",),
    "MX-TAM": ("Tamps.", "Tamp."),
    "MX-TLA": ("Tlax.",),
    "MX-VER": ("Ver.", "Veracruz de Ignacio de la Llave", "Veracruz-Llave"),
    "MX-YUC": ("Yuc.",),
    "MX-ZAC": ("Zac.",),
    "US-AL": ("Ala.",),
    "US-AR": ("Ark.",),
    "US-AZ": ("Ariz.",),
    "US-CA": ("Calif.", "Cal."),
    "US-CO": ("Colo.",),
    "US-CT": ("Conn.",),
    "US-DE": ("Del.",),
    "US-FL": ("Fla.",),
    "US-GA": ("Ga.",),
    "US-IL": ("Ill.",),
    "US-IN": ("Ind.",),
    "US-KS": ("Kan.", "Kans."),
    "US-KY": ("Ky.",),
    "US-LA": ("La.",),
    "US-MA": ("Mass.",),
    "US-MD": ("Md.",),
    "US-MI": ("Mich.",),
    "US-MN": ("Minn.",),
    "US-MO": ("Mo.",),
    "US-MS": ("Miss.",),
    "US-MT": ("Mont.",),
    "US-NC": ("N.C.",),
    "US-ND": ("N.D.", "N. Dak."),
    "US-NE": ("Neb.", "Nebr."),
    "US-NH": ("N.H.",),
    "US-NJ": ("N.J.",),
    "US-NM": ("N.M.", "N. Mex."),
    "US-NV": ("Nev.",),
    "US-NY": ("N.Y.",),
    "US-OK": ("Okla.",),
    "US-OR": ("Ore.", "Oreg."),
    "US-PA": ("Pa.", "Penn."),
    "US-RI": ("R.I.",),
    "US-SC": ("S.C.",),
    "US-SD": ("S.D.", "S. Dak."),
    "US-TN": ("Tenn.",),
    "US-TX": ("Tex.",),
    "US-VA": ("Va.",),
    "US-VT": ("Vt.",),
    "US-WA": ("Wash.",),
    "US-WI": ("Wis.", "Wisc."),
    "US-WV": ("W. Va.",),
    "US-WY": ("Wyo.",),
}


def state_aliases(code: str) -> tuple[str, ...]:
    """Return the other names and abbreviations of state `code` (ISO 3166-2)."""
    return STATE_ALIASES.get(code, ())
