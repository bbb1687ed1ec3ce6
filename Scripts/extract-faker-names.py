#!/usr/bin/env python3
"""Extract small name tables from the PyPI package Faker (MIT licence).

Faker's locale providers hold lists of common given names and surnames compiled by its
contributors from public sources (census and statistics offices, public lists). We copy the
lists, not the package, into Sources/PactumIdentity/Resources/names/<locale>.csv with the
columns kind,sex,name. Names derived from leaked personal data (for example the
`names-dataset` package) must never be added here.

Usage: pip install faker==40.63.0 && python3 Scripts/extract-faker-names.py
"""
import csv
import importlib
import pathlib

import faker

# Locales of the Member States whose officials appear in the demo data, and of the
# nationalities of the synthetic applicants (names in their own script where Faker has it:
# Arabic, Persian, Cyrillic).
LOCALES = ["de_DE", "it_IT", "es_ES", "ar_AA", "fa_IR", "tr_TR", "es_CO", "es_MX", "ru_RU", "uk_UA"]
OUT = pathlib.Path(__file__).resolve().parent.parent / "Sources/PactumIdentity/Resources/names"


def names(provider, attr):
    value = getattr(provider, attr, None)
    if value is None:
        return []
    # Faker stores weighted lists as OrderedDict(name -> weight); plain ones as tuples.
    return sorted(set(value.keys() if hasattr(value, "keys") else value))


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for locale in LOCALES:
        module = importlib.import_module(f"faker.providers.person.{locale}")
        provider = module.Provider
        rows = [("given", "F", n) for n in names(provider, "first_names_female")]
        rows += [("given", "M", n) for n in names(provider, "first_names_male")]
        family = names(provider, "last_names") or sorted(
            set(names(provider, "last_names_male")) | set(names(provider, "last_names_female")))
        rows += [("family", "", n) for n in family]
        path = OUT / f"{locale}.csv"
        with path.open("w", newline="", encoding="utf-8") as f:
            f.write(f"# source: PyPI Faker {faker.VERSION} (MIT), faker/providers/person/{locale}\n")
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(["kind", "sex", "name"])
            writer.writerows(rows)
        print(f"{path.name}: {len(rows)} names")


if __name__ == "__main__":
    main()
