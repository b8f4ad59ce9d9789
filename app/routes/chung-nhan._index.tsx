import { type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { PUBLIC } from "~/auth/access";
import { normalizeCode } from "~/certificates/rule";
import { t } from "~/i18n/messages";
import { Field } from "~/ui/form";
import { PageHeader } from "~/ui/page";

export const access = PUBLIC;

export const meta: MetaFunction = () => [{ title: `${t("cert.verify.title")} · ${t("app.name")}` }];

/** Public: type the code printed on a certificate (GET form, works without JavaScript). */
export function loader({ request }: LoaderFunctionArgs) {
  const raw = (new URL(request.url).searchParams.get("ma") ?? "").slice(0, 40);
  if (!raw) return { error: null, code: "" };
  const code = normalizeCode(raw);
  if (code) throw redirect(`/chung-nhan/${code}`);
  return { error: t("cert.verify.badCode"), code: raw };
}

export default function VerifyForm() {
  const { error, code } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <PageHeader title={t("cert.verify.title")} />
      <p>{t("cert.verify.intro")}</p>
      <Form method="get" className="stack">
        <Field label={t("cert.verify.code")} name="ma" defaultValue={code} error={error ?? undefined} autoCapitalize="characters" />
        <div>
          <button type="submit">{t("cert.verify.submit")}</button>
        </div>
      </Form>
    </div>
  );
}
