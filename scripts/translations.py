#!/usr/bin/env python3
"""Keep kiosk/i18n/kiosk_en.ts in step with the code.

    .venv/bin/python scripts/translations.py            # lupdate over kiosk/, then list untranslated texts
    .venv/bin/python scripts/translations.py --fill F   # also take translations from F (TSV: context, source, English)

Chinese is the source language; the .ts file is the translators' source of truth (Qt Linguist opens it);
the set-up compiles it to .qm. Exits 1 when a text is left untranslated, so a test can keep it complete.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "kiosk" / "i18n" / "kiosk_en.ts"


def lupdate(ts: Path) -> None:
    sources = sorted(str(p) for p in (ROOT / "kiosk").rglob("*.py"))
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(tool), *sources, "-ts", str(ts), "-source-language", "zh_CN", "-target-language", "en",
                    "-no-obsolete", "-silent"], check=True)


def untranslated(tree: ET.ElementTree) -> list[tuple[str, str]]:
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            numerus = translation is not None and translation.findall("numerusform")
            text = "".join(f.text or "" for f in numerus) if numerus else (translation.text or "") if translation is not None else ""
            if not text.strip() or (translation is not None and translation.get("type") == "unfinished"):
                missing.append((name, message.findtext("source", "")))
    return missing


def fill(tree: ET.ElementTree, table: Path) -> int:
    wanted = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            context, source, english = line.split("\t")
            wanted[(context, source.replace("\\n", "\n"))] = english.replace("\\n", "\n")
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            key = (name, message.findtext("source", ""))
            if key not in wanted:
                continue
            translation = message.find("translation")
            for child in list(translation):
                translation.remove(child)
            if message.get("numerus") == "yes":
                ET.SubElement(translation, "numerusform").text = wanted[key]
                translation.text = None
            else:
                translation.text = wanted[key]
            translation.attrib.pop("type", None)
            filled += 1
    return filled


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fill", type=Path, help="TSV of context, Chinese source, English translation")
    parser.add_argument("--ts", type=Path, default=TS, help="the .ts file (default: kiosk/i18n/kiosk_en.ts)")
    args = parser.parse_args()
    lupdate(args.ts)
    tree = ET.parse(args.ts)
    if args.fill:
        print(f"filled {fill(tree, args.fill)} translations")
        ET.indent(tree)
        tree.write(args.ts, encoding="utf-8", xml_declaration=True)
        args.ts.write_text(args.ts.read_text(encoding="utf-8").replace("<?xml version='1.0' encoding='utf-8'?>",
                                                              '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>'),
                      encoding="utf-8")
    missing = untranslated(tree)
    for context, source in missing:
        print(f"untranslated: {context}\t{source!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
