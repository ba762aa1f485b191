/// The response store's tables. Documented for people who open the file with `sqlite3`, R or
/// pandas in `STORE.md` at the top of the repository.
enum StoreSchema {
  /// The schema version written to `PRAGMA user_version` and `meta`. Version 2 added
  /// `aggregates` and `import_waves`; a version 1 store gains them (the second filled from its
  /// responses) the first time it is opened for writing. Version 3 changed what identifies a
  /// response (see `STORE.md`): it added versions of responses (`responses.replaced_by`), the
  /// keys of earlier versions kept for recognising rows imported before (`legacy_key`), how
  /// rejected rows are resolved or superseded, and empty and changed rows in `imports`.
  static let version: Int32 = 3

  /// The columns version 3 adds to a version 2 store, with their definitions. Responses and
  /// rejected rows stored before keep their keys as `legacy_key` (see ``upgradeToVersion3``).
  static let columnsVersion3: [(table: String, column: String, definition: String)] = [
    ("responses", "replaced_by", "INTEGER REFERENCES responses(id)"),
    ("responses", "legacy_key", "TEXT"),
    ("rejects", "response_key", "TEXT"),
    ("rejects", "superseded_by", "INTEGER REFERENCES rejects(id)"),
    ("rejects", "legacy_key", "TEXT"),
    ("imports", "replaced", "INTEGER NOT NULL DEFAULT 0"),
    ("imports", "empty_rows", "INTEGER NOT NULL DEFAULT 0"),
  ]

  /// What version 3 does to a version 2 store once its columns exist: the importer recognises
  /// responses and rejected rows stored before by their old keys, and moves them to the new
  /// keys as it meets them.
  static let upgradeToVersion3 = """
    UPDATE responses SET legacy_key = respondent_key WHERE legacy_key IS NULL;
    UPDATE rejects SET legacy_key = row_key WHERE legacy_key IS NULL AND response_key IS NULL;
    """ + indexesVersion3

  static let indexesVersion3 = """
    CREATE INDEX IF NOT EXISTS responses_by_legacy_key ON responses (survey_id, legacy_key)
      WHERE legacy_key IS NOT NULL;
    CREATE INDEX IF NOT EXISTS rejects_by_response_key ON rejects (survey_id, response_key)
      WHERE response_key IS NOT NULL;
    CREATE INDEX IF NOT EXISTS rejects_by_legacy_key ON rejects (survey_id, legacy_key)
      WHERE legacy_key IS NOT NULL;
    """

  /// The waves each import's accepted rows belong to, and saved counts of a survey's responses
  /// (see ``ResponseStore/savedAggregate(surveyID:fingerprint:)``).
  static let createVersion2 = """
    CREATE TABLE IF NOT EXISTS import_waves (
      import INTEGER NOT NULL REFERENCES imports(id),
      wave TEXT NOT NULL,
      PRIMARY KEY (import, wave)
    );
    CREATE TABLE IF NOT EXISTS aggregates (
      survey_id TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      through_response INTEGER NOT NULL,
      responses INTEGER NOT NULL,
      counts BLOB NOT NULL,
      PRIMARY KEY (survey_id, fingerprint)
    );
    """

  static let create = """
    CREATE TABLE IF NOT EXISTS meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS surveys (
      id INTEGER PRIMARY KEY,
      survey_id TEXT NOT NULL,
      version TEXT NOT NULL,
      title TEXT NOT NULL,
      codebook TEXT NOT NULL,
      UNIQUE (survey_id, version, codebook)
    );
    CREATE TABLE IF NOT EXISTS imports (
      id INTEGER PRIMARY KEY,
      survey INTEGER NOT NULL REFERENCES surveys(id),
      survey_id TEXT NOT NULL,
      file_name TEXT NOT NULL,
      file_sha256 TEXT NOT NULL,
      file_bytes INTEGER NOT NULL,
      platform TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      chapter TEXT,
      wave TEXT,
      rows_read INTEGER NOT NULL DEFAULT 0,
      accepted INTEGER NOT NULL DEFAULT 0,
      already_present INTEGER NOT NULL DEFAULT 0,
      rejected INTEGER NOT NULL DEFAULT 0,
      warnings INTEGER NOT NULL DEFAULT 0,
      header BLOB NOT NULL,
      delimiter TEXT NOT NULL,
      replaced INTEGER NOT NULL DEFAULT 0,
      empty_rows INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE IF NOT EXISTS responses (
      id INTEGER PRIMARY KEY,
      survey_id TEXT NOT NULL,
      survey_version TEXT NOT NULL,
      import INTEGER NOT NULL REFERENCES imports(id),
      respondent_key TEXT NOT NULL,
      person_key TEXT,
      chapter TEXT,
      wave TEXT NOT NULL,
      submitted_at TEXT,
      weight REAL,
      source_line INTEGER NOT NULL,
      replaced_by INTEGER REFERENCES responses(id),
      legacy_key TEXT,
      UNIQUE (survey_id, respondent_key)
    );
    CREATE INDEX IF NOT EXISTS responses_by_group ON responses (survey_id, chapter, wave);
    CREATE TABLE IF NOT EXISTS answers (
      response INTEGER PRIMARY KEY REFERENCES responses(id)
    );
    CREATE TABLE IF NOT EXISTS rejects (
      id INTEGER PRIMARY KEY,
      survey_id TEXT NOT NULL,
      import INTEGER NOT NULL REFERENCES imports(id),
      row_key TEXT NOT NULL,
      source_line INTEGER NOT NULL,
      raw BLOB NOT NULL,
      reasons TEXT NOT NULL,
      resolved_by INTEGER REFERENCES responses(id),
      response_key TEXT,
      superseded_by INTEGER REFERENCES rejects(id),
      legacy_key TEXT,
      UNIQUE (survey_id, row_key)
    );
    CREATE TABLE IF NOT EXISTS warnings (
      id INTEGER PRIMARY KEY,
      import INTEGER NOT NULL REFERENCES imports(id),
      response INTEGER REFERENCES responses(id),
      source_line INTEGER NOT NULL,
      question TEXT,
      message TEXT NOT NULL
    );
    """ + createVersion2 + indexesVersion3
}
