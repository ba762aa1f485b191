// Swift's view of the system SQLite library, plus the few helpers that Swift cannot express
// because they use macros (SQLITE_TRANSIENT is a cast of -1 to a function pointer type).
#ifndef CSQLITE_H
#define CSQLITE_H

#include <sqlite3.h>

// Binds UTF-8 text that SQLite copies before returning. An empty string is bound as an empty
// text value, never as NULL (SQLite treats a NULL pointer as SQL NULL).
static inline int csqlite_bind_text_transient(
    sqlite3_stmt *statement, int index, const void *bytes, sqlite3_uint64 count) {
  if (bytes == 0 || count == 0) {
    return sqlite3_bind_text64(statement, index, "", 0, SQLITE_STATIC, SQLITE_UTF8);
  }
  return sqlite3_bind_text64(
      statement, index, (const char *)bytes, count, SQLITE_TRANSIENT, SQLITE_UTF8);
}

// Binds a blob that SQLite copies before returning. An empty blob is bound as a zero-length
// blob, never as NULL.
static inline int csqlite_bind_blob_transient(
    sqlite3_stmt *statement, int index, const void *bytes, sqlite3_uint64 count) {
  if (bytes == 0 || count == 0) {
    return sqlite3_bind_zeroblob(statement, index, 0);
  }
  return sqlite3_bind_blob64(statement, index, bytes, count, SQLITE_TRANSIENT);
}

#endif
