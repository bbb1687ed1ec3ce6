#!/usr/bin/env python3
"""Writes Tests/PactumIdentityTests/Fixtures/mrz-fixture.tsv: machine readable zones made
by the PyPI package `mrz` (0.6.2, GPLv3; used as a separate program, nothing of it is copied)
with that package's verdict on each, for the cross-check in MRZFixtureTests.

Per format (TD1, TD2, TD3, MRV-A, MRV-B): 1,400 valid zones, 500 with one check digit
changed, 100 with one data character changed, then a few zones of the special codes and of
the cases where ICAO Doc 9303 and the package differ (see docs/SCREENING.md). Seeded: the
same run writes the same file.

    pip install mrz==0.6.2 && python3 Scripts/generate-mrz-fixture.py
"""
import pathlib
import random
import string

from mrz.base.errors import LengthError
from mrz.checker.mrva import MRVACodeChecker
from mrz.checker.mrvb import MRVBCodeChecker
from mrz.checker.td1 import TD1CodeChecker
from mrz.checker.td2 import TD2CodeChecker
from mrz.checker.td3 import TD3CodeChecker
from mrz.generator.mrva import MRVACodeGenerator
from mrz.generator.mrvb import MRVBCodeGenerator
from mrz.generator.td1 import TD1CodeGenerator
from mrz.generator.td2 import TD2CodeGenerator
from mrz.generator.td3 import TD3CodeGenerator

rng = random.Random(9303)
ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests/PactumIdentityTests/Fixtures/mrz-fixture.tsv"

SURNAMES = ["Eriksson", "Al-Hassan", "Müller", "García López", "Nguyen", "O'Brien", "Kowalczyk",
            "Abdullahi", "Popescu", "Haile Selassie", "Van der Berg", "Şahin", "Øster", "Ibrahimović",
            "Mohammadzadeh-Tabrizi", "Diallo", "Xu", "Petrosyan", "Okonkwo Nwankwo", "Zurabishvili"]
GIVEN = ["Anna María", "Mohammed", "Jean-Luc", "Fatima Zahra", "Ali", "Sofía", "Yusuf Kemal",
         "Amina", "Olena", "Tesfaye", "Björn", "Nour", "Chidi Emeka", "Li", "", "Mariam Ayesha Noor"]
CODES = ["UTO", "D", "FRA", "ITA", "ESP", "SYR", "AFG", "ERI", "NGA", "UKR", "TUR", "IRQ", "MAR",
         "EUE", "UNO", "UNA", "XXA", "XXB", "XXX", "GBD", "RKS", "USA", "SOM", "BGD", "PAK", "TUN"]
DOC_TYPES = {"TD1": ["I", "ID", "IR", "A", "C"], "TD2": ["I", "ID", "IR", "A", "C"],
             "TD3": ["P", "PO", "PD", "PS"], "MRV-A": ["V", "VA", "VB"], "MRV-B": ["V", "VC", "VD"]}
GENERATORS = {"TD1": TD1CodeGenerator, "TD2": TD2CodeGenerator, "TD3": TD3CodeGenerator,
              "MRV-A": MRVACodeGenerator, "MRV-B": MRVBCodeGenerator}
CHECKERS = {"TD1": TD1CodeChecker, "TD2": TD2CodeChecker, "TD3": TD3CodeChecker,
            "MRV-A": MRVACodeChecker, "MRV-B": MRVBCodeChecker}
# Where each format prints its check digits: (line, column), 0-based.
CHECK_PLACES = {"TD1": [(0, 14), (1, 6), (1, 14), (1, 29)],
                "TD2": [(1, 9), (1, 19), (1, 27), (1, 35)],
                "TD3": [(1, 9), (1, 19), (1, 27), (1, 42), (1, 43)],
                "MRV-A": [(1, 9), (1, 19), (1, 27)], "MRV-B": [(1, 9), (1, 19), (1, 27)]}
# Characters that belong to some check digit's data (document number, dates).
DATA_PLACES = {"TD1": [(0, c) for c in range(5, 14)] + [(1, c) for c in range(0, 6)],
               "TD2": [(1, c) for c in range(0, 9)] + [(1, c) for c in range(13, 19)],
               "TD3": [(1, c) for c in range(0, 9)] + [(1, c) for c in range(21, 27)],
               "MRV-A": [(1, c) for c in range(0, 9)] + [(1, c) for c in range(13, 19)],
               "MRV-B": [(1, c) for c in range(0, 9)] + [(1, c) for c in range(21, 27)]}
HASH_NAMES = {"document number hash": "documentNumber", "birth date hash": "dateOfBirth",
              "expiry date hash": "dateOfExpiry", "optional data hash": "optionalData",
              "final hash": "composite"}


def date(lo, hi):
    y = rng.randint(lo, hi)
    m = rng.randint(1, 12)
    d = rng.randint(1, [31, 29 if y % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1])
    return f"{y % 100:02d}{m:02d}{d:02d}"


def alnum(n):
    return "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(n))


def make(fmt, **over):
    doc = dict(document_type=rng.choice(DOC_TYPES[fmt]), country_code=rng.choice(CODES),
               surname=rng.choice(SURNAMES), given_names=rng.choice(GIVEN),
               document_number=alnum(rng.randint(5, 9)), nationality=rng.choice(CODES),
               birth_date=date(1940, 2020), sex=rng.choice("MF<"), expiry_date=date(2015, 2036))
    room = {"TD1": 14, "TD2": 7, "TD3": 14, "MRV-A": 16, "MRV-B": 8}[fmt]
    optional = alnum(rng.randint(0, min(9, room))) if rng.random() < 0.6 else ""
    doc.update(over)
    if fmt == "TD1":
        doc.setdefault("optional_data1", optional)
        doc.setdefault("optional_data2", alnum(rng.randint(0, 6)) if rng.random() < 0.3 else "")
    else:
        doc.setdefault("optional_data", optional)
    # The package refuses a name longer than its field (Doc 9303 would truncate it): draw
    # another name until one fits.
    while True:
        try:
            return str(GENERATORS[fmt](**doc)).split("\n")
        except LengthError as error:
            if "name" not in str(error):
                raise
            doc["surname"], doc["given_names"] = rng.choice(SURNAMES), rng.choice(GIVEN)


def verdict(fmt, lines, kind):
    checker = CHECKERS[fmt]("\n".join(lines))
    hashes = {HASH_NAMES[name]: ok for name, ok in checker.report.fields if name in HASH_NAMES}
    fields = checker.fields()._asdict()
    return {"format": fmt, "kind": kind, "lines": lines, "valid": bool(checker), "checks": hashes,
            "fields": {k: v for k, v in fields.items() if not k.endswith("hash")}}


def replace(lines, place, char):
    line, col = place
    lines = list(lines)
    lines[line] = lines[line][:col] + char + lines[line][col + 1:]
    return lines


records = []
for fmt in GENERATORS:
    for _ in range(1400):
        records.append(verdict(fmt, make(fmt), "valid"))
    for _ in range(500):
        lines = make(fmt)
        place = rng.choice(CHECK_PLACES[fmt])
        old = lines[place[0]][place[1]]
        new = rng.choice([d for d in string.digits if d != old])
        records.append(verdict(fmt, replace(lines, place, new), "corrupted check digit"))
    for _ in range(100):
        lines = make(fmt)
        place = rng.choice(DATA_PLACES[fmt])
        old = lines[place[0]][place[1]]
        new = rng.choice([d for d in string.digits if d != old])
        records.append(verdict(fmt, replace(lines, place, new), "corrupted data"))
    # Codes of Doc 9303 Part 3 the package also knows, each as issuing state and nationality.
    for code in ["D", "EUE", "UNO", "UNA", "UNK", "XXA", "XXB", "XXX", "XOM", "XBA"]:
        records.append(verdict(fmt, make(fmt, country_code=code, nationality=code), "special code"))
    # Where Doc 9303 and the package part (docs/SCREENING.md): XXC, sex X, an unknown date of birth.
    lines = make(fmt, nationality="XXB")
    records.append(verdict(fmt, lines, "special code"))
    cut = {"TD1": (1, 15), "TD2": (1, 10), "TD3": (1, 10), "MRV-A": (1, 10), "MRV-B": (1, 10)}[fmt]
    xxc = replace(replace(lines, (cut[0], cut[1] + 2), "C"), cut, "X")
    records.append(verdict(fmt, xxc, "difference: XXC"))
    sex_place = {"TD1": (1, 7)}.get(fmt, (1, 20))
    records.append(verdict(fmt, replace(make(fmt, sex="<"), sex_place, "X"), "difference: sex X"))

FIELDS = ["document_type", "country", "surname", "name", "document_number", "nationality", "birth_date",
          "sex", "expiry_date", "optional_data", "optional_data_2"]
with OUT.open("w") as f:
    f.write("\t".join(["format", "kind", "lines", "valid", "checks"] + FIELDS) + "\n")
    for r in records:
        checks = ",".join(f"{k}:{int(v)}" for k, v in sorted(r["checks"].items()))
        row = [r["format"], r["kind"], "/".join(r["lines"]), str(int(r["valid"])), checks]
        f.write("\t".join(row + [r["fields"].get(k) or "" for k in FIELDS]) + "\n")
print(f"{len(records)} zones written to {OUT.relative_to(ROOT)}")
