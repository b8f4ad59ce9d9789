import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { personWhere, reachableCourse, reachableUnits, refuseIfArchived, unitWhere } from "~/access/access.server";
import { requireUser } from "~/auth/guard.server";
import { courseModules } from "~/courses/courses.server";
import {
  addTrainer,
  classFormChoices,
  classFormValues,
  classSettings,
  closeEnrolmentCode,
  copyClass,
  removeTrainer,
  rotateEnrolmentCode,
  setArchived,
  updateClass,
} from "~/courses/manage.server";
import { classPermissions } from "~/courses/permissions";
import { parseClassFields, settingsActionSchema } from "~/courses/schemas.server";
import { ClassFields } from "~/courses/ui";
import { parseRequestForm } from "~/forms/form.server";
import { invalid, ok } from "~/forms/result.server";
import { formatDate, vnDay } from "~/i18n/format";
import { t } from "~/i18n/messages";
import "~/i18n/classes";
import { searchUsers } from "~/users/users.server";
import { Field, FormMessage, useActionResult } from "~/ui/form";
import { ActionButton } from "~/ui/form-parts";
import { BackLink, Card, PageHeader } from "~/ui/page";

/**
 * /khoa-hoc/$courseId/cai-dat: an admin edits a class of their scope — details, audience, modules,
 * trainers, the enrolment code — archives it, or copies it for a new run. An archived class only
 * reopens or copies (app/access refuseIfArchived).
 */
export const access = classPermissions.manage;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? t("classes.settings.title", { title: data.course.title }) : ""} · ${t("app.name")}` },
];

const SEARCH = "tim";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const reached = await reachableCourse(auth, params.courseId, access);
  const query = (new URL(request.url).searchParams.get(SEARCH) ?? "").slice(0, 100);
  const [course, taught, units, found] = await Promise.all([
    classSettings(reached.id),
    courseModules(reached.id),
    reachableUnits(auth, access),
    query.trim() ? searchUsers(personWhere(auth, access), query) : null,
  ]);
  const choices = await classFormChoices(units, taught);
  const teaching = new Set(course.trainers.map((tr) => tr.userId));
  return {
    course: {
      id: course.id,
      title: course.title,
      archivedOn: course.archivedAt ? formatDate(course.archivedAt) : null,
      enrolmentCode: course.enrolmentCode,
      enrolmentOpen: course.enrolmentOpen,
      learners: course.learners,
      nextYear: vnDay(new Date(course.startsOn.getTime() + 365 * 24 * 3600 * 1000)),
    },
    values: classFormValues({ ...course, modules: taught }),
    audience: course.audience.map((a) => String(a.unitId)),
    ...choices,
    trainers: course.trainers.map((tr) => ({ id: tr.user.id, name: tr.user.fullName, contact: tr.user.phone ?? tr.user.email ?? "" })),
    query,
    found: found?.users.filter((u) => u.active && !teaching.has(u.id)).map((u) => ({ id: u.id, name: u.fullName, unit: u.unit?.name ?? "" })) ?? null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requireUser(request, access);
  const course = await reachableCourse(auth, params.courseId, access);
  const form = await parseRequestForm(request, settingsActionSchema);
  if (!form.ok) return invalid(form);
  const input = form.data;
  // an archived class reopens or is copied; nothing else changes it
  if (input.intent !== "unarchive" && input.intent !== "copy") refuseIfArchived(course);
  const scope = { units: unitWhere(auth, access), people: personWhere(auth, access) };
  switch (input.intent) {
    case "details": {
      const fields = parseClassFields(input);
      if (!fields.ok) return invalid(fields);
      const saved = await updateClass(scope, course.id, fields.data);
      if (!saved.ok) return invalid(saved.errors, { values: fields.values, status: saved.status });
      return ok({ message: t("classes.settings.saved") });
    }
    case "addTrainer": {
      const added = await addTrainer(scope, course, input.userId);
      if (!added.ok) return invalid(added.errors, { status: added.status });
      return ok({ message: t("classes.trainers.added") });
    }
    case "removeTrainer":
      if (!(await removeTrainer(course.id, input.userId))) return invalid({ _form: t("error.notFound.body") }, { status: 404 });
      return ok({ message: t("classes.trainers.removed") });
    case "rotateCode":
      return ok({ message: t("classes.code.rotated", { code: await rotateEnrolmentCode(course.id) }) });
    case "closeCode":
      await closeEnrolmentCode(course.id);
      return ok({ message: t("classes.code.closed") });
    case "archive":
      await setArchived(course.id, true);
      return ok({ message: t("classes.archive.done") });
    case "unarchive":
      await setArchived(course.id, false);
      return ok({ message: t("classes.unarchive.done") });
    case "copy": {
      const copied = await copyClass(course.id, { startsOn: input.startsOn, code: input.code });
      if (!copied.ok) return invalid(copied.errors, { values: { intent: "copy", startsOn: input.startsOn, code: input.code }, status: copied.status });
      return redirect(`/khoa-hoc/${copied.id}/cai-dat`);
    }
  }
}

export default function ClassSettingsPage() {
  const data = useLoaderData<typeof loader>();
  const { course } = data;
  const result = useActionResult<typeof action>();
  const e = result.errors;
  const refill = result.failed && result.values.intent === "details";
  const copyRefill = result.failed && result.values.intent === "copy";
  const v = refill ? result.values : data.values;
  const archived = course.archivedOn !== null;
  return (
    <>
      <BackLink to={`/khoa-hoc/${course.id}`}>{course.title}</BackLink>
      <PageHeader title={t("classes.settings.title", { title: course.title })} />
      <FormMessage tone="success">{result.success?.message}</FormMessage>
      <FormMessage tone="error">{e._form}</FormMessage>
      {archived ? <p className="notice">{t("classes.archive.since", { date: course.archivedOn ?? "" })}</p> : null}
      {archived ? null : (
        <Card title={t("classes.settings.details")}>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="details" />
            <ClassFields
              v={v}
              e={refill ? e : {}}
              units={data.units}
              modules={data.modules}
              audience={refill ? (v.audience?.split("\n") ?? []) : data.audience}
            />
            <div>
              <button type="submit">{t("classes.settings.save")}</button>
            </div>
          </Form>
        </Card>
      )}
      <Card title={t("classes.trainers.title")}>
        {data.trainers.length === 0 ? <p>{t("classes.trainers.none")}</p> : null}
        <ul className="stack">
          {data.trainers.map((tr) => (
            <li key={tr.id}>
              <strong>{tr.name}</strong> <small className="muted">{tr.contact}</small>{" "}
              {archived ? null : (
                <ActionButton intent="removeTrainer" id={{ name: "userId", value: tr.id }} label={t("classes.trainers.removeLabel", { name: tr.name })}>
                  {t("classes.trainers.remove")}
                </ActionButton>
              )}
            </li>
          ))}
        </ul>
        {archived ? null : (
          <>
            <Form method="get" className="toolbar">
              <Field label={t("classes.trainers.search")} hint={t("classes.trainers.searchHint")} name={SEARCH} type="search" defaultValue={data.query} />
              <button type="submit">{t("classes.trainers.searchSubmit")}</button>
            </Form>
            <FormMessage tone="error">{e.userId}</FormMessage>
            {data.found && data.found.length === 0 ? <p>{t("classes.trainers.noMatch")}</p> : null}
            <ul className="stack">
              {data.found?.map((u) => (
                <li key={u.id}>
                  {u.name} <small className="muted">{u.unit}</small>{" "}
                  <ActionButton intent="addTrainer" id={{ name: "userId", value: u.id }} label={t("classes.trainers.addLabel", { name: u.name })}>
                    {t("classes.trainers.add")}
                  </ActionButton>
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>
      <Card title={t("classes.code.title")}>
        <p>{course.enrolmentOpen ? t("classes.code.open", { code: course.enrolmentCode }) : t("classes.code.isClosed")}</p>
        {archived ? null : (
          <div className="toolbar">
            <IntentButton intent="rotateCode">{t("classes.code.rotate")}</IntentButton>
            {course.enrolmentOpen ? <IntentButton intent="closeCode">{t("classes.code.close")}</IntentButton> : null}
          </div>
        )}
      </Card>
      <Card title={t("classes.copy.title")}>
        <p className="muted">{t("classes.copy.body")}</p>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="copy" />
          <Field
            label={t("classes.copy.startsOn")}
            name="startsOn"
            type="date"
            required
            defaultValue={copyRefill ? result.values.startsOn : course.nextYear}
            error={copyRefill ? e.startsOn : undefined}
          />
          <Field
            label={t("classes.copy.code")}
            name="code"
            required
            defaultValue={copyRefill ? result.values.code : ""}
            error={copyRefill ? e.code : undefined}
            autoCapitalize="characters"
          />
          <div>
            <button type="submit">{t("classes.copy.submit")}</button>
          </div>
        </Form>
      </Card>
      <Card title={t("classes.archive.title")}>
        <p className="muted">{t("classes.archive.body")}</p>
        <IntentButton intent={archived ? "unarchive" : "archive"}>{archived ? t("classes.unarchive.submit") : t("classes.archive.submit")}</IntentButton>
      </Card>
      <p>
        <Link to={`/khoa-hoc/${course.id}/hoc-vien`}>{t("home.course.learners", { count: course.learners })}</Link>
      </p>
    </>
  );
}

function IntentButton({ intent, children }: { intent: string; children: string }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <button type="submit" className="button button--ghost">
        {children}
      </button>
    </Form>
  );
}
