/// The lower and upper tail probabilities of a distribution at one point.
///
/// Special functions return both tails, each computed directly, so that whichever one is small
/// keeps full relative precision instead of being formed as `1 − (something near 1)`.
struct TailPair: Sendable, Equatable {
  /// The lower tail `P(X ≤ x)`.
  var lower: Double
  /// The upper tail `P(X > x)`.
  var upper: Double

  /// The pair with the two tails exchanged.
  var swapped: TailPair { TailPair(lower: upper, upper: lower) }
}
