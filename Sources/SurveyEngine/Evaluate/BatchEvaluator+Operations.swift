import SurveyCore

/// The operators and functions over whole batches, as `Semantics` defines them for one row.
extension BatchEvaluator {
  func arithmetic(_ op: ArithmeticOperator, _ lhs: VectorValues, _ rhs: VectorValues)
    -> VectorValues
  {
    var result = VectorValues(count: count)
    result.write { tags, numbers in
      lhs.read { leftTags, left in
        rhs.read { rightTags, right in
          for row in 0..<count
          where VectorValues.isNumeric(leftTags[row]) && VectorValues.isNumeric(rightTags[row]) {
            let value: Double
            switch op {
            case .add: value = left[row] + right[row]
            case .subtract: value = left[row] - right[row]
            case .multiply: value = left[row] * right[row]
            case .divide:
              guard right[row] != 0 else { continue }
              value = left[row] / right[row]
            }
            tags[row] = VectorValues.Tag.number.rawValue
            numbers[row] = value
          }
        }
      }
    }
    return result
  }

  func compare(_ op: ComparisonOperator, _ lhs: VectorValues, _ rhs: VectorValues)
    -> VectorValues
  {
    var result = VectorValues(count: count)
    let text = VectorValues.Tag.text.rawValue
    var texts: [Int] = []
    result.write { tags, numbers in
      lhs.read { leftTags, left in
        rhs.read { rightTags, right in
          for row in 0..<count {
            let (leftTag, rightTag) = (leftTags[row], rightTags[row])
            if leftTag == text, rightTag == text {
              texts.append(row)
              continue
            }
            guard VectorValues.isNumeric(leftTag), VectorValues.isNumeric(rightTag) else {
              continue
            }
            let (a, b) = (left[row], right[row])
            let holds: Bool
            switch op {
            case .equal: holds = a == b
            case .notEqual: holds = a != b
            case .less: holds = a < b
            case .lessOrEqual: holds = a <= b
            case .greater: holds = a > b
            case .greaterOrEqual: holds = a >= b
            }
            tags[row] = VectorValues.Tag.bool.rawValue
            numbers[row] = holds ? 1 : 0
          }
        }
      }
    }
    for row in texts {
      let (left, right) = (string(lhs, row), string(rhs, row))
      switch op {
      case .equal: result.setBool(row, left == right)
      case .notEqual: result.setBool(row, left != right)
      case .less: result.setBool(row, left < right)
      case .lessOrEqual: result.setBool(row, left <= right)
      case .greater: result.setBool(row, left > right)
      case .greaterOrEqual: result.setBool(row, left >= right)
      }
    }
    return result
  }

  /// `and` and `or`: false (true) wins over unknown.
  func logic(_ lhs: VectorValues, _ rhs: VectorValues, isAnd: Bool) -> VectorValues {
    var result = VectorValues(count: count)
    let decisive: Int8 = isAnd ? 0 : 1
    result.write { tags, numbers in
      lhs.read { leftTags, left in
        rhs.read { rightTags, right in
          for row in 0..<count {
            let a = VectorValues.truth(leftTags[row], left[row])
            let b = VectorValues.truth(rightTags[row], right[row])
            if a == decisive || b == decisive {
              tags[row] = VectorValues.Tag.bool.rawValue
              numbers[row] = isAnd ? 0 : 1
            } else if a >= 0, b >= 0 {
              tags[row] = VectorValues.Tag.bool.rawValue
              numbers[row] = isAnd ? 1 : 0
            }
          }
        }
      }
    }
    return result
  }

  func includes(_ values: VectorValues, _ codes: [Int], all: Bool) -> VectorValues {
    var result = VectorValues(count: count)
    var masks: [Int32: (mask: UInt64, complete: Bool)] = [:]
    for row in 0..<count where values.tags[row] == VectorValues.Tag.codes.rawValue {
      let source = values.sources[row]
      guard source >= 0 else {
        let chosen = values.overflow[row] ?? []
        result.setBool(
          row, all ? codes.allSatisfy(chosen.contains) : codes.contains(where: chosen.contains))
        continue
      }
      let wanted =
        masks[source]
        ?? {
          let bits = schema.multipleBits[Int(source)]
          var mask: UInt64 = 0
          var complete = true
          for code in codes {
            if let bit = bits[code] { mask |= 1 << UInt64(bit) } else { complete = false }
          }
          masks[source] = (mask, complete)
          return (mask, complete)
        }()
      let chosen = values.references[row]
      result.setBool(
        row,
        all ? wanted.complete && chosen & wanted.mask == wanted.mask : chosen & wanted.mask != 0)
    }
    return result
  }

  func call(_ function: ExpressionFunction, _ arguments: [VectorValues]) -> VectorValues {
    var result = VectorValues(count: count)
    switch function {
    case .count:
      for row in 0..<count {
        if arguments.count == 1, arguments[0].tags[row] == VectorValues.Tag.codes.rawValue {
          let argument = arguments[0]
          let chosen =
            argument.sources[row] >= 0
            ? argument.references[row].nonzeroBitCount : (argument.overflow[row]?.count ?? 0)
          result.setNumber(row, Double(chosen))
          continue
        }
        var known = 0
        var trues = 0
        for argument in arguments {
          let truth = argument.truth(row)
          guard truth >= 0 else { continue }
          known += 1
          if truth == 1 { trues += 1 }
        }
        if known > 0 { result.setNumber(row, Double(trues)) }
      }
    case .sum, .mean, .min, .max:
      for row in 0..<count {
        var total = 0.0
        var numbers = 0
        var extreme = 0.0
        for argument in arguments where VectorValues.isNumeric(argument.tags[row]) {
          let value = argument.numbers[row]
          if numbers == 0 {
            extreme = value
          } else if function == .min {
            extreme = Swift.min(extreme, value)
          } else if function == .max {
            extreme = Swift.max(extreme, value)
          }
          total += value
          numbers += 1
        }
        guard numbers > 0 else { continue }
        switch function {
        case .sum: result.setNumber(row, total)
        case .mean: result.setNumber(row, total / Double(numbers))
        default: result.setNumber(row, extreme)
        }
      }
    case .if:
      guard arguments.count == 3 else { return result }
      for row in 0..<count {
        let condition = arguments[0].truth(row)
        guard condition >= 0 else { continue }
        result.copy(row, from: arguments[condition == 1 ? 1 : 2])
      }
    }
    return result
  }

  /// A row's text value.
  func string(_ values: VectorValues, _ row: Int) -> String {
    if values.sources[row] == -2 { return values.strings[Int(values.references[row])] }
    let (start, length) = TextRef.parts(values.references[row])
    return batch.string(start: start, length: length)
  }
}

extension RecordBatch {
  /// The text of a field given by its start (see ``fieldStart``) and length.
  func string(start: Int32, length: Int32) -> String {
    let range = Int(start >= 0 ? start : ~start)..<(Int(start >= 0 ? start : ~start) + Int(length))
    let bytes = start >= 0 ? text[range] : side[range]
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Calls `body` with the bytes of a field given by its start and length.
  func withBytes<R>(start: Int32, length: Int32, _ body: (ArraySlice<UInt8>) -> R) -> R {
    let range = Int(start >= 0 ? start : ~start)..<(Int(start >= 0 ? start : ~start) + Int(length))
    return body(start >= 0 ? text[range] : side[range])
  }
}
