/// The response store's tables. Documented for people who open the file with `sqlite3`, R or
/// pandas in `STORE.md` at the top of the repository.
enum StoreSchema {
  /// The schema version written to `PRAGMA user_version` and `meta`. Version 2 added
  /// `aggregates` and `import_waves`; a version 1 store gains them (the second filled from its
  /// responses) the first time it is opened for writing.
  static let version: Int32 = 2

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
      delimiter TEXT NOT NULL
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
    """ + createVersion2
}
