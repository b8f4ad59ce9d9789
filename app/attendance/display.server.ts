import QRCode from "qrcode";
import { formatTime } from "~/i18n/format";
import { currentCode, secondsLeft } from "./checkin-code";
import { checkedInCount } from "./sessions.server";
import { checkinOpensAt, checkinState } from "./window";

type DisplaySession = {
  id: number;
  startsAt: Date;
  endsAt: Date;
  status: string;
  graceBeforeMin: number;
  graceAfterMin: number;
  lateAfterMin: number;
  rotateSeconds: number;
  checkinSecret: string;
};

/** What the check-in display shows now (`origin`: this server's public origin, where the QR points): the code and its QR (only while check-in is open) and the live count. */
export async function displayState(session: DisplaySession, origin: string, now = new Date()) {
  const state = checkinState(session, now);
  const count = await checkedInCount(session.id);
  if (state !== "open") return { state, count, code: null, qr: null, url: `${origin}/diem-danh`, seconds: 60, opensAt: formatTime(checkinOpensAt(session)) };
  const code = currentCode(session.checkinSecret, now, session.rotateSeconds);
  const link = `${origin}/diem-danh?buoi=${session.id}&ma=${code}`;
  const qr = await QRCode.toString(link, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { state, count, code, qr, url: `${origin}/diem-danh`, seconds: secondsLeft(now, session.rotateSeconds), opensAt: formatTime(checkinOpensAt(session)) };
}
