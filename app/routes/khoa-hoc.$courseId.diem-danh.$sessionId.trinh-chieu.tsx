import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { reachableSession } from "~/access/access.server";
import { displayState } from "~/attendance/display.server";
import { attendancePermissions } from "~/attendance/permissions";
import { rosterSize } from "~/attendance/sessions.server";
import { requireUser } from "~/auth/guard.server";
import { formatDate, formatTime } from "~/i18n/format";
import { t } from "~/i18n/messages";
import "~/i18n/attendance";

/**
 * The full-screen check-in display for the projector: rotating code, QR of the check-in link and
 * the live count. With JavaScript it polls the `ma` resource route; without, a meta refresh reloads it.
 */
export const access = attendancePermissions.manageAttendance;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? t("att.display.title", { title: data.title }) : t("app.name") }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const { course, session } = await reachableSession(auth, params, access);
  const [state, total] = await Promise.all([displayState(session, new URL(request.url).origin), rosterSize(course.id)]);
  return {
    back: `/khoa-hoc/${course.id}/diem-danh/${session.id}`,
    poll: `/khoa-hoc/${course.id}/diem-danh/${session.id}/ma`,
    title: session.title || course.title,
    when: t("att.session.heading", { date: formatDate(session.startsAt), from: formatTime(session.startsAt), to: formatTime(session.endsAt) }),
    total,
    state,
  };
}

type State = Awaited<ReturnType<typeof loader>>["state"];

export default function DisplayPage() {
  const data = useLoaderData<typeof loader>();
  const [state, setState] = useState<State>(data.state);
  const [left, setLeft] = useState(data.state.seconds);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const res = await fetch(data.poll, { headers: { Accept: "application/json" } });
        if (res.ok && !stopped) {
          const next = (await res.json()) as State;
          setState(next);
          setLeft(next.seconds);
        }
      } catch {
        /* bad Wi-Fi: try again at the next tick */
      }
      if (!stopped) timer = setTimeout(poll, 3000);
    };
    timer = setTimeout(poll, 3000);
    const tick = setInterval(() => setLeft((s) => Math.max(0, s - 1)), 1000);
    return () => {
      stopped = true;
      clearTimeout(timer);
      clearInterval(tick);
    };
  }, [data.poll]);

  return (
    <div className="att-display">
      <noscript>
        <meta httpEquiv="refresh" content={String(Math.min(data.state.seconds, 10))} />
      </noscript>
      <div className="att-display__bar">
        <Link to={data.back}>{t("att.display.back")}</Link>
        <button type="button" className="button button--ghost" onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}>
          {t("att.display.fullscreen")}
        </button>
      </div>
      <header className="att-display__head">
        <h1>{data.title}</h1>
        <p className="att-display__when">{data.when}</p>
      </header>
      {state.state === "open" && state.code && state.qr ? (
        <>
          <div className="att-display__main">
            <div
              className="att-display__qr"
              data-testid="checkin-qr"
              role="img"
              aria-label={t("att.display.qr")}
              dangerouslySetInnerHTML={{ __html: state.qr }}
            />
            <div className="att-display__side">
              <p className="att-display__label">{t("att.display.code")}</p>
              <p className="att-display__code" data-testid="checkin-code" aria-live="polite">
                {state.code}
              </p>
              <p className="att-display__big" data-testid="checkin-countdown">
                {t("att.display.changesIn", { seconds: left })}
              </p>
            </div>
          </div>
          <p className="att-display__big" data-testid="checkin-url">
            {t("att.display.scanOr")} <strong>{state.url.replace(/^https?:\/\//, "")}</strong> {t("att.display.andType")}
          </p>
        </>
      ) : (
        <p className="att-display__closed">
          {state.state === "notYet"
            ? t("att.display.notYet", { time: state.opensAt })
            : state.state === "cancelled"
              ? t("att.display.cancelled")
              : t("att.display.closed")}
        </p>
      )}
      <p className="att-display__count" role="status" data-testid="checkin-count">
        {t("att.display.count", { count: state.count, total: data.total })}
      </p>
    </div>
  );
}
