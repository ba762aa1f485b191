import SurveyCore
import Testing

@Suite struct CivilDateTests {
  @Test(arguments: [
    ("1970-01-01", 0), ("2000-02-29", 11_016), ("2026-11-24", 20_781), ("1969-12-31", -1),
  ])
  func roundTripsKnownDays(_ text: String, _ days: Int) {
    #expect(CivilDate.parseISO(text) == days)
    #expect(CivilDate.iso(days) == text)
  }

  @Test(arguments: [
    "2026-02-29", "2026-13-01", "2026-00-10", "26-01-01", "2026-1-01", "abcd-ef-gh",
    "+202-01-01", "2026-01-011", "2026-01-0", "2026/01/01", "２０２６-01-01", "",
  ])
  func rejectsDatesThatDoNotExist(_ text: String) {
    #expect(CivilDate.parseISO(text) == nil)
  }
}

@Suite struct JSONValueTests {
  @Test func escapesForHTMLAndControlCharacters() {
    let value = JSONValue.string("</script><b>\"&'\u{1}\n")
    #expect(value.compact == #""\u003c/script\u003e\u003cb\u003e\"\u0026\u0027\u0001\n""#)
  }

  @Test func numbersPrintTheSameEverywhere() {
    #expect(JSONValue.number(3).compact == "3")
    #expect(JSONValue.number(0.25).compact == "0.25")
    #expect(JSONValue.number(-1.5).compact == "-1.5")
    #expect(JSONValue.number(.nan).compact == "null")
    #expect(JSONValue.number(Double?.none).compact == "null")
  }

  @Test func objectsKeepTheirOrderAndIndent() {
    let value = JSONValue.object([("b", .integer(1)), ("a", .array([.bool(true), .null]))])
    #expect(value.compact == #"{"b":1,"a":[true,null]}"#)
    #expect(value.pretty == "{\n  \"b\": 1,\n  \"a\": [\n    true,\n    null\n  ]\n}\n")
  }
}
