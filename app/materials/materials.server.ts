import { type Prisma, db } from "~/db/db.server";
import type { AttachmentType } from "./file-type";
import { renderMarkdown } from "./markdown.server";
import type { LessonInput } from "./schemas.server";
import { readSources } from "./sources";
import { removeStored, sha256Hex, writeStored } from "./storage.server";

/** A class's local lessons and attachments: persistence (the routes get the class from app/access). */

const attachmentView = { id: true, fileName: true, type: true, size: true, createdAt: true, lessonId: true } satisfies Prisma.AttachmentSelect;

/** The class's lessons in order, and its attachments newest first. */
export async function classMaterials(courseId: number) {
  const [lessons, attachments] = await Promise.all([
    db().localLesson.findMany({
      where: { courseId },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, title: true, position: true, updatedAt: true },
    }),
    db().attachment.findMany({ where: { courseId }, orderBy: { id: "desc" }, select: attachmentView }),
  ]);
  return { lessons, attachments };
}

/** A lesson to read: its rendered text, sources and files. */
export async function lessonToRead(lesson: { id: number; sources: string }) {
  const files = await db().attachment.findMany({ where: { lessonId: lesson.id }, orderBy: { id: "asc" }, select: attachmentView });
  return { sources: readSources(lesson.sources), files };
}

/** Creates (no `lessonId`) or updates a lesson; the Markdown is rendered once, here. */
export async function saveLesson(courseId: number, authorId: number, input: LessonInput, lessonId?: number) {
  const data = { title: input.title, body: input.body, html: renderMarkdown(input.body), sources: JSON.stringify(input.sources) };
  if (lessonId) {
    return db().localLesson.update({ where: { id: lessonId, courseId }, data: { ...data, ...(input.position ? { position: input.position } : {}) } });
  }
  return db().$transaction(async (tx) => {
    const last = await tx.localLesson.aggregate({ where: { courseId }, _max: { position: true } });
    return tx.localLesson.create({ data: { ...data, courseId, authorId, position: input.position ?? (last._max.position ?? 0) + 1 } });
  });
}

export async function deleteLesson(courseId: number, lessonId: number): Promise<boolean> {
  const { count } = await db().localLesson.deleteMany({ where: { id: lessonId, courseId } });
  return count > 0;
}

export type AddAttachment = { ok: true; id: number } | { ok: false; reason: "badLesson" };

/**
 * Stores a checked file and its row together: the row is written first (taking SQLite's write lock),
 * then the file is put in place inside the same transaction, so a concurrent delete of the same
 * bytes (see `deleteAttachment`) runs wholly before or after, and a failed write leaves no row.
 */
export async function addAttachment(
  courseId: number,
  uploaderId: number,
  file: { fileName: string; bytes: Uint8Array; type: AttachmentType },
  lessonId?: number,
): Promise<AddAttachment> {
  const sha256 = sha256Hex(file.bytes);
  return db().$transaction(async (tx) => {
    if (lessonId && !(await tx.localLesson.findFirst({ where: { id: lessonId, courseId }, select: { id: true } })))
      return { ok: false, reason: "badLesson" } as const;
    const row = await tx.attachment.create({
      data: { courseId, lessonId, uploaderId, fileName: file.fileName, type: file.type, size: file.bytes.byteLength, sha256, storageName: sha256 },
      select: { id: true },
    });
    writeStored(sha256, file.bytes);
    return { ok: true, id: row.id } as const;
  });
}

/** Deletes the row; the file goes too, after the commit, when no other attachment (of any class) has the same bytes. */
export async function deleteAttachment(courseId: number, attachmentId: number): Promise<{ fileName: string } | null> {
  const row = await db().$transaction(async (tx) => {
    const found = await tx.attachment.findFirst({ where: { id: attachmentId, courseId }, select: { id: true, fileName: true, storageName: true } });
    if (found) await tx.attachment.delete({ where: { id: found.id } });
    return found;
  });
  if (!row) return null;
  await releaseFiles([row.storageName]);
  return { fileName: row.fileName };
}

/**
 * Removes the stored files that no attachment names any more; called once the delete that freed them has
 * committed (docs/decisions/0043). Inside that transaction, a rollback would leave rows whose file is gone; after
 * it, a crash in between leaves at most a file no row names, which is harmless: never served, named by its
 * checksum, rewritten by the next upload of the same bytes. The check and the removal share a transaction, and
 * transactions take turns on the one connection (0003) while an upload puts its file in place inside its own: an
 * upload of the same bytes is wholly before the check (its row is counted) or after it (it writes the file anew).
 */
export async function releaseFiles(storageNames: readonly string[]): Promise<void> {
  const names = [...new Set(storageNames)];
  if (!names.length) return;
  await db().$transaction(async (tx) => {
    const used = await tx.attachment.findMany({ where: { storageName: { in: names } }, select: { storageName: true }, distinct: ["storageName"] });
    const kept = new Set(used.map((r) => r.storageName));
    for (const name of names) if (!kept.has(name)) removeStored(name);
  });
}
