import { now } from "~/appraisal/clock.server";
import { db } from "~/db/db.server";

/**
 * The activation code job: a code that was used, or an admin's reset code that expired, has nothing
 * left to do, so its row goes. An expired class code keeps its row with the hash blanked: the code
 * cannot be tried, and the class still sees the account as not activated and can issue a new code
 * (reissueCodes). Returns how many codes it ended.
 */
export async function expireActivationCodes(at = now()): Promise<number> {
  const [gone, blanked] = await db().$transaction([
    db().accountActivation.deleteMany({ where: { OR: [{ usedAt: { not: null } }, { courseId: null, expiresAt: { lt: at } }] } }),
    db().accountActivation.updateMany({
      where: { usedAt: null, courseId: { not: null }, expiresAt: { lt: at }, codeHash: { not: "" } },
      data: { codeHash: "" },
    }),
  ]);
  return gone.count + blanked.count;
}
