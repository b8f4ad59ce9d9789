import { NavLink } from "@remix-run/react";
import { t } from "~/i18n/messages";
import "~/i18n/attendance";
import { Field, SelectField } from "~/ui/form";
import { Card } from "~/ui/page";
import { DataTable } from "~/ui/table";

/** Shared pieces of the attendance pages (components only: no server imports here). */
export function CourseNav({ courseId }: { courseId: number }) {
  const base = `/khoa-hoc/${courseId}`;
  return (
    <nav className="toolbar att-nav" aria-label={t("att.course.open")}>
      <NavLink to={`${base}/diem-danh`} end>
        {t("att.course.sessions")}
      </NavLink>
      <NavLink to={`${base}/hoc-vien`}>{t("att.roster.title")}</NavLink>
      <NavLink to={`${base}/nhap-danh-sach`}>{t("att.course.import")}</NavLink>
      <NavLink to={`${base}/bao-cao`}>{t("att.course.report")}</NavLink>
      <NavLink to={`${base}/canh-bao-vang`}>{t("att.absence.title")}</NavLink>
    </nav>
  );
}

export type ActivationCode = { userId: number; fullName: string; contact: string; unit: string; code: string };

/** A new account's code as the table shows it. */
export function activationRow(c: {
  userId: number;
  fullName: string;
  phone: string | null;
  email: string | null;
  unitName: string;
  code: string;
}): ActivationCode {
  return { userId: c.userId, fullName: c.fullName, contact: [c.phone, c.email].filter(Boolean).join(" · "), unit: c.unitName, code: c.code };
}

/** The new accounts' one-time activation codes, to print and hand out (after an import or a reissue). */
export function ActivationCodes({ codes, days, activateUrl }: { codes: ActivationCode[]; days: number; activateUrl: string }) {
  return (
    <Card title={t("att.import.codesTitle")}>
      <p>{t("att.import.codesHint", { days, url: activateUrl })}</p>
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>
          {t("att.sheet.print")}
        </button>
      </p>
      <DataTable
        caption={t("att.import.codesTitle")}
        columns={[
          { header: t("att.column.fullName"), cell: (c) => c.fullName },
          { header: t("att.column.phone"), cell: (c) => c.contact },
          { header: t("att.column.unit"), cell: (c) => c.unit },
          { header: t("att.import.code"), cell: (c) => <code>{c.code}</code> },
        ]}
        rows={codes}
        rowKey={(c) => c.userId}
      />
    </Card>
  );
}

export type SessionFormValues = Record<string, string | undefined>;

export function SessionFields({ v, e, trainers }: { v: SessionFormValues; e: Record<string, string>; trainers: { value: string; label: string }[] }) {
  const number = (name: string, label: string, fallback: string) => (
    <Field key={name} label={label} name={name} type="number" inputMode="numeric" defaultValue={v[name] ?? fallback} error={e[name]} />
  );
  return (
    <>
      <Field label={t("att.session.title")} name="title" defaultValue={v.title} error={e.title} />
      <div className="att-row">
        <Field label={t("att.session.date")} name="date" type="date" required defaultValue={v.date} error={e.date} />
        <Field label={t("att.session.start")} name="start" type="time" required defaultValue={v.start ?? "08:00"} error={e.start} />
        <Field label={t("att.session.end")} name="end" type="time" required defaultValue={v.end ?? "11:30"} error={e.end} />
      </div>
      <Field label={t("att.session.place")} name="place" defaultValue={v.place} error={e.place} />
      <SelectField
        label={t("att.session.trainer")}
        name="trainerId"
        defaultValue={v.trainerId}
        error={e.trainerId}
        options={[{ value: "", label: t("att.session.noTrainer") }, ...trainers]}
      />
      {[
        [number("rotateSeconds", t("att.session.rotate"), "30"), number("lateAfterMin", t("att.session.lateAfter"), "15")],
        [number("graceBeforeMin", t("att.session.graceBefore"), "15"), number("graceAfterMin", t("att.session.graceAfter"), "30")],
      ].map((pair, i) => (
        <div className="att-row" key={i}>
          {pair}
        </div>
      ))}
    </>
  );
}
