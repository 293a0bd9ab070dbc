#pragma once

#include <QByteArray>
#include <QString>

namespace Kakehashi {

// Files that hold patient data (the record cache, the image cache, the access history) are
// readable by their owner only, whatever the umask: files 0600, the folders holding them 0700.
namespace PrivateFiles {

// Creates |dir| and any missing parents below the first existing one with mode 0700. An existing
// |dir| owned by this user is tightened to 0700 (an older version left it 0755); a shared folder
// (sticky, like /tmp) or one owned by someone else is left alone. False with *error when |dir|
// cannot be created.
bool makeDirectory(const QString &dir, QString *error);

// Creates |path| empty if it is missing, and makes it 0600 whether it was missing or not (an older
// version left the record cache 0644). Refuses a symbolic link. False with *error on failure.
bool makeFile(const QString &path, QString *error);

// Writes |bytes| to |path| whole or not at all (a temporary file beside it, 0600 from its creation,
// renamed over |path| on success; removed on failure). A full disk or a file-size limit is reported
// with the system's reason ("No space left on device", "File too large").
// Durability::Synced flushes the data to the disk before the rename, so after a power loss |path|
// holds either the old or the new bytes. Durability::Unsynced leaves that to the kernel: after a
// power loss |path| may exist empty or cut short. Only for files whose reader checks every byte
// (sealed with AES-GCM) and can fetch them again.
enum class Durability { Synced, Unsynced };
bool writeFile(const QString &path, const QByteArray &bytes, QString *error, Durability durability = Durability::Synced);

// Makes |path| 0600 when it exists (SQLite's -wal, -shm and -journal beside a database). True when
// it is missing.
bool restrictExisting(const QString &path, QString *error);

} // namespace PrivateFiles

} // namespace Kakehashi
