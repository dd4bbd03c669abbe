"""The floor for `boardpack-bench process`: a minimal program writing the same bytes as a merge, one
file for each file of SOURCE_FOLDER with the same name and contents, into OUTPUT_FOLDER.

    python3 write_same_bytes.py SOURCE_FOLDER EXTENSION OUTPUT_FOLDER
"""
import os
import sys


def main(source, extension, folder):
    names = sorted(name for name in os.listdir(source) if name.endswith("." + extension))
    contents = []
    for name in names:
        with open(os.path.join(source, name), "rb") as file:
            contents.append(file.read())
    os.makedirs(folder)
    for name, data in zip(names, contents):
        with open(os.path.join(folder, name), "wb") as out:
            out.write(data)


if __name__ == "__main__":
    main(*sys.argv[1:])
