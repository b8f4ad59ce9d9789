import { NavLink } from "@remix-run/react";
import { t } from "~/i18n/messages";
import { Field, SelectField } from "~/ui/form";

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
    </nav>
  );
}

export type SessionFormValues = Record<string, string | undefined>;

export function SessionFields({ v, e, trainers }: { v: SessionFormValues; e: Record<string, string>; trainers: { value: string; label: string }[] }) {
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
      <div className="att-row">
        <Field label={t("att.session.rotate")} name="rotateSeconds" type="number" inputMode="numeric" defaultValue={v.rotateSeconds ?? "30"} error={e.rotateSeconds} />
        <Field label={t("att.session.lateAfter")} name="lateAfterMin" type="number" inputMode="numeric" defaultValue={v.lateAfterMin ?? "15"} error={e.lateAfterMin} />
      </div>
      <div className="att-row">
        <Field label={t("att.session.graceBefore")} name="graceBeforeMin" type="number" inputMode="numeric" defaultValue={v.graceBeforeMin ?? "15"} error={e.graceBeforeMin} />
        <Field label={t("att.session.graceAfter")} name="graceAfterMin" type="number" inputMode="numeric" defaultValue={v.graceAfterMin ?? "30"} error={e.graceAfterMin} />
      </div>
    </>
  );
}
