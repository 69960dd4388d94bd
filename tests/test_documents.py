"""Reading articles: decoding, bad input, metadata."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract.documents import decode, find_files, iter_inputs, load_metadata, parse_date, read_article
from extract.errors import ConfigError, InputError


def test_decode_utf8_and_bom():
    assert decode("café “quoted”".encode("utf-8")) == ("café “quoted”", [])
    assert decode(b"\xef\xbb\xbfhello")[0] == "hello"


@pytest.mark.parametrize("data, text", [
    ("café\r\nline two\r\n".encode("utf-8"), "café\r\nline two\r\n"),          # CRLF kept
    ("old mac\rlines\r".encode("utf-8"), "old mac\rlines\r"),                    # CR only kept
    (b"\xef\xbb\xbfBOM dropped\n", "BOM dropped\n"),                             # UTF-8 BOM
    ("\ufeffUTF-16 \u201cquoted\u201d\r\n".encode("utf-16-le"), "UTF-16 \u201cquoted\u201d\r\n"),
    ("\ufeffUTF-16 big-endian".encode("utf-16-be"), "UTF-16 big-endian"),
    ("UTF-32 text".encode("utf-32"), "UTF-32 text"),
])
def test_decode_reads_every_encoding_and_keeps_line_endings(data, text):
    assert decode(data, "x.txt") == (text, [])


def test_decode_replaces_bad_utf8_bytes_and_names_their_offsets():
    data = "Zürich – 5°C".encode("utf-8") + b" \xff and \xe2\x82 end"
    text, warnings = decode(data, "w.txt")
    assert text == "Zürich – 5°C \ufffd and \ufffd end"
    assert warnings == ["w.txt: not valid UTF-8 at byte offset(s) 17, 23; each invalid sequence was "
                        "replaced by one U+FFFD character"]
    many = ("é" + "\x00").encode("utf-8")[:2] + b"\xff" * 8
    assert "and 3 more" in decode(b"ok " + many, "m.txt")[1][0]


def test_read_raw_is_the_text_offsets_count_into(tmp_path):
    import warnings

    from extract import read_raw

    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbfOne.\r\nTwo \xff.\rThree.")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        raw = read_raw(path)
    assert raw == "One.\r\nTwo \ufffd.\rThree."
    assert raw.index("Three") == 13   # \r\n counts two characters, the BOM none
    assert len(caught) == 1 and "byte offset(s) 13" in str(caught[0].message)
    with pytest.warns(UserWarning, match="byte offset"):
        assert read_raw(path) == open(path, encoding="utf-8-sig", errors="replace", newline="").read()


def test_decode_falls_back_with_a_warning():
    text, warnings = decode("Price: £5".encode("cp1252"), "a.txt")
    assert text == "Price: £5"
    assert warnings == ["a.txt: not valid UTF-8 (byte 7); decoded as cp1252 instead"]


@pytest.mark.parametrize("data, message", [
    (b"", "x.txt: the file is empty"),
    (b"  \n\t\n", "x.txt: the file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "x.txt: looks like a binary file (it contains NUL bytes)"),
    (bytes(range(1, 32)) * 20, "x.txt: looks like a binary file"),
])
def test_decode_refuses(data, message):
    with pytest.raises(InputError, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        decode(data, "x.txt")


def test_read_article_missing_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file or directory"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory with no .txt files"):
        read_article(tmp_path)


def test_find_files_expands_folders_in_order(tmp_path):
    (tmp_path / "b.txt").write_text("b")
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "notes.md").write_text("n")
    assert [p.name for p in find_files([tmp_path])] == ["a.txt", "b.txt"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert list(find_files([empty])) == [empty]


def test_iter_inputs_metadata_and_reference_date(tmp_path):
    (tmp_path / "one.txt").write_text("Text one.")
    (tmp_path / "two.txt").write_text("Text two.")
    (tmp_path / "metadata.csv").write_text("doc_id,title,published,source\none,First,2018-11-01,Nature\n")
    load_metadata.cache_clear()
    items = {i.doc_id: i for i in iter_inputs([tmp_path])}
    assert items["one"].title == "First"
    assert items["one"].reference_date == "2018-11-01"
    assert items["two"].reference_date is None
    forced = {i.doc_id: i for i in iter_inputs([tmp_path], reference_date="2020-01-02")}
    assert forced["one"].reference_date == forced["two"].reference_date == "2020-01-02"


def _inputs(paths, **kwargs):
    warnings: list[str] = []
    load_metadata.cache_clear()
    items = {i.doc_id: i for i in iter_inputs(paths, warn=warnings.append, **kwargs)}
    return items, warnings


@pytest.mark.parametrize("content, encoding, published, warning", [
    # one bad row: that row is skipped and named, the others are used
    ("doc_id,published\none,1 Nov 2018\ntwo,2018-11-02\n", "utf-8", {"two": "2018-11-02"},
     "metadata.csv: line 2: published '1 Nov 2018' is not a YYYY-MM-DD date; row skipped"),
    # a doc_id given twice: the first row is used, the second named
    ("doc_id,published\none,2018-11-01\none,2019-01-01\n", "utf-8", {"one": "2018-11-01"},
     "metadata.csv: line 3: doc_id 'one' is also on line 2; line 2 is used"),
    # saved by Excel: UTF-8 with a byte order mark
    ("doc_id,published\none,2018-11-01\n", "utf-8-sig", {"one": "2018-11-01"}, None),
    # a doc_id written with .txt
    ("doc_id,published\none.txt,2018-11-01\n", "utf-8", {"one": "2018-11-01"},
     "metadata.csv: line 2: doc_id 'one.txt' ends in .txt; read as 'one'"),
    # latin-1 (a title with é)
    ("doc_id,title,published\none,Caf\u00e9,2018-11-01\n", "latin-1", {"one": "2018-11-01"},
     "metadata.csv: not valid UTF-8; read as cp1252"),
    # a row without doc_id
    ("doc_id,published\n,2018-11-01\ntwo,2018-11-02\n", "utf-8", {"two": "2018-11-02"},
     "metadata.csv: line 2: no doc_id; row skipped"),
    # no doc_id column: the file is not used, said once
    ("id,published\none,2018-11-01\n", "utf-8", {},
     "metadata.csv: cannot be read (missing column(s) doc_id); no metadata used"),
])
def test_metadata_problems_are_named_and_the_rest_is_used(tmp_path, content, encoding, published, warning):
    (tmp_path / "one.txt").write_text("Text one.")
    (tmp_path / "two.txt").write_text("Text two.")
    (tmp_path / "metadata.csv").write_bytes(content.encode(encoding))
    items, warnings = _inputs([tmp_path])
    assert {k: v.published for k, v in items.items() if v.published} == published
    if warning is None:
        assert warnings == []
    else:
        assert len(warnings) == 1 and warning in warnings[0], warnings
    assert all(i.error is None and i.warnings == [] for i in items.values())
    if encoding == "latin-1":
        assert items["one"].title == "Caf\u00e9"


def test_metadata_that_cannot_be_read_is_warned_once(tmp_path, monkeypatch):
    for name in ("one", "two"):
        (tmp_path / f"{name}.txt").write_text("Text.")
    meta = tmp_path / "metadata.csv"
    meta.write_text("doc_id,published\none,2018-11-01\n")
    real = type(meta).read_bytes

    def unreadable(self):
        if self.name == "metadata.csv":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(type(meta), "read_bytes", unreadable)
    items, warnings = _inputs([tmp_path])
    assert warnings == [f"{meta}: cannot be read (Permission denied); no metadata used for the articles beside it"]
    assert items["one"].published == "" and items["one"].error is None


def test_same_file_name_in_two_folders_gets_two_doc_ids(tmp_path):
    for folder, text in (("business", "Shares rose."), ("sport", "Arsenal won."), ("sport/extra", "Other.")):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "001.txt").write_text(text)
    (tmp_path / "business" / "002.txt").write_text("Unique.")
    items, warnings = _inputs([tmp_path])
    assert sorted(items) == ["002", "business/001", "extra/001", "sport/001"]
    assert items["sport/001"].text == "Arsenal won."
    assert len(warnings) == 1 and "1 file name(s) are shared" in warnings[0] and "001.txt" in warnings[0]


def test_identical_copies_in_two_folders_are_both_kept(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text("Same text.")
    items, _ = _inputs([tmp_path])
    assert sorted(items) == ["a/x", "b/x"]


def test_doc_ids_given_again_are_used(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("Text.")
    items, _ = _inputs([tmp_path / "a" / "x.txt"], doc_ids={str(tmp_path / "a" / "x.txt"): "a/x"})
    assert list(items) == ["a/x"]


def test_broken_links_and_unreadable_folders_are_warned_and_skipped(tmp_path, monkeypatch):
    import extract.documents as documents

    (tmp_path / "ok.txt").write_text("Fine.")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "in.txt").write_text("Inside.")
    (tmp_path / "sub" / "up").symlink_to(tmp_path)          # a folder loop: walked once
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "hidden.txt").write_text("Hidden.")
    (tmp_path / "locked").chmod(0)
    real_scandir = documents.os.scandir

    def scandir(path):   # root reads every folder: refuse the locked one as the OS would
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(documents.os, "scandir", scandir)
    try:
        items, warnings = _inputs([tmp_path])
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert sorted(items) == ["in", "ok"]
    text = "\n".join(warnings)
    assert "dangling.txt: symbolic link to nothing" in text
    assert "loop.txt: symbolic link to nothing" in text
    assert "locked: cannot be read (Permission denied); skipped" in text


@pytest.mark.parametrize("value", ["2018-13-01", "yesterday", "", "01/11/2018"])
def test_parse_date_rejects(value):
    with pytest.raises(ConfigError, match="expected YYYY-MM-DD"):
        parse_date(value)
