#!/usr/bin/env python3
"""Writes the nasty-CSV corpus used by CSVCorpusTests.

Usage (from the package root):
    python3 Tests/SurveyIngestTests/FixtureTools/make_csv_corpus.py

Each case is written as Fixtures/csv/NAME.csv (the exact input bytes) and NAME.json (what the
reader must produce). The expectations below are written by hand from the specification of the
reader, not produced by it: for every record, its physical line and field values (invalid UTF-8
shown repaired with U+FFFD), optionally the line and column of every field, and every issue with
its kind, line, column and, where given, exact message. Re-running the script rewrites the same
files; nothing here is random.
"""

import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Fixtures", "csv")

CASES = []


def case(name, data, records, issues=(), dialect=None, options=None, description=""):
    CASES.append({
        "name": name, "data": data, "records": records, "issues": list(issues),
        "dialect": dialect or {"delimiter": ",", "hasByteOrderMark": False,
                               "delimiterSource": "sniffed"},
        "options": options or {}, "description": description,
    })


def rec(line, fields, positions=None, raw=None, too_large=False):
    entry = {"line": line, "fields": fields}
    if too_large:
        entry["tooLarge"] = True
    if positions is not None:
        entry["positions"] = positions
    if raw is not None:
        entry["raw"] = raw
    return entry


def issue(kind, line, column, message=None):
    entry = {"kind": kind, "line": line, "column": column}
    if message is not None:
        entry["message"] = message
    return entry


COMMA = {"delimiter": ",", "hasByteOrderMark": False, "delimiterSource": "sniffed"}
FALLBACK = {"delimiter": ",", "hasByteOrderMark": False, "delimiterSource": "fallback"}

case("bom_crlf", b"\xef\xbb\xbfid,name\r\n1,Ann\r\n2,Bob\r\n",
     [rec(1, ["id", "name"], [[1, 1], [1, 4]]), rec(2, ["1", "Ann"]), rec(3, ["2", "Bob"])],
     dialect={"delimiter": ",", "hasByteOrderMark": True, "delimiterSource": "sniffed"},
     description="UTF-8 byte order mark (stripped, not part of column 1) and CRLF endings")

case("lf_only", b"a,b,c\n1,2,3\n",
     [rec(1, ["a", "b", "c"]), rec(2, ["1", "2", "3"], [[2, 1], [2, 3], [2, 5]])])

case("cr_only", b"a,b\r1,2\r3,4\r",
     [rec(1, ["a", "b"]), rec(2, ["1", "2"]), rec(3, ["3", "4"], [[3, 1], [3, 3]])],
     description="old Mac line endings: a lone CR ends a line")

case("mixed_endings", b"a,b\r\n1,2\n3,4\r5,6",
     [rec(1, ["a", "b"]), rec(2, ["1", "2"]), rec(3, ["3", "4"]), rec(4, ["5", "6"])],
     description="CRLF, LF and CR in one file, and no final line ending")

case("semicolon_decimal_comma", b"id;score;weight\n1;3,5;70,2\n2;4,0;81,9\n",
     [rec(1, ["id", "score", "weight"]), rec(2, ["1", "3,5", "70,2"], [[2, 1], [2, 3], [2, 7]]),
      rec(3, ["2", "4,0", "81,9"])],
     dialect={"delimiter": ";", "hasByteOrderMark": False, "delimiterSource": "sniffed"},
     description="semicolon export from a decimal-comma locale: commas do not split evenly")

case("tab_separated", b"id\tname\tcity\n1\tAnn\tBern\n2\tBob\tLyon, FR\n",
     [rec(1, ["id", "name", "city"]), rec(2, ["1", "Ann", "Bern"], [[2, 1], [2, 3], [2, 7]]),
      rec(3, ["2", "Bob", "Lyon, FR"])],
     dialect={"delimiter": "\t", "hasByteOrderMark": False, "delimiterSource": "sniffed"})

case("quoted_specials",
     b'id,comment\n1,"a, b"\n2,"say ""hi"""\n3,"line one\nline two"\n4,""\n5,"x\r\ny",z\r\n',
     [rec(1, ["id", "comment"]),
      rec(2, ["1", "a, b"], [[2, 1], [2, 3]], raw='1,"a, b"'),
      rec(3, ["2", 'say "hi"'], [[3, 1], [3, 3]], raw='2,"say ""hi"""'),
      rec(4, ["3", "line one\nline two"], [[4, 1], [4, 3]]),
      rec(6, ["4", ""], [[6, 1], [6, 3]]),
      rec(7, ["5", "x\r\ny", "z"], [[7, 1], [7, 3], [8, 4]], raw='5,"x\r\ny",z')],
     description="quoted delimiters, doubled quotes, LF and CRLF inside quotes (lines still "
                 "count), an empty quoted field")

case("ragged_rows", b"a,b,c\n1,2\n1,2,3,4\n\n5\n",
     [rec(1, ["a", "b", "c"]), rec(2, ["1", "2"]), rec(3, ["1", "2", "3", "4"]), rec(4, []),
      rec(5, ["5"])],
     description="short and long rows are reported as they are; a blank line in the middle is "
                 "a record with no fields")

case("empty_file", b"", [], dialect=FALLBACK)

case("header_only", b"id,name,age", [rec(1, ["id", "name", "age"])])

case("header_only_semicolon", b"id;name\n", [rec(1, ["id", "name"])],
     dialect={"delimiter": ";", "hasByteOrderMark": False, "delimiterSource": "sniffed"})

case("no_final_newline", b"a,b\n1,2", [rec(1, ["a", "b"]), rec(2, ["1", "2"], raw="1,2")])

case("trailing_blank_lines", b"a,b\n1,2\n\n\n", [rec(1, ["a", "b"]), rec(2, ["1", "2"])],
     description="blank lines at the very end are ignored")

case("blank_lines_crlf", b"a,b\r\n\r\n1,2\r\n\r\n",
     [rec(1, ["a", "b"]), rec(2, []), rec(3, ["1", "2"])],
     description="a blank line between records is kept, the trailing one is not")

case("unterminated_quote", b'id,text\n1,"ok"\n2,"never closed\n3,x\n',
     [rec(1, ["id", "text"]), rec(2, ["1", "ok"]),
      rec(3, ["2", "never closed\n3,x\n"], [[3, 1], [3, 3]])],
     [issue("unterminatedQuote", 3, 3,
            "unterminated quoted field starting at line 3, column 3; "
            "the rest of the file was read into this field")])

case("unterminated_escaped_quote", b'a,b\n1,"say ""x""\n',
     [rec(1, ["a", "b"]), rec(2, ["1", 'say "x"\n'])],
     [issue("unterminatedQuote", 2, 3)],
     description="an unterminated field with doubled quotes is still un-escaped")

case("stray_quote", b'name,size\nscreen,15" wide\nab"c,"ok"\n',
     [rec(1, ["name", "size"]), rec(2, ["screen", '15" wide']), rec(3, ['ab"c', "ok"])],
     [issue("strayQuote", 2, 10,
            "stray quote in unquoted field at line 2, column 10; kept as a literal character"),
      issue("strayQuote", 3, 3)])

case("text_after_closing_quote", b'a,b\n"abc"def,2\n"x""y"z,3\n',
     [rec(1, ["a", "b"]), rec(2, ["abcdef", "2"], [[2, 1], [2, 10]]),
      rec(3, ['x"yz', "3"])],
     [issue("textAfterClosingQuote", 2, 6,
            "text after closing quote at line 2, column 6; kept as part of the field"),
      issue("textAfterClosingQuote", 3, 7)])

case("invalid_utf8", b"name,city\nJos\xe9,Z\xfcrich\n\xc3\xa9t\xc3\xa9,ok\nx,\xe2\x82",
     [rec(1, ["name", "city"]), rec(2, ["Jos\ufffd", "Z\ufffdrich"]), rec(3, ["\u00e9t\u00e9", "ok"]),
      rec(4, ["x", "\ufffd"])],
     [issue("invalidUTF8", 2, 4,
            "invalid UTF-8 byte 0xe9 at line 2, column 4; "
            "the field is kept as bytes (is the file in another encoding?)"),
      issue("invalidUTF8", 2, 7), issue("invalidUTF8", 4, 3)],
     description="Latin-1 bytes and a UTF-8 sequence cut off by the end of the file")

case("nul_bytes", b"a,b\n1,x\x00y\n\x00,\"q\x00\"\n",
     [rec(1, ["a", "b"]), rec(2, ["1", "x\u0000y"]), rec(3, ["\u0000", "q\u0000"])],
     [issue("nulByte", 2, 4, "field contains a NUL byte at line 2, column 4"),
      issue("nulByte", 3, 1), issue("nulByte", 3, 5)])

case("record_over_cap",
     b'id,text\n1,short\n2,this line is far too long for the cap\n'
     b'3,"quoted\nlong long long long long"\n4,ok\n',
     [rec(1, ["id", "text"]), rec(2, ["1", "short"]), rec(3, [], too_large=True),
      rec(4, [], too_large=True), rec(6, ["4", "ok"])],
     [issue("recordTooLarge", 3, 1,
            "record starting at line 3 exceeds the 20-byte limit and cannot be read"),
      issue("recordTooLarge", 4, 1,
            "record starting at line 4 exceeds the 20-byte limit and cannot be read "
            "(lines 4 to 5)")],
     options={"maxRecordBytes": 20})

case("record_over_cap_unterminated", b'a,b\n1,"never closed and far too long\n2,x\n',
     [rec(1, ["a", "b"]), rec(2, [], too_large=True)],
     [issue("recordTooLarge", 2, 1,
            "record starting at line 2 exceeds the 16-byte limit and cannot be read "
            "(lines 2 to 4); it ends in an unterminated quoted field at the end of the file")],
     options={"maxRecordBytes": 16})

case("too_many_fields", b"a,b\n1,2,3,4,5,6\n7,8\n",
     [rec(1, ["a", "b"]), rec(2, [], too_large=True), rec(3, ["7", "8"])],
     [issue("recordTooLarge", 2, 1,
            "record starting at line 2 exceeds the limit of 4 fields and cannot be read")],
     options={"maxFieldsPerRecord": 4})

case("utf16_bom", b"\xff\xfe" + "a,b\r\n1,2\r\n".encode("utf-16-le"), [],
     [issue("utf16Encoding", 1, 1, "file is UTF-16; save it as UTF-8")], dialect=FALLBACK)

case("not_csv_zip", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", [],
     [issue("notText", 1, 1,
            "file does not look like CSV text: it is a ZIP archive (an .xlsx or .ods workbook?)")],
     dialect=FALLBACK)

case("binary_noise", bytes(range(0, 32)) * 4, [],
     [issue("notText", 1, 1,
            "file does not look like CSV text: 87% of the first 128 bytes are NUL or control "
            "bytes")],
     dialect=FALLBACK)

case("unicode_columns",
     ("name,note,x\nJos\u00e9,caf\u00e9,1\nJose\u0301,ok,2\n\u4e2d\u6587\u5b57,\u6f22\u5b57,3\n"
      "\U0001F44D\U0001F3FD,\U0001F468\u200d\U0001F469\u200d\U0001F467,4\n"
      "\U0001F1E8\U0001F1ED\U0001F1E9\U0001F1EA,\"a\tb\",5\n"
      "\U0001F468\u200d\U0001F469\u200d\U0001F467x\"y,z,6\n").encode("utf-8"),
     [rec(1, ["name", "note", "x"]),
      rec(2, ["Jos\u00e9", "caf\u00e9", "1"], [[2, 1], [2, 6], [2, 11]]),
      rec(3, ["Jose\u0301", "ok", "2"], [[3, 1], [3, 6], [3, 9]]),
      rec(4, ["\u4e2d\u6587\u5b57", "\u6f22\u5b57", "3"], [[4, 1], [4, 5], [4, 8]]),
      rec(5, ["\U0001F44D\U0001F3FD", "\U0001F468\u200d\U0001F469\u200d\U0001F467", "4"],
          [[5, 1], [5, 3], [5, 5]]),
      rec(6, ["\U0001F1E8\U0001F1ED\U0001F1E9\U0001F1EA", "a\tb", "5"], [[6, 1], [6, 4], [6, 10]]),
      rec(7, ["\U0001F468\u200d\U0001F469\u200d\U0001F467x\"y", "z", "6"], [[7, 1], [7, 6], [7, 8]])],
     [issue("strayQuote", 7, 3)],
     description="columns count grapheme clusters: precomposed and combining accents, CJK, "
                 "skin-tone and ZWJ emoji, flags; a tab counts as one column")

case("sniff_fallback", b"just one column\nanother\n",
     [rec(1, ["just one column"]), rec(2, ["another"])], dialect=FALLBACK)

case("sniff_ignores_quoted", b'a,b\n"x;y;z",1\n"p;q;r",2\n',
     [rec(1, ["a", "b"]), rec(2, ["x;y;z", "1"]), rec(3, ["p;q;r", "2"])],
     description="semicolons inside quotes do not count when sniffing")

case("forced_delimiter", b"a;b,c\n1;2,3\n", [rec(1, ["a;b", "c"]), rec(2, ["1;2", "3"])],
     dialect={"delimiter": ",", "hasByteOrderMark": False, "delimiterSource": "forced"},
     options={"delimiter": ","})

case("spaces_and_empty_fields", b' a , b ,\n,,\n"",x\n"a" ,y\n',
     [rec(1, [" a ", " b ", ""]), rec(2, ["", "", ""]), rec(3, ["", "x"]),
      rec(4, ["a ", "y"])],
     [issue("textAfterClosingQuote", 4, 4)],
     description="spaces are data; a space after a closing quote is text after the quote")

case("quoted_last_field_at_eof", b'a,"b"', [rec(1, ["a", "b"])])


def main():
    os.makedirs(OUT, exist_ok=True)
    for name in os.listdir(OUT):
        if name.endswith(".csv") or name.endswith(".json"):
            os.remove(os.path.join(OUT, name))
    for entry in CASES:
        with open(os.path.join(OUT, entry["name"] + ".csv"), "wb") as handle:
            handle.write(entry["data"])
        expected = {key: entry[key] for key in
                    ("description", "options", "dialect", "records", "issues")}
        with open(os.path.join(OUT, entry["name"] + ".json"), "w", encoding="utf-8") as handle:
            json.dump(expected, handle, ensure_ascii=False, indent=1)
            handle.write("\n")
    print(f"wrote {len(CASES)} cases to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
