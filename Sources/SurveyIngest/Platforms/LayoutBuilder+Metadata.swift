extension LayoutBuilder {
  mutating func leadingMetadata() {
    switch platform {
    case .generic:
      meta(["respondent_id"], .responseID)
      meta(["submitted_at"], .submittedAt)
      if survey.roles.chapter == nil { meta(["chapter"], .chapter) }
    case .googleForms:
      meta(["Timestamp"], .submittedAt)
    case .kobo:
      meta(["start"], .startedAt)
      meta(["end"], .ignored)
    case .odk:
      meta(["SubmissionDate"], .submittedAt)
    case .qualtrics:
      for (tag, text, importID, field) in QualtricsImportID.metadata {
        meta([tag, text, "{\"ImportId\":\"\(importID)\"}"], field)
      }
    case .surveyMonkey:
      let fields: [(String, MetadataField)] = [
        ("Respondent ID", .responseID), ("Collector ID", .ignored), ("Start Date", .startedAt),
        ("End Date", .submittedAt), ("IP Address", .ignored), ("Email Address", .ignored),
        ("First Name", .ignored), ("Last Name", .ignored), ("Custom Data 1", .ignored),
      ]
      for (header, field) in fields { meta([header, ""], field) }
    case .limeSurvey:
      let fields: [(String, MetadataField)] = [
        ("id", .responseID), ("submitdate", .submittedAt), ("lastpage", .ignored),
        ("startlanguage", .language), ("seed", .ignored), ("token", .ignored),
        ("startdate", .startedAt), ("datestamp", .ignored), ("ipaddr", .ignored),
        ("refurl", .ignored),
      ]
      for (header, field) in fields {
        meta([header], field)
        usedLimeCodes.insert(header.lowercased())
      }
    }
  }

  mutating func trailingMetadata() {
    switch platform {
    case .kobo:
      meta(["_id"], .responseID)
      meta(["_uuid"], .ignored)
      meta(["_submission_time"], .submittedAt)
      meta(["_validation_status"], .ignored)
      meta(["_status"], .ignored)
      meta(["_submitted_by"], .ignored)
      meta(["__version__"], .ignored)
      meta(["_index"], .ignored)
    case .odk:
      meta(["KEY"], .responseID)
      for header in [
        "SubmitterID", "SubmitterName", "AttachmentsPresent", "AttachmentsExpected", "Status",
        "ReviewState", "DeviceID", "Edits", "FormVersion",
      ] {
        meta([header], .ignored)
      }
    default: break
    }
  }
}
