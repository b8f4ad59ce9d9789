import type { z } from "zod";
import { issueEarned } from "~/certificates/mine.server";
import type { RefusalStatus } from "~/forms/result.server";
import { formatDate, formatTime } from "~/i18n/format";
import { t } from "~/i18n/messages";
import { guessBlockedUntil, ipGuessKey, personKey, recordGuessFailure } from "~/ops/throttle.server";
import "~/i18n/attendance";
import { isWellFormedCode } from "./checkin-code";
import { DEFAULT_MAX_DELAY_MIN } from "./queued-checkin";
import type { checkinSchema } from "./schemas.server";
import { checkIn } from "./sessions.server";
import { statusLabelKey } from "./statuses";

/**
 * A learner's self check-in as the page's form and the phone's queue send it (the queue's route answers
 * JSON, the page a form result): throttling, the code, the rules of sessions.server.ts, the message.
 */
export type SelfCheckin = { ok: true; message: string; status: "PRESENT" | "LATE"; title: string } | { ok: false; message: string; httpStatus: RefusalStatus };

/** `CHECKIN_MAX_DELAY_MIN`: how long a check-in may wait on the phone, 0–120 minutes (default 120; docs/decisions/0046). */
export function checkinMaxDelayMin(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.CHECKIN_MAX_DELAY_MIN || DEFAULT_MAX_DELAY_MIN);
  return Number.isFinite(n) ? Math.min(Math.max(n, 0), DEFAULT_MAX_DELAY_MIN) : DEFAULT_MAX_DELAY_MIN;
}

export async function selfCheckIn(userId: number, ip: string, input: z.output<typeof checkinSchema>, arrival = new Date()): Promise<SelfCheckin> {
  const keys = [personKey("checkin", userId), ipGuessKey("checkin", ip)];
  const until = await guessBlockedUntil(keys, arrival);
  if (until) return { ok: false, message: t("att.checkin.throttled", { time: formatTime(until) }), httpStatus: 429 };
  if (!isWellFormedCode(input.code)) {
    await recordGuessFailure(keys, arrival);
    return { ok: false, message: t("att.checkin.codeMalformed"), httpStatus: 400 };
  }
  const maxDelay = checkinMaxDelayMin();
  const queued =
    input.key !== undefined && input.typedAt !== undefined && input.sentAt !== undefined
      ? { key: input.key, typedAt: new Date(input.typedAt), sentAt: new Date(input.sentAt), maxDelayMin: maxDelay }
      : null;
  const outcome = await checkIn(userId, input.code, input.buoi ?? null, arrival, queued);
  if (outcome.ok) {
    await issueEarned(userId);
    const session = `${formatDate(outcome.startsAt)} ${formatTime(outcome.startsAt)}–${formatTime(outcome.endsAt)}`;
    const status = t(statusLabelKey(outcome.status));
    const message = outcome.title ? t("att.checkin.doneTitled", { title: outcome.title, status, session }) : t("att.checkin.done", { status, session });
    return { ok: true, message, status: outcome.status, title: outcome.title };
  }
  // the moment on the server's clock, for the messages about a queued check-in
  const typedAt = queued ? formatTime(arrival.getTime() - (queued.sentAt.getTime() - queued.typedAt.getTime())) : "";
  switch (outcome.reason) {
    case "wrongCode":
      await recordGuessFailure(keys, arrival);
      return { ok: false, message: t("att.checkin.wrongCode"), httpStatus: 422 };
    case "notEnrolled":
      return { ok: false, message: t("att.checkin.notEnrolled"), httpStatus: 403 };
    case "closed":
      return { ok: false, message: queued ? t("att.checkin.closedAt", { time: typedAt }) : t("att.checkin.closed"), httpStatus: 422 };
    case "tooOld":
      return { ok: false, message: t("att.checkin.tooOld", { time: typedAt, hours: String(maxDelay / 60).replace(".", ",") }), httpStatus: 422 };
    case "badMoment":
      return { ok: false, message: t("att.checkin.badMoment"), httpStatus: 400 };
    case "already":
      return { ok: false, message: t("att.checkin.already", { status: t(statusLabelKey(outcome.status as "PRESENT")) }), httpStatus: 409 };
  }
}
