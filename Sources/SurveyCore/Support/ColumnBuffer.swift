/// Fixed-size storage for one column of a batch, reused from batch to batch.
///
/// The engine's loops read and write columns row by row; an `Array` stored in a class pays for
/// an exclusivity check and a uniqueness check at every write, which cost more than the work.
/// This buffer is written through a pointer held in a constant, so those checks do not apply.
/// It is used only by the thread that made it, and only for rows below its capacity (every loop
/// runs over `0..<count` with `count <= capacity`).
package final class ColumnBuffer<Element> {
  /// The number of elements.
  package let capacity: Int
  /// The storage.
  package let base: UnsafeMutablePointer<Element>

  /// Storage for `capacity` elements, each set to `value`.
  package init(capacity: Int, repeating value: Element) {
    self.capacity = capacity
    base = .allocate(capacity: max(capacity, 1))
    base.initialize(repeating: value, count: max(capacity, 1))
  }

  deinit {
    base.deinitialize(count: max(capacity, 1))
    base.deallocate()
  }

  /// An element.
  @inlinable @inline(__always)
  package subscript(index: Int) -> Element {
    get { base[index] }
    set { base[index] = newValue }
  }

  /// Sets the first `count` elements to a value.
  package func fill(_ value: Element, count: Int) {
    base.update(repeating: value, count: min(count, capacity))
  }

  /// Sets `count` elements from `start` to a value.
  package func fill(_ value: Element, from start: Int, count: Int) {
    guard start >= 0, count > 0, start + count <= capacity else { return }
    (base + start).update(repeating: value, count: count)
  }
}
