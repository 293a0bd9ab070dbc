#!/usr/bin/env python3
"""Fill translations/kakehashi_ja.ts from the glossary, and the English plural forms in
kakehashi_en.ts. Only unfinished messages are touched: a translator's edit in Qt Linguist
always wins. Run after `ninja kakehashi_lupdate`.

Usage: tools/i18n/apply_glossary.py [--check]   (--check: exit 1 if a message is untranslated)
"""
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from ja_glossary import JA  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def key(message):
    comment = message.find('comment')
    return (message.find('source').text or '', comment.text if comment is not None else '')


def english_plural(source):
    """'%n day(s)' -> ['%n day', '%n days']; 'facility(ies)' -> facility / facilities."""
    def form(plural):
        def sub(m):
            word, suffix = m.group(1), m.group(2)
            if not plural:
                return word
            return word[:-1] + 'ies' if suffix == 'ies' else word + suffix
        return re.sub(r'(\w+)\((\w+)\)', sub, source)
    return [form(False), form(True)]


def fill(path, lang):
    tree = ET.parse(path)
    missing = []
    for message in tree.getroot().iter('message'):
        tr = message.find('translation')
        if tr is None or tr.get('type') not in ('unfinished', None) or (tr.get('type') is None and (tr.text or list(tr))):
            continue
        src, comment = key(message)
        numerus = message.get('numerus') == 'yes'
        if lang == 'ja':
            text = JA.get((src, comment), JA.get(src))
            if text is None:
                missing.append(src)
                continue
        else:
            if not numerus:
                continue  # English source text is shown as it is
            text = english_plural(src)
        for child in list(tr):
            tr.remove(child)
        tr.text = None
        if numerus:
            forms = text if isinstance(text, list) else [text]
            for f in forms:
                ET.SubElement(tr, 'numerusform').text = f
        else:
            tr.text = text
        tr.attrib.pop('type', None)
    body = ET.tostring(tree.getroot(), encoding='unicode')
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + '\n', encoding='utf-8')
    return missing


def main():
    missing = fill(ROOT / 'translations' / 'kakehashi_ja.ts', 'ja')
    fill(ROOT / 'translations' / 'kakehashi_en.ts', 'en')
    for m in missing:
        print('untranslated (ja):', m)
    if '--check' in sys.argv and missing:
        sys.exit(1)


if __name__ == '__main__':
    main()
