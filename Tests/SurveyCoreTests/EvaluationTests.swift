import SurveyCore
import Testing

@Suite struct EvaluationTests {
  struct Context: EvaluationContext {
    var values: [String: Value]
    func value(of reference: VariableRef) -> Value { values[reference.id] ?? .missing(nil) }
  }

  static let employedYes = Expr.comparison(.equal, .variable(.question("employed")), .code(1))
  static let memberNo = Expr.comparison(.equal, .variable(.question("member")), .code(0))

  @Test(arguments: [
    (Value.number(1), Value.number(0), Value.bool(true)),
    (.number(0), .missing(nil), .bool(false)),
    (.missing(nil), .number(0), .missing(nil)),
    (.missing(.refused), .number(1), .bool(false)),
    (.number(1), .missing(nil), .missing(nil)),
  ])
  func andIsThreeValued(_ employed: Value, _ member: Value, _ expected: Value) {
    let rule = Expr.and(Self.employedYes, Self.memberNo)
    #expect(
      rule.evaluate(in: Context(values: ["employed": employed, "member": member])) == expected)
  }

  @Test func orIsTrueWhenEitherSideIsTrue() {
    let rule = Expr.or(Self.employedYes, Self.memberNo)
    #expect(rule.evaluate(in: Context(values: ["member": .number(0)])) == .bool(true))
    #expect(rule.evaluate(in: Context(values: ["member": .number(1)])) == .missing(nil))
  }

  @Test func missingKindsAreTestable() {
    let context = Context(values: ["q": .missing(.refused)])
    #expect(
      Expr.isMissing(.variable(.question("q")), .refused).evaluate(in: context) == .bool(true))
    #expect(
      Expr.isMissing(.variable(.question("q")), .dontKnow).evaluate(in: context) == .bool(false))
    #expect(Expr.isMissing(.variable(.question("q")), nil).evaluate(in: context) == .bool(true))
    #expect(Expr.isAnswered(.variable(.question("q"))).evaluate(in: context) == .bool(false))
  }

  @Test func aggregatesSkipUnknownArguments() {
    let context = Context(values: ["a": .number(2), "b": .missing(nil), "c": .number(4)])
    let args: [Expr] = [
      .variable(.question("a")), .variable(.question("b")), .variable(.question("c")),
    ]
    #expect(Expr.call(.sum, args).evaluate(in: context) == .number(6))
    #expect(Expr.call(.mean, args).evaluate(in: context) == .number(3))
    #expect(Expr.call(.max, args).evaluate(in: context) == .number(4))
    #expect(Expr.call(.sum, [.variable(.question("b"))]).evaluate(in: context) == .missing(nil))
  }

  @Test func countCountsChoicesOrTrueConditions() {
    let context = Context(values: ["m": .codes([1, 3]), "x": .number(5)])
    #expect(Expr.call(.count, [.variable(.question("m"))]).evaluate(in: context) == .number(2))
    let conditions: [Expr] = [
      .comparison(.greater, .variable(.question("x")), .number(1)),
      .comparison(.greater, .variable(.question("x")), .number(10)),
      .comparison(.greater, .variable(.question("y")), .number(1)),
    ]
    #expect(Expr.call(.count, conditions).evaluate(in: context) == .number(1))
  }

  @Test func divisionByZeroIsUnknown() {
    let expression = Expr.arithmetic(.divide, .number(1), .number(0))
    #expect(expression.evaluate(in: Context(values: [:])) == .missing(nil))
  }

  @Test func includesAnyAndAll() {
    let context = Context(values: ["m": .codes([1, 3])])
    let m = Expr.variable(.question("m"))
    #expect(Expr.includes(m, [2, 3], all: false).evaluate(in: context) == .bool(true))
    #expect(Expr.includes(m, [2, 3], all: true).evaluate(in: context) == .bool(false))
    #expect(Expr.includes(m, [1], all: false).evaluate(in: Context(values: [:])) == .missing(nil))
  }
}
