/** Each person's choice of which kinds reach them by email (the account page, the unsubscribe link, notify()). */
import { type Prisma, db } from "~/db/db.server";
import { emailEnabled } from "./email.server";
import { t } from "~/i18n/messages";
import "~/i18n/notifications";
import { NOTIFICATION_LABEL, PREFERENCE_KINDS, type PreferenceKind, wantsEmail } from "./choices";
import { existingUnsubscribeSecret } from "./secret.server";
import { readUnsubscribeToken } from "./unsubscribe";

type Client = Prisma.TransactionClient | ReturnType<typeof db>;

/**
 * Who of `userIds` gets this kind by email, and at which address: an active account with an email the mail server
 * has not refused, that has not turned the kind off (or turned it on, for an opt-in kind).
 */
export async function emailRecipients(tx: Client, userIds: number[], kind: PreferenceKind) {
  const [users, choices] = await Promise.all([
    tx.user.findMany({ where: { id: { in: userIds }, active: true, email: { not: null } }, select: { id: true, email: true } }),
    tx.notificationPreference.findMany({ where: { userId: { in: userIds }, kind } }),
  ]);
  if (!users.length) return [];
  const bounced = new Set(
    (await tx.emailBounce.findMany({ where: { address: { in: users.map((u) => u.email!) } }, select: { address: true } })).map((b) => b.address),
  );
  const choice = new Map(choices.map((c) => [c.userId, c.email]));
  return users.filter((u) => !bounced.has(u.email!) && wantsEmail(kind, choice.get(u.id))).map((u) => ({ userId: u.id, address: u.email! }));
}

/** Who of `userIds` turned an opt-in kind on (the only ones it reaches, in the app or by email). */
export async function optedIn(tx: Client, userIds: readonly number[], kind: PreferenceKind): Promise<number[]> {
  const rows = await tx.notificationPreference.findMany({ where: { userId: { in: [...userIds] }, kind, email: true }, select: { userId: true } });
  return rows.map((r) => r.userId);
}

/** The account page's view: every kind with whether it is on, and why email may not reach the person at all. */
export async function emailPreferencesOf(userId: number) {
  const [user, choices] = await Promise.all([
    db().user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } }),
    db().notificationPreference.findMany({ where: { userId } }),
  ]);
  const choice = new Map(choices.map((c) => [c.kind, c.email]));
  const bounce = user.email ? await db().emailBounce.findUnique({ where: { address: user.email } }) : null;
  return {
    enabled: emailEnabled(),
    email: user.email,
    bounced: bounce ? bounce.address : null,
    kinds: PREFERENCE_KINDS.map((kind) => ({ kind, label: t(NOTIFICATION_LABEL[kind]), on: wantsEmail(kind, choice.get(kind)) })),
  };
}

/** Saves a whole set of choices: the kinds in `on` by email, every other kind not. */
export async function saveEmailPreferences(userId: number, on: readonly PreferenceKind[]) {
  const chosen = new Set(on);
  await db().$transaction(
    PREFERENCE_KINDS.map((kind) =>
      db().notificationPreference.upsert({
        where: { userId_kind: { userId, kind } },
        update: { email: chosen.has(kind) },
        create: { userId, kind, email: chosen.has(kind) },
      }),
    ),
  );
}

/** The unsubscribe link's effect: this kind no longer by email for this person (unsent emails of it are dropped too). */
export async function turnOffEmail(userId: number, kind: PreferenceKind) {
  await db().$transaction([
    db().notificationPreference.upsert({ where: { userId_kind: { userId, kind } }, update: { email: false }, create: { userId, kind, email: false } }),
    db().delivery.updateMany({ where: { userId, kind, status: "PENDING" }, data: { status: "SKIPPED", lastError: "unsubscribed" } }),
  ]);
}

/** Whom and what an unsubscribe link names, when its signature holds (a page read: nothing is written). */
export async function readUnsubscribeLink(token: string) {
  const secret = await existingUnsubscribeSecret();
  const link = secret ? readUnsubscribeToken(secret, token) : null;
  return link ? { ...link, label: t(NOTIFICATION_LABEL[link.kind]) } : null;
}

/** Follows an unsubscribe link: that kind turned off for that person; null when the link is not one we signed. */
export async function unsubscribe(token: string) {
  const link = await readUnsubscribeLink(token);
  if (!link) return null;
  await turnOffEmail(link.userId, link.kind);
  return link;
}
