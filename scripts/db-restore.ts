// npm run db:restore -- FILE — stop the server first; the backup (and each attachment's checksum) is checked before it replaces the database.
import { restoreDatabase, sqlitePath } from "../app/db/backup.server";
import { databaseUrl } from "../app/db/url";
import { attachmentsDir } from "../app/materials/storage.server";

const file = process.argv[2];
if (!file) {
  console.error("Cách dùng: npm run db:restore -- đường/dẫn/bản-sao-lưu.db");
  process.exit(2);
}
restoreDatabase(file, sqlitePath(databaseUrl()), { attachments: attachmentsDir() });
console.log(`Đã khôi phục cơ sở dữ liệu và tệp đính kèm từ ${file}. Khởi động lại máy chủ (npm start).`);
