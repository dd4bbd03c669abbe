#!/usr/bin/env python3
"""Turns the seed papers in ../shared/seeds/ into the .xhtml fixtures beside this script.

One-off fixture tool (Python 3 standard library only). It transcribes, it does not correct:
figures, numbering, dates and references are copied exactly as the seeds print them (see
ERRORS.md). What it does change is conversion damage in the seed text itself:

- rows split over a page break (a blank line, then a row whose first cell is empty) are
  joined back into one row;
- a "**bold**" run spread over several lines is joined into one line;
- HTML fragments in cells are re-emitted as well-formed XHTML (only b, strong, i, em, u,
  sup, sub, p, ul, ol, li, br and a[href] are kept);
- report titles named in REPORTS become <h1>, and the appendix headings the seed text lost
  (their pages were images) are inserted as <h2>, each marked in INSERTS below.

Usage: python3 make_fixtures.py [--fodt] [SEEDS_DIR]   (default: ../../../../../shared/seeds)
With --fodt it also has LibreOffice convert the fixtures named in FODT to flat ODF beside them,
and export those again as XHTML (NAME.libreoffice.xhtml).
"""

import html
import os
import re
import subprocess
import sys
import tempfile
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
PACK = "2026-06-23-police-and-crime-panel-agenda-pack.txt"

# Agenda pack reports: fixture name, first and last seed line (1-based, inclusive), title line.
REPORTS = [
    ("agenda-2026-06-23", 1, 75, 29),
    ("minutes-2026-02-04", 76, 225, 76),
    ("minutes-2026-02-12", 226, 308, 227),
    ("membership-review-2026-06-23", 309, 428, 313),
    ("complaints-2026-06-23", 429, 496, 436),
    ("pcc-update-q4-2026-04-21", 497, 893, 504),
    ("plan-delivery-q3-2026-04-21", 894, 1084, 906),
    ("s106-update-2026-06-23", 1085, 1183, 1097),
    ("contact-demand-2026-06-23", 1184, 1293, 1196),
    ("commissioned-services-2026-06-23", 1294, 1449, 1306),
    ("lcjb-update-2026-06-23", 1450, 1583, 1462),
    ("dpcc-update-2026-06-23", 1584, 1704, 1595),
    ("foot-patrols-2026-06-23", 1705, 1825, None),
]

# Fixtures also converted to .fodt by LibreOffice (--fodt).
FODT = [
    "lrscsb-2024-03-22",
    "lrscsb-2025-06-20",
    "pcc-update-2024-10-28",
    "complaints-2026-06-23",
    "pcc-update-q4-2026-04-21",
    "plan-delivery-q3-2026-04-21",
    "agenda-pack-2026-06-23",
]

# Headings the seed text lost, inserted before the given seed line: (line, level, text).
INSERTS = {
    PACK: [
        (790, 2, "Appendix One – CSP-funded projects by area 2025-26"),
        (1042, 2, "Appendix 1 – Police and Crime Plan Dashboard"),
        (1721, 1, "Crime Prevention Activity: foot patrols in market towns"),
    ],
}

# Table captions by the first two cells of the table's first row.
CAPTIONS = {
    "CSP Area|Allocation 25/26": "CSP allocations 2025/26",
    "Organisation|Project": "People Zones Round 3 funded projects",
    "Local Authority|Total Engagements since May 2024": "Engagements since May 2024 by local authority",
    "Organisation|Area and Work": "Due diligence visits",
    "CSP Area|2025-26 Allocations": "CSP allocations and expenditure 2025-26",
    "|No of reviews received": "Complaint reviews, January to March 2026",
    "Project|Description / Brief": "CSP-funded projects by area 2025-26",
    "Complaint|Issue": "Complaints received or being processed",
    "Serial No|Delivery Strategy": "Police and Crime Plan dashboard",
    "Intervention Type|Cost": "General rural crime prevention interventions",
    "S106 Agreements|12/07/2023 £": "S106 agreements, July 2023 and March 2026",
    "Local Authority|Total Agreements £": "S106 spend and amount outstanding by local authority",
    "999 Calls performance|2024": "999 calls performance, 2024 and 2025",
    "101 Calls performance|2024": "101 calls performance, 2024 and 2025",
    "Online reporting performance|2024": "Online reporting, 2024 and 2025",
    "|Q1 2026-26": "DASV helpline caller feedback by quarter",
    "Monthly Average|With Enhanced HO Funding": "Substance use interventions in custody, monthly average",
    "Leicester|Jan-25": "CSTR modalities, Leicester, 2025",
    "Leicestershire|Jan-25": "CSTR modalities, Leicestershire, 2025",
    "Rutland|Jan-25": "CSTR modalities, Rutland, 2025",
    "|Cons": "Political balance and allocation 2026/27",
    "Pro-actively notify service users of feedback avenues at multiple points of contact|100%": "SV service feedback measures",
}

# Tables whose first row is data, not a header, by the start of their first cell.
HEADERLESS = ("Report Date", "Cllr", "Conservative", "Pro-actively", "Parisha")

# A line that is only a date ("21st April 2026", "June 2026", "23/06/2026") is not a heading.
DATE = r"(\d{1,2}\s?(st|nd|rd|th)?\s+)?[a-z]+\s+\d{4}|\d{2}/\d{2}/\d{4}"

ALLOWED = {"b", "strong", "i", "em", "u", "sup", "sub", "p", "ul", "ol", "li", "br", "a"}


class Fragment(HTMLParser):
    """Re-emits an HTML fragment as well-formed XHTML, keeping only ALLOWED tags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.open = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED:
            return
        if tag == "br":
            self.out.append("<br/>")
            return
        if tag == "li" and "li" in self.open:
            self.close_to("li")
        href = dict(attrs).get("href") if tag == "a" else None
        self.out.append(f'<a href="{html.escape(href or "", quote=True)}">' if tag == "a" else f"<{tag}>")
        self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        if tag == "br":
            self.out.append("<br/>")

    def handle_endtag(self, tag):
        if tag in self.open:
            self.close_to(tag)

    def close_to(self, tag):
        while self.open:
            top = self.open.pop()
            self.out.append(f"</{top}>")
            if top == tag:
                return

    def handle_data(self, data):
        self.out.append(inline(data))

    def result(self):
        self.close_to(None)
        return "".join(self.out)


def inline(text):
    """Escapes text and turns **bold**, *italic*, [text](url) and <url> into XHTML."""
    text = html.escape(text, quote=False)
    text = re.sub(r"&lt;(https?://[^\s&]+)&gt;", r'<a href="\1">\1</a>', text)
    text = re.sub(r"\[([^\]]+)\]\(([^)\s]*)\)", lambda m: f'<a href="{m.group(2)}">{m.group(1)}</a>', text)
    text = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<em>\1</em>", text)
    return text.replace("\\", "")


def rich(text):
    """Inline XHTML for seed text that may hold HTML fragments."""
    if re.search(r"</?(b|strong|i|em|u|sup|sub|p|ul|ol|li|br|a)\b", text):
        parser = Fragment()
        parser.feed(text)
        return parser.result()
    return inline(text)


def plain(text):
    return re.sub(r"<[^>]+>|\*\*", "", text).strip()


def join_bold_runs(lines):
    """Joins a "**bold" line with the following lines up to its closing "**"; keeps line numbers."""
    result, i = [], 0
    while i < len(lines):
        number, text = lines[i]
        stripped = text.strip()
        if stripped.startswith("**") and stripped.count("**") % 2 == 1:
            j = i + 1
            while j < len(lines) and lines[j][1].count("**") % 2 == 0 and j - i < 4:
                j += 1
            if j < len(lines):
                parts = [lines[k][1].strip().rstrip("\\").strip() for k in range(i, j + 1)]
                result.append((number, " ".join(parts)))
                i = j + 1
                continue
        result.append((number, text))
        i += 1
    return result


def is_heading(lines, index):
    """A short stand-alone line without sentence punctuation, or a bold-only line."""
    text = lines[index][1].strip()
    bare = plain(text)
    if not bare or "\t" in text or len(bare) > 100 or re.match(r"^([-•]|\d+[.)]|\(?[a-zA-Z]{1,4}[.)]\s)", bare):
        return False
    if re.fullmatch(DATE, bare, re.I):
        return False
    if bare[-1] in ".;," or bare[-1].isdigit() or "£" in bare or '"' in bare or "@" in bare or "http" in bare or bare.startswith(("Tel", "Email", "Report Author")):
        return False
    before = index == 0 or not lines[index - 1][1].strip()
    after = index + 1 >= len(lines) or not lines[index + 1][1].strip()
    bold_only = text.startswith("**") and text.endswith("**") and len(bare) < 100
    return (before and after and not bare.isupper() and len(bare.split()) <= 12) or (bold_only and before and after)


class Writer:
    """Builds the XHTML body from seed lines."""

    def __init__(self):
        self.body = []
        self.table = None  # list of (line, cells)
        self.table_name = None  # the printed "Table One" above the table, if any
        self.list_items = None

    def flush(self):
        if self.table is not None and self.body and re.fullmatch(r"<(p|h2)>Table \w+</(p|h2)>", self.body[-1]):
            # A "Table One" line just above the table is its printed caption.
            self.table_name = plain(self.body.pop())
        if self.list_items is not None:
            self.body.append("<ul>" + "".join(f"<li>{rich(t)}</li>" for t in self.list_items) + "</ul>")
            self.list_items = None
        if self.table is not None:
            self.body.append(table_xhtml(self.table, self.table_name))
            self.table, self.table_name = None, None

    def add(self, line):
        self.body.append(line)


def table_xhtml(rows, name=None):
    first = [plain(c) for c in rows[0][1]]
    key = "|".join(first[:2])
    headerless = first[0].startswith(HEADERLESS) or (first[0] == "" and first[1].startswith(HEADERLESS))
    caption = CAPTIONS.get(key)
    if caption is None:
        caption = "Report details" if first[0].startswith("Report Date") else (
            "Membership" if first[0].startswith(("Cllr", "Parisha", "Conservative")) else "Table: " + (first[0] or first[1]))
    if name:
        caption = f"{name}: {caption}"
    width = max(len(cells) for _, cells in rows)
    out = ["<table>", f"<caption>{html.escape(caption)}</caption>"]
    body = rows
    if not headerless:
        cells = rows[0][1] + [""] * (width - len(rows[0][1]))
        out.append("<thead><tr>" + "".join(f'<th scope="col">{rich(c)}</th>' for c in cells) + "</tr></thead>")
        body = rows[1:]
    out.append("<tbody>")
    for _, cells in body:
        cells = cells + [""] * (width - len(cells))
        first_cell = f'<th scope="row">{rich(cells[0])}</th>' if headerless or cells[0].strip() else f"<td>{rich(cells[0])}</td>"
        out.append("<tr>" + first_cell + "".join(f"<td>{rich(c)}</td>" for c in cells[1:]) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def convert(lines, title_line=None, inserts=()):
    """XHTML body elements for numbered seed lines."""
    lines = join_bold_runs(lines)
    inserts = {line: (level, text) for line, level, text in inserts}
    writer = Writer()
    index = 0
    while index < len(lines):
        number, raw = lines[index]
        if number in inserts:
            writer.flush()
            level, text = inserts.pop(number)
            writer.add(f"<h{level}>{inline(text)}</h{level}>")
        text = raw.rstrip(" \r").rstrip("\\").rstrip(" ")
        stripped = text.strip()
        if "\t" in text and not re.fullmatch(r"[-\t ]+", text):
            cells = [c.strip() for c in text.split("\t")]
            if writer.table is not None and cells[0] == "" and not lines[index - 1][1].strip():
                previous = writer.table[-1][1]
                previous.extend([""] * (len(cells) - len(previous)))
                for k, cell in enumerate(cells):
                    if cell:
                        previous[k] = (previous[k] + " " + cell).strip()
            else:
                starts_new = writer.table and "|".join(plain(c) for c in cells[:2]) in CAPTIONS
                if writer.table is None or starts_new:
                    writer.flush()
                    writer.table = []
                writer.table.append((number, cells))
            index += 1
            continue
        if re.fullmatch(r"[-\t ]+", stripped or "x"):
            index += 1
            continue
        if not stripped:
            # A table or list goes on over blank lines when the next text line continues it.
            following = next((t for _, t in lines[index + 1:] if t.strip()), "")
            if writer.table is not None and "\t" in following:
                index += 1
                continue
            if writer.list_items is not None and re.match(r"\s*- ", following) and not re.match(r"\s*- \d+\. ", following):
                index += 1
                continue
            writer.flush()
            index += 1
            continue
        if writer.table is not None:
            writer.flush()
        heading = re.match(r"^(#{1,6})\s+(.*)$", stripped)
        bullet = re.match(r"^[-•]\s+(.*)$", stripped)
        if number == title_line:
            writer.flush()
            writer.add(f"<h1>{inline(plain(stripped))}</h1>")
        elif heading:
            writer.flush()
            level = len(heading.group(1))
            writer.add(f"<h{level}>{inline(plain(heading.group(2)))}</h{level}>")
        elif bullet and re.match(r"^\d+\.\s", bullet.group(1)):
            # "- 3. text": a numbered paragraph that the conversion turned into a bullet.
            writer.flush()
            writer.add(f"<p>{rich(bullet.group(1))}</p>")
        elif bullet and re.match(r"^(\(?[a-z]{1,4}\)|[a-z]\.|[A-Z]\.)\s", bullet.group(1)):
            # "- a. text", "- (i) text": lettered or roman items keep their printed markers.
            writer.flush()
            writer.add(f"<p>{rich(bullet.group(1))}</p>")
        elif bullet:
            if writer.list_items is None:
                writer.flush()
                writer.list_items = []
            writer.list_items.append(bullet.group(1))
        elif re.match(r"^<ul\b", stripped):
            writer.flush()
            writer.add(rich(stripped))
        elif is_heading(lines, index) and not (index == 0 and title_line):
            writer.flush()
            writer.add(f"<h2>{inline(plain(stripped))}</h2>")
        else:
            writer.flush()
            writer.add(f"<p>{rich(stripped)}</p>")
        index += 1
    writer.flush()
    return writer.body


def document(title, body):
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE html>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" lang="en-GB" xml:lang="en-GB">\n'
        f'<head><meta charset="UTF-8"/><title>{html.escape(title)}</title></head>\n'
        "<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )


def read(seeds, name):
    with open(os.path.join(seeds, name), encoding="utf-8") as handle:
        return [(n, line.rstrip("\n")) for n, line in enumerate(handle.read().split("\n"), 1)]


def write(name, title, body):
    with open(os.path.join(HERE, name + ".xhtml"), "w", encoding="utf-8") as handle:
        handle.write(document(title, body))


# A private LibreOffice profile that saves plain ODF 1.3 (DefaultVersion 10), not "1.3 Extended",
# so the .fodt fixtures validate against the OASIS schema.
PROFILE = "/tmp/lo-fixtures-odf13"
PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Save/ODF"><prop oor:name="DefaultVersion" oor:op="fuse">\
<value>10</value></prop></item>
</oor:items>
"""


def convert_to_fodt():
    """Has LibreOffice, with a private profile, write the FODT fixtures."""
    os.makedirs(os.path.join(PROFILE, "user"), exist_ok=True)
    with open(os.path.join(PROFILE, "user", "registrymodifications.xcu"), "w", encoding="utf-8") as handle:
        handle.write(PROFILE_SETTINGS)
    def soffice(target, outdir, sources):
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{PROFILE}", "--headless",
             "--convert-to", target, "--outdir", outdir] + sources,
            check=True)

    soffice("fodt:OpenDocument Text Flat XML", HERE, [os.path.join(HERE, name + ".xhtml") for name in FODT])
    # LibreOffice's own XHTML export of those, as XHTML "written elsewhere": NAME.libreoffice.xhtml.
    with tempfile.TemporaryDirectory() as scratch:
        soffice("xhtml:XHTML Writer File:UTF8", scratch, [os.path.join(HERE, name + ".fodt") for name in FODT])
        for name in FODT:
            os.replace(os.path.join(scratch, name + ".xhtml"), os.path.join(HERE, name + ".libreoffice.xhtml"))


def main():
    arguments = [a for a in sys.argv[1:] if a != "--fodt"]
    seeds = arguments[0] if arguments else os.path.join(HERE, "../../../../../shared/seeds")
    singles = [
        ("lrscsb-2024-03-22", "2024-03-22-lrscsb-opcc-update.txt", "LRSCSB Update: Office of the Police and Crime Commissioner, 22nd March 2024", 10),
        ("lrscsb-2025-06-20", "2025-06-20-lrscsb-opcc-update.txt", "LRSCSB Update: Office of the Police and Crime Commissioner, 20th June 2025", None),
        ("pcc-update-2024-10-28", "2024-10-28-panel-pcc-update-report.txt", "Police and Crime Commissioner's Update Report, 28th October 2024", None),
    ]
    for name, seed, title, title_line in singles:
        write(name, title, convert(read(seeds, seed), title_line))
    pack = read(seeds, PACK)
    whole = []
    for name, first, last, title_line in REPORTS:
        inserts = [i for i in INSERTS[PACK] if first <= i[0] <= last]
        body = convert(pack[first - 1 : last], title_line, inserts)
        title = next((plain(b) for b in body if b.startswith("<h1>")), name)
        whole += body
        write(name, title, body)
    write("agenda-pack-2026-06-23", "Police and Crime Panel agenda pack, 23 June 2026", whole)
    if "--fodt" in sys.argv[1:]:
        convert_to_fodt()


if __name__ == "__main__":
    main()
