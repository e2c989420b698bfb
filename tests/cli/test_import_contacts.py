"""`supportnet import-contacts`: one line per file, no one twice, bad files refused whole."""

from __future__ import annotations

from pathlib import Path

from supportnet.data.store_files import store_exists
from tests.cli.test_cli import assert_one_line_error, run_cli

FILES = Path(__file__).parents[1] / "services" / "contacts_files"


def test_import_creates_the_store_and_a_second_run_adds_no_one(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    files = [str(FILES / "android21.vcf"), str(FILES / "google.csv")]
    first = run_cli("import-contacts", "--data-dir", str(folder), *files, LANG="en_GB.UTF-8")
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines() == [
        "android21.vcf: 2 added, 0 already in your network, 0 looked like someone you have, "
        "0 could not be read.",
        "google.csv: 2 added, 1 already in your network, 0 looked like someone you have, "
        "1 could not be read.",
    ]
    again = run_cli("import-contacts", "--data-dir", str(folder), *files, LANG="en_GB.UTF-8")
    assert again.returncode == 0, again.stderr
    assert [line.split(": ", 1)[1].split(",")[0] for line in again.stdout.splitlines()] == [
        "0 added",
        "0 added",
    ]


def test_dry_run_changes_nothing_and_makes_no_store(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    result = run_cli(
        "import-contacts", "--data-dir", str(folder), "--dry-run", str(FILES / "iphone30.vcf")
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("iphone30.vcf: 2 would be added, ")
    assert not store_exists(folder)


def test_a_file_that_is_not_contacts_is_one_line_and_changes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    other = tmp_path / "notes.vcf"
    other.write_text("shopping: milk, bread\n")
    result = run_cli(
        "import-contacts", "--data-dir", str(folder), str(FILES / "android21.vcf"), str(other)
    )
    assert_one_line_error(result, 1, "notes.vcf", "Nothing was added")
    assert not store_exists(folder)
    missing = run_cli("import-contacts", "--data-dir", str(folder), str(tmp_path / "gone.vcf"))
    assert_one_line_error(missing, 1, "gone.vcf")


def test_no_file_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("import-contacts", "--data-dir", str(tmp_path / "store"))
    assert_one_line_error(result, 2)


def test_what_it_says_reads_calmly() -> None:
    from supportnet.cli.contacts_command import LOOKED_ALIKE_HINT
    from supportnet.services import contacts_import, csv_contacts, vcard_reader
    from tests.voice_rules import flagged

    texts = [
        LOOKED_ALIKE_HINT,
        contacts_import.SKIPPED_LABELS,
        vcard_reader.UNREADABLE_CARD,
        vcard_reader.NO_NAME,
        vcard_reader.NO_CARDS,
        csv_contacts.NOT_CONTACTS,
        csv_contacts.NO_NAME,
    ]
    for text in texts:
        assert not flagged(text), text
        assert "!" not in text, text
