/**
 * The emails: Vietnamese, plain text with a simple HTML twin, dates dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh. Pure: the
 * outbox worker passes the row and the absolute links; the texts come from the catalogue.
 */
import { formatDate, formatDateTime } from "~/i18n/format";
import { t } from "~/i18n/messages";
import { NOTIFICATION_LABEL, type PreferenceKind } from "./choices";
import { NOTIFICATION_TEXT, type NotificationKind } from "./kinds";

export type DigestItem = { text: string; link: string; at: string };

export type EmailInput = {
  kind: PreferenceKind;
  params: Record<string, string | number> & { items?: DigestItem[] };
  /** absolute */
  link: string;
  createdAt: Date;
  origin: string;
  unsubscribeUrl: string;
};

export type RenderedEmail = { subject: string; text: string; html: string };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const absolute = (origin: string, link: string) => new URL(link, origin).toString();

export function renderEmail(input: EmailInput): RenderedEmail {
  const label = t(NOTIFICATION_LABEL[input.kind]);
  const footer = {
    why: t("notify.email.why", { label }),
    unsubscribe: t("notify.email.unsubscribe"),
    settings: t("notify.email.settings"),
    account: absolute(input.origin, "/tai-khoan"),
  };
  let subject: string;
  let lines: { text: string; link?: string }[];
  if (input.kind === "digest") {
    const items = input.params.items ?? [];
    subject = t("notify.email.digestSubject", { date: formatDate(input.createdAt) });
    lines = [
      { text: t("notify.email.digestIntro", { n: items.length }) },
      ...items.map((i) => ({ text: `${formatDateTime(i.at)} · ${i.text}`, link: absolute(input.origin, i.link) })),
    ];
  } else {
    subject = label;
    lines = [
      { text: t(NOTIFICATION_TEXT[input.kind as NotificationKind], input.params) },
      { text: t("notify.email.when", { when: formatDateTime(input.createdAt) }) },
    ];
  }
  const open = input.kind === "digest" ? null : input.link;
  const text = [
    t("notify.email.intro"),
    "",
    ...lines.map((l) => (l.link ? `- ${l.text}\n  ${l.link}` : l.text)),
    ...(open ? ["", `${t("notify.email.open")}: ${open}`] : []),
    "",
    "-- ",
    t("app.name"),
    footer.why,
    `${footer.unsubscribe}: ${input.unsubscribeUrl}`,
    `${footer.settings}: ${footer.account}`,
    "",
  ].join("\n");
  const htmlLines = lines.map((l) => (l.link ? `<li><a href="${escapeHtml(l.link)}">${escapeHtml(l.text)}</a></li>` : `<p>${escapeHtml(l.text)}</p>`));
  const html = [
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="font-family:sans-serif;line-height:1.5;max-width:40em">`,
    `<p>${escapeHtml(t("notify.email.intro"))}</p>`,
    input.kind === "digest" ? `${htmlLines[0]}<ul>${htmlLines.slice(1).join("")}</ul>` : htmlLines.join(""),
    open ? `<p><a href="${escapeHtml(open)}">${escapeHtml(t("notify.email.open"))}</a></p>` : "",
    `<hr><p style="color:#555;font-size:90%">${escapeHtml(t("app.name"))}<br>${escapeHtml(footer.why)}<br>`,
    `<a href="${escapeHtml(input.unsubscribeUrl)}">${escapeHtml(footer.unsubscribe)}</a> · `,
    `<a href="${escapeHtml(footer.account)}">${escapeHtml(footer.settings)}</a></p>`,
    `</body></html>`,
  ].join("\n");
  return { subject, text, html };
}
