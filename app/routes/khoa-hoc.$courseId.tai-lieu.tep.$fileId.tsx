import type { LoaderFunctionArgs } from "@remix-run/node";
import { reachableAttachment } from "~/access/access.server";
import { SIGNED_IN, perObject } from "~/auth/access";
import { notFound, requireUser } from "~/auth/guard.server";
import { attachmentResponse } from "~/materials/download.server";
import { materialPermissions } from "~/materials/permissions";

/**
 * A class's file, for its learners, trainers and admins in scope. Everyone else signed in gets a
 * 404 — whatever their role, so the answer never tells that the file exists (docs/decisions/0034).
 */
export const access = perObject(SIGNED_IN);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, access, context);
  const { attachment } = await reachableAttachment(auth, params, materialPermissions.read);
  const response = attachmentResponse(attachment);
  if (!response) throw notFound(); // the row outlived its file (restored without the files)
  return response;
}
