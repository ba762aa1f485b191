import SurveyIngest
import SurveyStore

/// The file `survey rejects --csv` writes for one import: its header rows and its rejected rows,
/// each with one more column, `survey_reject`, naming the rejection the row corrects once it is
/// fixed and imported again.
///
/// A cell a spreadsheet would run as a formula gets a leading `'` (as in `survey export data`):
/// a respondent's answer must never run in the organizer's spreadsheet. Other cells keep their
/// text. A row that is not one record on its own is written as it was, with the column added.
struct RejectsFile {
  /// The import's header rows as stored (each followed by a line feed).
  let header: [UInt8]
  /// The import's delimiter.
  let delimiter: CSVDelimiter

  /// The whole file.
  func bytes(of rows: [RejectRecord]) -> [UInt8] {
    let headerRows = records(header)
    // A file of corrected rows that were rejected again already has the column: reuse it.
    let existing = headerRows.first.flatMap { first in
      first.fields.lastIndex { String(decoding: $0, as: UTF8.self) == MetadataField.rejectColumn }
    }
    var bytes: [UInt8] = []
    for (index, row) in headerRows.enumerated() {
      bytes += row.raw
      if existing == nil {
        bytes += [delimiter.byte] + Array((index == 0 ? MetadataField.rejectColumn : "").utf8)
      }
      bytes.append(0x0A)
    }
    for reject in rows {
      let marker = Array(String(reject.id).utf8)
      let parsed = records(reject.raw)
      guard parsed.count == 1, let record = parsed.first else {
        bytes += reject.raw + [delimiter.byte] + marker + [0x0A]
        continue
      }
      // Rows that need no masking keep their bytes, quoting included.
      if existing == nil, !record.fields.contains(where: needsMask) {
        bytes += reject.raw + [delimiter.byte] + marker + [0x0A]
        continue
      }
      var cells = record.fields
      if let existing, existing < cells.count {
        cells[existing] = marker
      } else {
        cells.append(marker)
      }
      let writer = CSVWriter(
        options: CSVWriterOptions(delimiter: delimiter, lineEnding: .lf, masksFormulas: true))
      write(cells, to: writer)
      bytes += writer.bytes
    }
    return bytes
  }

  private func needsMask(_ field: [UInt8]) -> Bool {
    field.withUnsafeBytes { CSVFormulaMasking.needsMask($0) }
  }

  /// The records of some CSV text, read with the import's delimiter: each one's fields and
  /// its text as written.
  private func records(_ text: [UInt8]) -> [(fields: [[UInt8]], raw: [UInt8])] {
    let reader = CSVReader(bytes: text, options: CSVReaderOptions(delimiter: delimiter))
    var records: [(fields: [[UInt8]], raw: [UInt8])] = []
    while (try? reader.nextRecord()) == true {
      guard reader.record.count > 0 else { continue }
      var fields: [[UInt8]] = []
      reader.record.forEachField { _, field in fields.append(Array(field)) }
      records.append((fields, reader.record.withUnsafeRawBytes { Array($0) }))
    }
    return records
  }

  private func write(_ cells: [[UInt8]], to writer: CSVWriter) {
    for cell in cells { cell.withUnsafeBytes { _ = try? writer.writeField(bytes: $0) } }
    _ = try? writer.endRecord()
  }
}
