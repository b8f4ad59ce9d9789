import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PUBLIC } from "~/auth/access";
import { getAuth } from "~/auth/guard.server";
import { getOutline } from "~/content/outline.server";
import { myCertificates } from "~/certificates/mine.server";
import { computeProgress } from "~/content/progress";
import { doneStepsByCourse } from "~/content/progress.server";
import { courseScopeSql, courseWhere, personWhere } from "~/access/access.server";
import { modulePermissions } from "~/content/permissions";
import { classesIn, countCourses, learnerClassHeadings, learnerClasses, nextSessionText } from "~/courses/courses.server";
import { userPermissions } from "~/users/permissions";
import { countPeople } from "~/users/users.server";
import { formatDate } from "~/i18n/format";
import { t } from "~/i18n/messages";
import { type DocumentOnly, loadAsDocumentWhen } from "~/ui/document-page";
import { Card, PageHeader } from "~/ui/page";
import { AppLink } from "~/ui/app-link";

export const access = PUBLIC;

// Someone who only learns reaches lessons, quizzes and the check-in page from here, all plain documents: for them
// home is one too (docs/decisions/0058). For every other role it stays in the app, whose pages it links to.
const onlyLearns = (data: unknown) => {
  const { roles } = data as { roles?: string[] };
  return !!roles?.length && roles.every((r) => r === "learner");
};
export const handle: DocumentOnly = { documentOnly: onlyLearns };
export const clientLoader = loadAsDocumentWhen(onlyLearns);

export const meta: MetaFunction = () => [{ title: t("app.name") }];

/** Home: what each of the user's roles can do today (anonymous visitors get the introduction). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await getAuth(request, context);
  if (!auth) return { user: null } as const;
  const roles = new Set(auth.user.grants.map((g) => g.role));
  const learns = roles.has("learner") || roles.has("producer");
  // the learner's courses come with their certificate status: one list, not a second course query
  const [mine, classes, teaching, admin, nextLessons] = await Promise.all([
    learns ? myCertificates(auth.user.id) : null,
    learns ? learnerClasses(auth.user.id) : null,
    roles.has("trainer") ? classesIn(courseScopeSql(auth, modulePermissions.study, ["trainer"])) : null,
    roles.has("admin")
      ? Promise.all([countPeople(personWhere(auth, userPermissions.manageUsers)), countCourses(courseWhere(auth, modulePermissions.study, ["admin"]))]).then(
          ([users, courses]) => ({ users, courses }),
        )
      : null,
    // where to resume in each class: progress belongs to the class (decision 0032)
    learns
      ? Promise.all([getOutline(), doneStepsByCourse(auth.user.id)]).then(
          ([o, byCourse]) =>
            (courseId: number) =>
              computeProgress(o, byCourse.get(courseId) ?? []).next,
        )
      : null,
  ]);
  return {
    user: { fullName: auth.user.fullName },
    roles: [...roles],
    learning: classes?.map((c) => ({
      id: c.id,
      title: c.title,
      from: formatDate(c.startsOn),
      to: formatDate(c.endsOn),
      past: c.past,
      next: c.past ? null : nextSessionText(c.next),
      nextLesson: c.past ? null : (nextLessons?.(c.id) ?? null),
    })),
    learningHeadings: learnerClassHeadings(),
    certificates: mine?.map(({ courseId, title, certificate, missing }) => ({ courseId, title, certificate, missing })),
    teaching: teaching?.map((c) => ({
      id: c.id,
      title: c.title,
      learners: c.learners,
      code: c.enrolmentCode,
      from: formatDate(c.startsOn),
      to: formatDate(c.endsOn),
    })),
    admin,
  };
}

export default function Home() {
  const data = useLoaderData<typeof loader>();
  if (!data.user) {
    return (
      <section className="hero">
        <h1>{t("home.anonymous.title")}</h1>
        <p>{t("home.anonymous.body")}</p>
        <p className="toolbar">
          <AppLink className="button" to="/dang-nhap">
            {t("nav.login")}
          </AppLink>
          <AppLink className="button button--ghost" to="/dang-ky">
            {t("nav.register")}
          </AppLink>
        </p>
      </section>
    );
  }
  const roles = new Set(data.roles);
  return (
    <>
      <PageHeader title={t("home.welcome", { name: data.user.fullName })} />
      <div className="grid">
        {data.learning ? (
          <Card title={t("home.learner.title")}>
            <p className="muted">{t("home.learner.body")}</p>
            {data.learning.length === 0 ? <p>{t("home.learner.none")}</p> : null}
            {[false, true].map((past) => {
              const list = data.learning!.filter((c) => c.past === past);
              if (list.length === 0) return null;
              return (
                <section key={String(past)}>
                  <h3>{past ? data.learningHeadings.past : data.learningHeadings.current}</h3>
                  <ul>
                    {list.map((c) => (
                      <li key={c.id}>
                        <AppLink to={`/khoa-hoc/${c.id}`}>
                          <strong>{c.title}</strong>
                        </AppLink>
                        <br />
                        <small className="muted">{t("home.course.dates", { from: c.from, to: c.to })}</small>
                        {c.next ? <p className="muted">{c.next}</p> : null}
                        {c.nextLesson ? (
                          <p>
                            <AppLink to={`/khoa-hoc/${c.id}/hoc/${c.nextLesson.module}/${c.nextLesson.slug}`}>
                              {t("modules.home.next", { title: c.nextLesson.title })}
                            </AppLink>
                          </p>
                        ) : null}
                        <CertificateStatus item={data.certificates?.find((x) => x.courseId === c.id)} />
                      </li>
                    ))}
                  </ul>
                </section>
              );
            })}
          </Card>
        ) : null}
        {data.teaching ? (
          <Card title={t("home.trainer.title")}>
            <p className="muted">{t("home.trainer.body")}</p>
            {data.teaching.length === 0 ? <p>{t("home.trainer.none")}</p> : null}
            <ul>
              {data.teaching.map((c) => (
                <li key={c.id}>
                  <strong>{c.title}</strong>
                  <br />
                  <small className="muted">
                    {t("home.course.learners", { count: c.learners })} · {t("home.course.dates", { from: c.from, to: c.to })}
                  </small>
                  <br />
                  <AppLink to={`/khoa-hoc/${c.id}/diem-danh`}>{t("att.home.manage")}</AppLink>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        {roles.has("producer") ? (
          <Card title={t("home.producer.title")}>
            <p className="muted">{t("home.producer.body")}</p>
            <AppLink to="/phuong-an">{t("plans.mine")}</AppLink>
          </Card>
        ) : null}
        {roles.has("consultant") ? (
          <Card title={t("home.consultant.title")}>
            <p className="muted">{t("home.consultant.body")}</p>
            <AppLink to="/phuong-an">{t("plans.invited")}</AppLink>
          </Card>
        ) : null}
        {roles.has("appraiser") ? (
          <Card title={t("home.appraiser.title")}>
            <p className="muted">{t("home.appraiser.body")}</p>
          </Card>
        ) : null}
        {data.admin ? (
          <Card title={t("home.admin.title")}>
            <p className="muted">{t("home.admin.body")}</p>
            <ul>
              <li>
                <AppLink to="/quan-tri/nguoi-dung">{t("home.admin.users", { count: data.admin.users })}</AppLink>
              </li>
              <li>{t("home.admin.courses", { count: data.admin.courses })}</li>
              <li>
                <AppLink to="/quan-tri/cai-dat">{t("nav.settings")}</AppLink>
              </li>
            </ul>
          </Card>
        ) : null}
      </div>
    </>
  );
}

/** On the learner's home: the certificate, or what is still missing for it. */
function CertificateStatus({ item }: { item: { certificate: { code: string; revoked: string | null } | null; missing: string[] } | undefined }) {
  if (!item) return null;
  if (item.certificate && item.certificate.revoked === null) {
    return (
      <p>
        <AppLink to={`/giay-chung-nhan/${item.certificate.code}`}>{t("cert.print")}</AppLink>
      </p>
    );
  }
  if (item.certificate) return <p className="muted">{t("cert.mine.revoked", { reason: item.certificate.revoked ?? "" })}</p>;
  // met the rule without an action issuing it (e.g. a session that began after the check-in): the trainer issues it
  if (item.missing.length === 0) return <p className="muted">{t("cert.mine.pending")}</p>;
  return (
    <details className="missing">
      <summary>
        {t("cert.mine.missing")} {item.missing.length}
      </summary>
      <ul>
        {item.missing.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
      <AppLink to="/chung-nhan-cua-toi">{t("cert.mine.title")}</AppLink>
    </details>
  );
}
