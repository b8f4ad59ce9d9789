import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { PUBLIC } from "~/auth/access";
import { parseRequestForm } from "~/forms/form.server";
import { invalid, ok } from "~/forms/result.server";
import "~/i18n/notifications";
import { t } from "~/i18n/messages";
import { readUnsubscribeLink, unsubscribe } from "~/notifications/preferences.server";
import { unsubscribeQuery } from "~/notifications/schemas.server";
import { PageHeader } from "~/ui/page";

/** The link in every email: anyone holding it turns that kind of email off for that person (the signature is the key). */
export const access = PUBLIC;

export const meta: MetaFunction = () => [{ title: `${t("notify.unsubscribe.title")} · ${t("app.name")}` }, { name: "robots", content: "noindex" }];

const tokenOf = (request: Request) => unsubscribeQuery.safeParse({ ma: new URL(request.url).searchParams.get("ma") ?? undefined });

export async function loader({ request }: LoaderFunctionArgs) {
  const query = tokenOf(request);
  const link = query.success ? await readUnsubscribeLink(query.data.ma) : null;
  if (!link) return data({ label: null }, { status: 400 });
  return { label: link.label };
}

/** The page's button, and mail clients' one-click unsubscribe (RFC 8058), which posts to the same address. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await parseRequestForm(request, z.object({}).loose()); // the body says nothing; read it within the size cap
  const query = tokenOf(request);
  const done = form.ok && query.success ? await unsubscribe(query.data.ma) : null;
  if (!done) return invalid({ _form: t("notify.unsubscribe.invalid") });
  return ok({ message: t("notify.unsubscribe.done", { label: done.label }) });
}

export default function Unsubscribe() {
  const { label } = useLoaderData<typeof loader>();
  // read as it comes (not through ~/ui/form): this page keeps its imports few, so learner pages' chunks stay as they are
  const result = useActionData<typeof action>();
  const done = result?.ok ? result.message : undefined;
  const refused = result && !result.ok;
  return (
    <>
      <PageHeader title={t("notify.unsubscribe.title")} />
      <section className="card">
        {done ? (
          <p className="notice notice--success" role="status">
            {done}
          </p>
        ) : label && !refused ? (
          <Form method="post" className="stack">
            <p>{t("notify.unsubscribe.confirm", { label })}</p>
            <div>
              <button type="submit">{t("notify.unsubscribe.submit")}</button>
            </div>
          </Form>
        ) : (
          <p className="notice notice--error" role="alert" data-testid="unsubscribe-invalid">
            {t("notify.unsubscribe.invalid")}
          </p>
        )}
      </section>
    </>
  );
}
