"""Reading articles: decoding, bad input, metadata."""
from __future__ import annotations

import pytest

from extract.documents import decode, find_files, iter_inputs, load_metadata, parse_date, read_article
from extract.errors import ConfigError, InputError


def test_decode_utf8_and_bom():
    assert decode("café “quoted”".encode("utf-8")) == ("café “quoted”", [])
    assert decode(b"\xef\xbb\xbfhello")[0] == "hello"


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


def test_bad_metadata_names_file_and_line(tmp_path):
    (tmp_path / "one.txt").write_text("Text one.")
    (tmp_path / "metadata.csv").write_text("doc_id,published\none,1 Nov 2018\n")
    load_metadata.cache_clear()
    with pytest.raises(InputError, match=r"metadata.csv: line 2: published '1 Nov 2018' is not a YYYY-MM-DD date"):
        load_metadata(str(tmp_path))
    [item] = list(iter_inputs([tmp_path]))
    assert item.error is None and "line 2" in item.warnings[0]


@pytest.mark.parametrize("value", ["2018-13-01", "yesterday", "", "01/11/2018"])
def test_parse_date_rejects(value):
    with pytest.raises(ConfigError, match="expected YYYY-MM-DD"):
        parse_date(value)
