"""Importing a phone's 5,000 contacts from one vCard file, against the bare parser.

The file mixes what phones write: iOS 3.0 cards with ``itemN.X-ABLabel`` labels and a
year-less birthday, Android 2.1 cards in quoted-printable with soft line breaks, vCard 4.0
cards, and some organisation-only cards. `read_s` is our readers (one card at a time),
`preview_s` the preview against a network of 500 people (duplicates marked), `write_s` the
one-transaction import into a real encrypted store, `import_s` all three. The baseline is
`bare_parse_s`: vobject alone reading the same file in one go (`readComponents`). The
ratio `import_s / bare_parse_s` is what the import costs over parsing alone; goal <= 1.5.
Medians of three runs; a fresh store each run.

Run: `.venv/bin/python -m benchmarks.import_contacts`.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.store_open import MemoryKeyring
from supportnet.data.store import open_store
from supportnet.model.network import ChannelKind, Circle, ContactChannel, Person
from supportnet.services.contact_matching import phone_key
from supportnet.services.contacts_import import ContactsImport, read_file

CONTACTS = 5000
NETWORK = 500
ROUNDS = 3
FIRST = ("Sam", "Priya", "Mohammed", "Rose", "Chris", "Elena", "Tomasz", "Aisha", "Kwame", "Zoë")
LAST = ("Lee", "Okafor", "Nguyen", "García", "Andersson-Whitfield", "O'Neill", "Müller")


def _card(n: int, rng: random.Random) -> str:
    first, last = rng.choice(FIRST), f"{rng.choice(LAST)}{n}"
    phone = f"+44 7700 {n:06d}"
    if n % 50 == 0:
        return (
            f"BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nFN:Surgery {n}\r\nORG:Surgery {n};\r\n"
            f"X-ABShowAs:COMPANY\r\nTEL;type=WORK:020 7946 {n:04d}\r\nEND:VCARD\r\n"
        )
    if n % 3 == 0:
        return (
            "BEGIN:VCARD\r\nVERSION:2.1\r\n"
            f"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{last};{first}=C3=A9;;;\r\n"
            f"TEL;CELL;PREF:{phone}\r\nTEL;HOME:020 7946 {n % 10000:04d}\r\n"
            "NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Met at the allotment=0D=0AGood =\r\n"
            "with plants\r\nEND:VCARD\r\n"
        )
    if n % 3 == 1:
        return (
            f"BEGIN:VCARD\r\nVERSION:3.0\r\nN:{last};{first};;;\r\nFN:{first} {last}\r\n"
            f"NICKNAME:{first[:3]}\r\nitem1.TEL;type=pref:{phone}\r\n"
            "item1.X-ABLabel:_$!<Mobile>!$_\r\n"
            f"item2.EMAIL;type=INTERNET:{first.lower()}.{n}@example.org\r\n"
            "item2.X-ABLabel:_$!<Home>!$_\r\nBDAY;X-APPLE-OMIT-YEAR=1604:1604-04-03\r\n"
            "CATEGORIES:Friends,Allotment\r\nNOTE:Likes long walks\\, and tea. A note long "
            "enough to be\r\n  folded over two lines.\r\nEND:VCARD\r\n"
        )
    return (
        f"BEGIN:VCARD\nVERSION:4.0\nFN:{first} {last}\nN:{last};{first};;;\n"
        f'TEL;TYPE="cell,voice";VALUE=uri:tel:{phone.replace(" ", "-")}\n'
        f"EMAIL;TYPE=work:{first.upper()}.{n}@Example.COM\nBDAY:--0612\nEND:VCARD\n"
    )


def write_file(path: Path) -> None:
    rng = random.Random(14)
    path.write_text("".join(_card(n, rng) for n in range(CONTACTS)), encoding="utf-8")


def bare_parse(path: Path) -> float:
    import vobject

    started = time.perf_counter()
    with path.open(encoding="utf-8") as stream:
        cards = list(vobject.readComponents(stream, allowQP=True, ignoreUnreadable=True))
    elapsed = time.perf_counter() - started
    assert len(cards) == CONTACTS
    return elapsed


def one_import(path: Path, folder: Path) -> tuple[float, float, float, int]:
    with open_store(folder, keyring_backend=MemoryKeyring()) as store:
        for n in range(NETWORK):  # every tenth contact of the file is someone already here
            phone = f"+44 7700 {n * 10:06d}"
            store.people.add(
                Person(
                    f"Known {n}", Circle.MIDDLE, channels=[ContactChannel(ChannelKind.CALL, phone)]
                )
            )
        importer = ContactsImport(store, region="GB")
        phone_key.cache_clear()  # each run starts cold, as an import in the app does
        started = time.perf_counter()
        read = read_file(path)
        read_done = time.perf_counter()
        previews = importer.compare([(path, read)])
        preview_done = time.perf_counter()
        imported = importer.import_rows(previews[0].rows)
        write_done = time.perf_counter()
    return read_done - started, preview_done - read_done, write_done - preview_done, imported.count


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "contacts.vcf"
        write_file(path)
        bare, reads, previews, writes, totals = [], [], [], [], []
        added = 0
        for number in range(ROUNDS):
            bare.append(bare_parse(path))
            read_s, preview_s, write_s, added = one_import(path, Path(tmp) / f"data{number}")
            reads.append(read_s)
            previews.append(preview_s)
            writes.append(write_s)
            totals.append(read_s + preview_s + write_s)
    import_s, bare_s = statistics.median(totals), statistics.median(bare)
    print(
        f"contacts            {CONTACTS} in one vCard file ({added} added, the rest already there)"
    )
    print(f"bare_parse_s        {bare_s:.2f}")
    print(f"read_s              {statistics.median(reads):.2f}")
    print(f"preview_s           {statistics.median(previews):.2f}")
    print(f"write_s             {statistics.median(writes):.2f}")
    print(f"import_s            {import_s:.2f}")
    print(f"ratio               {import_s / bare_s:.2f} (goal <= 1.5)")


if __name__ == "__main__":
    main()
