import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { type FormEvent, useRef, useState } from "react";
import { reachableSession, refuseIfArchived } from "~/access/access.server";
import { attendancePermissions } from "~/attendance/permissions";
import { byUnitThenName } from "~/attendance/report";
import { markFormSchema } from "~/attendance/schemas.server";
import { markRest, marksOf, rosterOf, saveMarks, unmarkedAmong } from "~/attendance/sessions.server";
import { STATUSES, statusLabelKey } from "~/attendance/statuses";
import { CourseNav } from "~/attendance/ui";
import { requireUser } from "~/auth/guard.server";
import { issueDueInClass } from "~/certificates/class.server";
import { parseRequestForm } from "~/forms/form.server";
import { parseId } from "~/forms/parse";
import { invalid, ok } from "~/forms/result.server";
import { matchesSearch } from "~/i18n/fold";
import { formatDate, formatDateTime, formatTime } from "~/i18n/format";
import { t } from "~/i18n/messages";
import "~/i18n/attendance";
import { Field, FormMessage, SelectField, useActionResult } from "~/ui/form";
import { PageHeader } from "~/ui/page";
import { DataTable } from "~/ui/table";

export const access = attendancePermissions.manageAttendance;

export const meta: MetaFunction = () => [{ title: `${t("att.mark.title")} · ${t("app.name")}` }];

async function load(request: Request, params: LoaderFunctionArgs["params"], context?: object) {
  const auth = await requireUser(request, access, context);
  const { course, session } = await reachableSession(auth, params, access);
  return { auth, course, session };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { course, session } = await load(request, params, context);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  const unit = parseId(url.searchParams.get("don-vi"));
  const [roster, marks] = await Promise.all([rosterOf(course.id), marksOf(session.id)]);
  const byUser = new Map(marks.map((m) => [m.userId, m]));
  const summary: Record<string, number> = { total: roster.length, PRESENT: 0, LATE: 0, EXCUSED: 0, ABSENT: 0, UNMARKED: 0 };
  for (const l of roster) summary[byUser.get(l.id)?.status ?? "UNMARKED"]++;
  const units = new Map<number, string>();
  for (const l of roster) if (l.unitId !== null) units.set(l.unitId, l.unitName);
  const shown = roster
    .filter((l) => (!q || matchesSearch(l.search, q)) && (unit === null || l.unitId === unit))
    .sort(byUnitThenName)
    .map((l) => {
      const m = byUser.get(l.id);
      return {
        id: l.id,
        name: l.fullName,
        unit: l.unitName,
        phone: l.phone ?? "",
        status: m?.status ?? "",
        note: m?.note ?? "",
        who: m
          ? m.source === "CHECKIN"
            ? t("att.mark.byCheckin", { time: formatDateTime(m.markedAt) })
            : t("att.mark.by", { name: m.markedBy?.fullName ?? "", time: formatDateTime(m.markedAt) })
          : "",
      };
    });
  return {
    course: { id: course.id, title: course.title },
    session: {
      id: session.id,
      title: session.title,
      heading: t("att.session.heading", { date: formatDate(session.startsAt), from: formatTime(session.startsAt), to: formatTime(session.endsAt) }),
      cancelled: session.status === "CANCELLED",
    },
    q,
    unit: unit === null ? "" : String(unit),
    units: [...units].sort((a, b) => a[1].localeCompare(b[1], "vi")).map(([id, name]) => ({ value: String(id), label: name })),
    summary,
    rows: shown,
    loadedAt: String(Date.now()),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { auth, course, session } = await load(request, params);
  refuseIfArchived(course);
  const form = await parseRequestForm(request, markFormSchema);
  if (!form.ok) return invalid(form);
  if (session.status === "CANCELLED") return invalid({ _form: t("att.mark.cancelledSession") }, { status: 422 });
  const enrolled = new Set((await rosterOf(course.id)).map((l) => l.id));
  if (form.data.ids.some((id) => !enrolled.has(id))) return invalid({ _form: t("att.mark.notEnrolled") }, { status: 422 });
  if (form.data.intent === "rest") {
    const { status, confirmed, ids, notes } = form.data;
    const rest = await unmarkedAmong(session.id, ids);
    if (rest.length === 0) return ok({ message: t("att.mark.restNone") });
    // without JavaScript the first press only asks (nothing written); the page's confirm step sends `confirmed`
    if (!confirmed) return ok({ confirm: { status, ids: rest } });
    const count = await markRest(
      session.id,
      rest.map((userId) => ({ userId, note: notes.get(userId) ?? "" })),
      status,
      auth.user.id,
    );
    await issueDueInClass(course.id, null, rest);
    return ok({ message: t(`att.mark.restDone.${status}`, { count }) });
  }
  const { marks, loadedAt } = form.data;
  const { written, overwritten } = await saveMarks(session.id, auth.user.id, marks, new Date(), loadedAt);
  await issueDueInClass(
    course.id,
    null,
    marks.map((c) => c.userId),
  );
  const message = written ? t("att.mark.saved", { count: written }) : t("att.mark.noChange");
  return ok({ message: overwritten ? `${message} ${t("att.mark.overwritten", { count: overwritten })}` : message });
}

export default function MarkingPage() {
  const { course, session, q, unit, units, summary, rows, loadedAt } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const e = result.errors;
  const busy = useNavigation().state === "submitting";
  const base = `/khoa-hoc/${course.id}/diem-danh/${session.id}`;
  const marksForm = useRef<HTMLFormElement>(null);
  const submit = useSubmit();
  const [notice, setNotice] = useState("");
  const done = result.success;
  const confirm = done && "confirm" in done ? done.confirm : null;
  // With JavaScript, "the rest" is read from the page: a status chosen but not saved yet is kept, and the
  // trainer confirms the count. Without it, the server asks on the next page and spares only saved marks.
  function markRestFromPage(event: FormEvent<HTMLFormElement>) {
    const form = marksForm.current;
    const status = (event.nativeEvent as SubmitEvent).submitter?.getAttribute("value");
    if (!form || (status !== "PRESENT" && status !== "ABSENT")) return;
    event.preventDefault();
    const rest = rows.filter((r) => !form.querySelector(`input[name="mark.${r.id}"]:checked`));
    if (rest.length === 0) return setNotice(t("att.mark.restNone"));
    if (!window.confirm(`${t(`att.mark.restAsk.${status}`, { count: rest.length })}\n${t("att.mark.restKeepsUnsaved")}`)) return;
    setNotice("");
    const body = new FormData();
    body.set("intent", "rest");
    body.set("status", status);
    body.set("confirmed", "1");
    for (const r of rest) {
      body.append("ids", String(r.id));
      const note = (form.elements.namedItem(`note.${r.id}`) as HTMLInputElement | null)?.value ?? "";
      if (note) body.set(`note.${r.id}`, note);
    }
    submit(body, { method: "post" });
  }
  // A row remounts only when its stored mark changes, so the form shows what was saved without re-creating 800+ inputs.
  return (
    <>
      <PageHeader title={`${t("att.mark.title")}: ${session.title || session.heading}`}>
        {session.cancelled ? <span className="tag tag--off">{t("att.session.isCancelled")}</span> : null}
      </PageHeader>
      <CourseNav courseId={course.id} />
      <p className="muted">
        {session.heading} · <Link to={`${base}/trinh-chieu`}>{t("att.session.display")}</Link> · <Link to={`${base}/so-ky-ten`}>{t("att.session.sheet")}</Link>
      </p>
      <p role="status">{t("att.mark.summary", summary)}</p>
      <FormMessage tone="success">{done && "message" in done ? done.message : null}</FormMessage>
      {notice ? <FormMessage tone="success">{notice}</FormMessage> : null}
      <FormMessage tone="error">{e._form}</FormMessage>
      {confirm ? (
        <Form method="post" className="card stack" aria-labelledby="rest-ask">
          <p id="rest-ask">
            <strong>{t(`att.mark.restAsk.${confirm.status}`, { count: confirm.ids.length })}</strong> {t("att.mark.restKeepsSaved")}
          </p>
          <input type="hidden" name="intent" value="rest" />
          <input type="hidden" name="status" value={confirm.status} />
          <input type="hidden" name="confirmed" value="1" />
          {confirm.ids.map((id) => (
            <input key={id} type="hidden" name="ids" value={id} />
          ))}
          <div className="toolbar">
            <button type="submit">{t("att.mark.restConfirm")}</button>
            <Link className="button button--ghost" to={`${base}?${new URLSearchParams({ q, "don-vi": unit })}`}>
              {t("att.mark.restCancel")}
            </Link>
          </div>
        </Form>
      ) : null}
      <Form method="get" className="toolbar" role="search">
        <Field label={t("att.mark.search")} name="q" type="search" defaultValue={q} hint={t("att.mark.searchHint")} />
        <SelectField label={t("att.mark.unit")} name="don-vi" defaultValue={unit} options={[{ value: "", label: t("att.mark.allUnits") }, ...units]} />
        <button type="submit">{t("att.mark.filter")}</button>
      </Form>
      <p className="muted">{t("att.mark.showing", { shown: rows.length, total: summary.total })}</p>
      <Form method="post" className="toolbar" onSubmit={markRestFromPage}>
        <input type="hidden" name="intent" value="rest" />
        {rows.map((r) => (
          <input key={r.id} type="hidden" name="ids" value={r.id} />
        ))}
        <button type="submit" name="status" value="PRESENT" className="button button--ghost" disabled={busy}>
          {t("att.mark.allPresent")}
        </button>
        <button type="submit" name="status" value="ABSENT" className="button button--ghost" disabled={busy}>
          {t("att.mark.allAbsent")}
        </button>
      </Form>
      <Form method="post" ref={marksForm}>
        <input type="hidden" name="loadedAt" value={loadedAt} />
        {rows.map((r) => (
          <input key={r.id} type="hidden" name="ids" value={r.id} />
        ))}
        <div className="toolbar">
          <button type="submit" name="intent" value="save" disabled={busy}>
            {t("att.mark.save")}
          </button>
        </div>
        <DataTable
          caption={t("att.mark.title")}
          className="att-mark"
          rows={rows}
          rowKey={(r) => `${r.id}|${r.status}|${r.note}`}
          rowProps={(r) => ({ "data-status": r.status || "UNMARKED" })}
          columns={[
            {
              header: t("att.mark.learner"),
              rowHeader: true,
              cell: (r) => (
                <>
                  <span id={`l${r.id}`}>{r.name}</span>
                  <small className="muted">
                    {r.unit}
                    {r.phone ? ` · ${r.phone}` : ""}
                  </small>
                  {r.who ? <small className="att-who">{r.who}</small> : null}
                </>
              ),
            },
            {
              header: t("att.mark.status"),
              cell: (r) => (
                <>
                  <div
                    role="radiogroup"
                    aria-labelledby={`l${r.id}`}
                    aria-describedby={e[`mark.${r.id}`] ? `mark-${r.id}-error` : undefined}
                    className="att-radios"
                  >
                    {STATUSES.map((s) => (
                      <label key={s}>
                        <input type="radio" name={`mark.${r.id}`} value={s} defaultChecked={r.status === s} />
                        {t(statusLabelKey(s))}
                      </label>
                    ))}
                  </div>
                  {e[`mark.${r.id}`] ? (
                    <p className="field__error" id={`mark-${r.id}-error`}>
                      {e[`mark.${r.id}`]}
                    </p>
                  ) : null}
                </>
              ),
            },
            {
              header: t("att.mark.note"),
              cell: (r) => (
                <>
                  <input
                    name={`note.${r.id}`}
                    defaultValue={r.note}
                    aria-label={t("att.mark.noteFor", { name: r.name })}
                    aria-describedby={e[`note.${r.id}`] ? `note-${r.id}-error` : undefined}
                    maxLength={300}
                  />
                  {e[`note.${r.id}`] ? (
                    <p className="field__error" id={`note-${r.id}-error`}>
                      {e[`note.${r.id}`]}
                    </p>
                  ) : null}
                </>
              ),
            },
          ]}
        />
        <p>
          <button type="submit" name="intent" value="save" disabled={busy}>
            {t("att.mark.save")}
          </button>
        </p>
      </Form>
    </>
  );
}
