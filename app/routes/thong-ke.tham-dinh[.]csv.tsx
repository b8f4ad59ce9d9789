import type { LoaderFunctionArgs } from "@remix-run/node";
import { appraisalPermissions } from "~/appraisal/permissions";
import { statsDownload } from "~/appraisal/stats-export.server";
import { statsQuery } from "~/appraisal/stats.server";
import { requireUser } from "~/auth/guard.server";

export const access = appraisalPermissions.statistics;

export async function loader({ request, context }: LoaderFunctionArgs) {
  return statsDownload(await requireUser(request, access, context), statsQuery(new URL(request.url).searchParams), "csv");
}
