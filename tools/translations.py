"""Keep the translation catalogs in step with the code: ``make translations``.

``extract`` reads every marked string (``_``, ``N_``, ``ngettext``, ``pgettext`` and
``amount`` from model/text.py) into supportnet/i18n/locale/supportnet.pot and merges it into
each language's ``.po`` (new strings empty, changed ones marked fuzzy); ``compile`` writes the
``.mo`` files the app reads. Both are committed, so an installed copy needs no build step;
tests/i18n/test_catalogs.py fails when either is stale.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

REPO = Path(__file__).resolve().parents[1]
LOCALE = REPO / "supportnet" / "i18n" / "locale"
TEMPLATE = LOCALE / "supportnet.pot"
#: Call name → which arguments are the message (amount(n, one, many) counts things).
KEYWORDS: dict[str, Any] = {
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "amount": (2, 3),
}
#: Comments above a call starting so are kept for translators.
COMMENT_TAGS = ["Translators:"]


def template() -> Catalog:
    """Every marked string in supportnet/, with where it is and its translator comments."""
    catalog = Catalog(project="SupportNet", domain="supportnet", fuzzy=False)
    found = extract_from_dir(
        REPO / "supportnet",
        method_map=[("**.py", "python"), ("demo/*.toml", extract_example_words)],
        keywords=KEYWORDS,
        comment_tags=COMMENT_TAGS,
        strip_comment_tags=True,
    )
    for path, line, message, comments, context in found:
        where = f"supportnet/{path}"
        catalog.add(message, None, [(where, line)], auto_comments=comments, context=context)
    return catalog


def extract_example_words(
    fileobj: Any, keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str, tuple[str, str], list[str]]]:
    """The example network's words in one of its data files (supportnet/demo/words.py says
    which fields), as ``pgettext`` calls in its context, each at the line it is on."""
    import tomllib

    from supportnet.demo import words

    text = fileobj.read().decode("utf-8")
    lines = text.splitlines()
    name = Path(getattr(fileobj, "name", "")).name
    seen: set[str] = set()
    for path, message in words.texts(name, tomllib.loads(text)):
        if message in seen:
            continue
        seen.add(message)
        first = message.splitlines()[0]
        line = next((i for i, row in enumerate(lines, 1) if first in row), 0)
        yield line, "pgettext", (words.CONTEXT, message), [words.note_for(path)]


def _po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, omit_header=False, sort_output=False)
    return buffer.getvalue()


def mo_bytes(po: Path) -> bytes:
    """The compiled catalog for ``po``, as ``compile`` writes it."""
    with po.open("rb") as file:
        catalog = read_po(file)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def languages() -> list[Path]:
    """Each language's .po file."""
    return sorted(LOCALE.glob("*/LC_MESSAGES/supportnet.po"))


def extract() -> None:
    pot = template()
    TEMPLATE.write_bytes(_po_bytes(pot))
    for po in languages():
        with po.open("rb") as file:
            catalog = read_po(file)
        catalog.update(pot, update_header_comment=False)
        catalog.obsolete.clear()  # dropped strings go; git keeps their history
        po.write_bytes(_po_bytes(catalog))
        print(f"{po.relative_to(REPO)}: {_untranslated(catalog)} untranslated")


def _untranslated(catalog: Catalog) -> int:
    return sum(1 for m in catalog if m.id and (not m.string or m.fuzzy or m.string == ("",)))


def compile_all() -> None:
    for po in languages():
        po.with_suffix(".mo").write_bytes(mo_bytes(po))


def main(argv: list[str]) -> int:
    actions = {"extract": extract, "compile": compile_all}
    if len(argv) != 1 or argv[0] not in actions:
        print("usage: python -m tools.translations extract|compile", file=sys.stderr)
        return 2
    actions[argv[0]]()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
