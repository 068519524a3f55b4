import { asc } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { skuMap } from "@/db/schema";
import type { AccessContext } from "@/lib/access/context";
import { writableVirtualAccounts } from "./access";
import { evaluationFeatures } from "./request-demo-license";

/** What the Traditional tabs offer in their forms: recipients, S-59 features, W-48 targets, families. */
export async function traditionalOptions(db: DbOrTx, ctx: AccessContext) {
  const families = await db.selectDistinct({ f: skuMap.productFamily }).from(skuMap).orderBy(asc(skuMap.productFamily));
  return {
    userEmail: ctx.user.email,
    evaluationFeatures: (await evaluationFeatures(db)).map(({ productFamily, feature }) => ({ productFamily, feature })),
    targets: await writableVirtualAccounts(db, ctx),
    productFamilies: families.map((r) => r.f).filter(Boolean),
  };
}
