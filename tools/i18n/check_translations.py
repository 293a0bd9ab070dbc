#!/usr/bin/env python3
"""Fails when a user-facing string has no Japanese translation.

Copies translations/kakehashi_ja.ts to a temporary file, runs lupdate over the sources into it
(so strings added since the last `kakehashi_lupdate` are seen too), and lists every message still
unfinished. Usage: check_translations.py LUPDATE SOURCE_DIR
"""
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path


def main():
    lupdate, root = sys.argv[1], Path(sys.argv[2])
    with tempfile.TemporaryDirectory() as tmp:
        ts = Path(tmp) / 'kakehashi_ja.ts'
        shutil.copy(root / 'translations' / 'kakehashi_ja.ts', ts)
        dirs = [str(root / d) for d in ('app', 'viewer', 'net', 'dicom', 'session', 'record', 'store')]
        subprocess.run([lupdate, '-silent', '-no-obsolete', '-locations', 'none', '-extensions', 'cpp,h',
                        '-I', str(root), *dirs, '-ts', str(ts)], check=True)
        missing = []
        # A class in namespace Kakehashi whose header lupdate could not resolve lands in a context
        # without the namespace, and tr() then never finds its Japanese: every context is either
        # Kakehashi::* or a literal context some source names (QCoreApplication::translate, Q_DECLARE_TR_FUNCTIONS).
        sources = '\n'.join(f.read_text(errors='replace') for d in ('app', 'viewer', 'net', 'dicom', 'session', 'record', 'store')
                             for f in (root / d).rglob('*') if f.suffix in ('.cpp', '.h'))
        for context in ET.parse(ts).getroot().iter('context'):
            name = context.find('name').text
            if not name.startswith('Kakehashi::') and f'"{name}"' not in sources \
                    and f'Q_DECLARE_TR_FUNCTIONS({name})' not in sources:
                missing.append(f'(context {name} is not a namespace-qualified class or a literal context)')
        for message in ET.parse(ts).getroot().iter('message'):
            tr = message.find('translation')
            if tr is not None and tr.get('type') == 'unfinished':
                missing.append(message.find('source').text)
    for m in missing:
        print('no Japanese translation:', m)
    print(f'{len(missing)} untranslated string(s)')
    return 1 if missing else 0


if __name__ == '__main__':
    sys.exit(main())
