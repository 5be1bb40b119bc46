#!/usr/bin/env python3
"""Check a generated corpus on its own: every relative .md link resolves to a
file, every #anchor is the slug of a heading in the target, and no page has two
headings with the same slug. Usage: check_links.py DIR"""
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True
from gen_pages import slugify  # noqa: E402

HEADING = re.compile(r"^#{1,6} (.*)$", re.M)
LINK = re.compile(r"\]\(([^)#]*\.md)(#[^)]*)?\)")


def main(root):
    texts, heads, errors = {}, {}, 0
    for d, _, fs in os.walk(root):
        for f in fs:
            if f.endswith(".md"):
                p = os.path.normpath(os.path.join(d, f))
                with open(p, encoding="utf-8") as fh:
                    texts[p] = unicodedata.normalize("NFC", fh.read())
    for p, t in texts.items():
        slugs = [slugify(h) for h in HEADING.findall(t)]
        if len(slugs) != len(set(slugs)):
            print("%s: repeated heading slug" % p)
            errors += 1
        heads[p] = set(slugs)
    links = 0
    for p, t in texts.items():
        for m in LINK.finditer(t):
            links += 1
            target = os.path.normpath(os.path.join(os.path.dirname(p), m.group(1)))
            anchor = (m.group(2) or "#")[1:]
            if target not in texts:
                print("%s: missing page %s" % (p, m.group(1)))
                errors += 1
            elif anchor and anchor not in heads[target]:
                print("%s: missing anchor %s%s" % (p, m.group(1), m.group(2)))
                errors += 1
    print("%d files, %d links, %d errors" % (len(texts), links, errors))
    return 1 if errors else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
