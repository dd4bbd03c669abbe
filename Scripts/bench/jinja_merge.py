"""The hand-rolled comparison for `boardpack-bench process`: the bench letter (letter.yaml) merged
with Jinja2, values escaped and nothing else checked, one file per row.

    python3 jinja_merge.py TEMPLATE.j2 DATA.csv OUTPUT_FOLDER
"""
import csv
import datetime
import os
import sys
from decimal import Decimal

import jinja2


def money(text):
    amount = Decimal(text)
    return "Nil" if amount == 0 else f"£{amount:,.2f}"


def long_date(text):
    day = datetime.date.fromisoformat(text)
    suffix = "th" if 11 <= day.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10, "th")
    return f"{day.day}{suffix} {day:%B %Y}"


def main(template_path, data_path, folder):
    extension = template_path.rsplit(".", 2)[-2]
    with open(template_path, encoding="utf-8") as file:
        template = jinja2.Environment(autoescape=True, keep_trailing_newline=True).from_string(file.read())
    os.makedirs(folder)
    with open(data_path, newline="", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            text = template.render(
                name=row["Name"], contact=row["Contact"], grant=money(row["Grant"]),
                nil=Decimal(row["Grant"]) == 0, spend_by=long_date(row["Spend By"]))
            with open(f"{folder}/letter-{row['Ref']}.{extension}", "w", encoding="utf-8") as out:
                out.write(text)


if __name__ == "__main__":
    main(*sys.argv[1:])
