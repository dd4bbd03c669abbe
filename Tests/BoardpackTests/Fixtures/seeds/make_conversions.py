#!/usr/bin/env python3
"""Has LibreOffice convert the .fodt seed fixtures (make_fixtures.FODT) to the formats colleagues
send, beside them: NAME.docx, NAME.odt and NAME.libreoffice.html (LibreOffice's HTML export).

One-off fixture tool (Python 3 standard library and LibreOffice), run by hand so that the tests
never need LibreOffice. Each new file gets the manifest entry (expected.json) of the .fodt it was
made from, since a conversion should be found to hold exactly the same errors; an entry already
in the manifest is left as it is.

Usage: python3 make_conversions.py
"""

import json
import os
import subprocess
import tempfile

import make_fixtures

HERE = make_fixtures.HERE
# (LibreOffice's --convert-to target, extension it writes, name of the fixture beside this script)
TARGETS = [
    ("docx:MS Word 2007 XML", "docx", "{name}.docx"),
    ("odt:writer8", "odt", "{name}.odt"),
    ("html:HTML (StarWriter)", "html", "{name}.libreoffice.html"),
]


def main():
    os.makedirs(os.path.join(make_fixtures.PROFILE, "user"), exist_ok=True)
    with open(os.path.join(make_fixtures.PROFILE, "user", "registrymodifications.xcu"), "w", encoding="utf-8") as handle:
        handle.write(make_fixtures.PROFILE_SETTINGS)
    sources = [os.path.join(HERE, name + ".fodt") for name in make_fixtures.FODT]
    manifest_path = os.path.join(HERE, "expected.json")
    with open(manifest_path, encoding="utf-8") as handle:
        manifest = json.load(handle)
    with tempfile.TemporaryDirectory() as scratch:
        for target, extension, pattern in TARGETS:
            subprocess.run(
                ["soffice", f"-env:UserInstallation=file://{make_fixtures.PROFILE}", "--headless",
                 "--convert-to", target, "--outdir", scratch] + sources,
                check=True)
            for name in make_fixtures.FODT:
                fixture = pattern.format(name=name)
                os.replace(os.path.join(scratch, f"{name}.{extension}"), os.path.join(HERE, fixture))
                manifest.setdefault(fixture, manifest[name + ".fodt"])
    with open(manifest_path, "w", encoding="utf-8") as handle:
        json.dump(dict(sorted(manifest.items())), handle, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
