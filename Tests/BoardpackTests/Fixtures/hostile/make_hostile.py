#!/usr/bin/env python3
"""Writes the hostile packages beside this script, each small, that Boardpack must refuse with a
clear error (Tests/BoardpackTests/Reading/PackageTests.swift). Python 3 standard library only.

Usage: python3 make_hostile.py
"""

import os
import struct
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
DOCUMENT = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>1. A paragraph.</w:t></w:r></w:p></w:body></w:document>"
)


def package(name, members, compression=zipfile.ZIP_DEFLATED):
    path = os.path.join(HERE, name)
    with zipfile.ZipFile(path, "w", compression) as archive:
        for member, data in members:
            archive.writestr(member, data)
    return path


def patch(path, edit):
    with open(path, "rb") as handle:
        data = bytearray(handle.read())
    edit(data)
    with open(path, "wb") as handle:
        handle.write(bytes(data))


def headers(data, signature):
    """Offsets of every local (PK\\3\\4) or central (PK\\1\\2) header."""
    offsets, start = [], 0
    while (found := data.find(signature, start)) >= 0:
        offsets.append(found)
        start = found + 4
    return offsets


def main():
    # 2 MiB of zeros deflates about 1000 to 1: a bomb's ratio.
    package("bomb.docx", [("word/document.xml", DOCUMENT + " " * (2 << 20))])

    # States that it inflates to 300 MB (local and central headers agree).
    def huge(data):
        for offset in headers(data, b"PK\x03\x04"):
            struct.pack_into("<I", data, offset + 22, 300_000_000)
        for offset in headers(data, b"PK\x01\x02"):
            struct.pack_into("<I", data, offset + 24, 300_000_000)
    patch(package("huge.docx", [("word/document.xml", DOCUMENT)]), huge)

    # States 600 bytes and a plausible compressed size, but inflates to 2 MiB: a lying bomb.
    def lying(data):
        for offset in headers(data, b"PK\x03\x04"):
            struct.pack_into("<I", data, offset + 22, 600)
        for offset in headers(data, b"PK\x01\x02"):
            struct.pack_into("<I", data, offset + 24, 600)
    patch(package("lying.docx", [("word/document.xml", DOCUMENT + " " * (2 << 20))]), lying)

    package("slip.docx", [("word/document.xml", DOCUMENT), ("../../evil.xml", "<x/>")])
    package("no-document.docx", [("[Content_Types].xml", "<Types/>"), ("word/styles.xml", "<w:styles/>")])

    # A PNG renamed .docx.
    with open(os.path.join(HERE, "renamed.docx"), "wb") as handle:
        handle.write(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)

    # Word's password protection: an OLE compound file holding EncryptedPackage.
    with open(os.path.join(HERE, "encrypted.docx"), "wb") as handle:
        header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
        handle.write(header + "EncryptedInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le"))

    # A zip whose document member is flagged encrypted (traditional PKWARE encryption).
    def flagged(data):
        for offset in headers(data, b"PK\x03\x04"):
            struct.pack_into("<H", data, offset + 6, 1)
        for offset in headers(data, b"PK\x01\x02"):
            struct.pack_into("<H", data, offset + 8, 1)
    patch(package("encrypted-member.docx", [("word/document.xml", DOCUMENT)]), flagged)

    # OpenDocument's password protection: content.xml listed with encryption data.
    manifest = (
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
        '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/>'
        "</manifest:file-entry></manifest:manifest>"
    )
    package("encrypted.odt", [("mimetype", "application/vnd.oasis.opendocument.text"),
                              ("META-INF/manifest.xml", manifest), ("content.xml", "garbage")],
            zipfile.ZIP_STORED)


if __name__ == "__main__":
    main()
