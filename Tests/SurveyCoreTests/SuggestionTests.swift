import SurveyCore
import Testing

@Suite struct SuggestionTests {
  @Test(arguments: [
    ("requird", ["required", "renamed"], "required"),
    ("scael", ["scale", "single"], "scale"),
    ("Employed", ["employed"], "employed"),
    ("min_group", ["min-group"], "min-group"),
    ("hash", ["hashed"], "hashed"),
  ])
  func suggestsTheIntendedWord(_ word: String, _ candidates: [String], _ expected: String) {
    #expect(Suggestion.closest(to: word, in: candidates) == expected)
  }

  @Test(arguments: [("xyz", ["question", "scale"]), ("a", ["bcd"]), ("completely", ["different"])])
  func staysQuietWhenNothingIsClose(_ word: String, _ candidates: [String]) {
    #expect(Suggestion.closest(to: word, in: candidates) == nil)
  }

  @Test func wordsLongerThanAnyNameGetNoSuggestion() {
    // Such a word would normalize to "required"; a word this long is not a misspelling, and
    // comparing it would cost time and memory in proportion to its length.
    let long = String(repeating: "_", count: 100) + "required"
    #expect(Suggestion.closest(to: long, in: ["required"]) == nil)
    #expect(Suggestion.closest(to: "_required", in: ["required"]) == "required")
  }

  @Test func transpositionCountsOnce() {
    #expect(Suggestion.editDistance(Array("ab"), Array("ba")) == 1)
    #expect(Suggestion.editDistance(Array("kitten"), Array("sitting")) == 3)
    #expect(Suggestion.editDistance([], Array("abc")) == 3)
  }
}
