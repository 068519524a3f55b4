import { createHash } from "node:crypto";
import { registrationTokens } from "@/db/schema";
import { formatTimestamp } from "@/lib/format";
import { uuidv5 } from "@/lib/ids";
import { encryptToken, hashToken } from "@/lib/tokens/crypto";
import { buildToken, tokenLabel } from "@/lib/tokens/format";
import { exportLabel } from "@/lib/tokens/tokens";
import { type SeedContext, userActor } from "./context";
import { EG_SA, saId, userId, vaId, vaNumericId } from "./ids";

type DemoToken = {
  /** Readable key the ids derive from (DD-1). */
  key: string;
  va: string;
  description: string;
  created: number;
  expires: number;
  maxUses: number | null;
  uses: number;
  exportControlled: boolean;
  by: string;
  revoked?: { day: number; reason: string };
};

/** DD-7 */
export const DEMO_TOKENS: DemoToken[] = [
  { key: "Eg-VA-01/main", va: "Eg-VA-01", description: "", created: -6, expires: 24, maxUses: 100, uses: 1, exportControlled: true, by: "eg-admin" },
  {
    key: "Eg-VA-01/Lab bring-up",
    va: "Eg-VA-01",
    description: "Lab bring-up",
    created: -20,
    expires: 10,
    maxUses: 10,
    uses: 0,
    exportControlled: true,
    by: "eg-vaadmin",
    revoked: { day: -12, reason: "Lab moved to Lab-01" },
  },
  {
    key: "Krakow LAN-SW/Switch refresh Q2",
    va: "Krakow LAN-SW",
    description: "Switch refresh Q2",
    created: -65,
    expires: 300,
    maxUses: null,
    uses: 3,
    exportControlled: false,
    by: "eg-admin",
  },
];

export const demoTokenId = (key: string): string => uuidv5(`registration-token:${EG_SA}/${key}`);
const demoTokenUuid = (key: string): string => uuidv5(`registration-token-uuid:${EG_SA}/${key}`);

/** DD-7 tokens, built with the real F-9 and D-11 code; the GCM nonce is derived from the name. */
export async function seedTokens(ctx: SeedContext): Promise<void> {
  for (const t of DEMO_TOKENS) {
    const expiresAt = ctx.at(t.expires);
    const token = buildToken({ tokenUuid: demoTokenUuid(t.key), expiresAt, vaNumericId: vaNumericId(EG_SA, t.va) });
    const iv = createHash("sha256").update(`registration-token-iv:${t.key}`).digest().subarray(0, 12);
    await ctx.tx.insert(registrationTokens).values({
      id: demoTokenId(t.key),
      virtualAccountId: vaId(EG_SA, t.va),
      tokenUuid: demoTokenUuid(t.key),
      tokenHash: hashToken(token),
      tokenCiphertext: encryptToken(token, iv),
      description: t.description,
      expiresAt,
      maxUses: t.maxUses,
      uses: t.uses,
      exportControlled: t.exportControlled,
      createdBy: userId(t.by),
      createdAt: ctx.at(t.created),
      revokedAt: t.revoked ? ctx.at(t.revoked.day) : null,
      revokedBy: t.revoked ? userId("eg-admin") : null,
      revokeReason: t.revoked?.reason ?? null,
    });
    const label = tokenLabel(t.description, token);
    const where = { smartAccountId: saId(EG_SA), virtualAccountId: vaId(EG_SA, t.va), data: { tokenId: demoTokenId(t.key) } };
    ctx.event({
      type: "E-5",
      params: { label, date: formatTimestamp(expiresAt), uses: t.maxUses ?? "unlimited", export: exportLabel(t.exportControlled) },
      actor: userActor(t.by),
      ...where,
      occurredAt: ctx.at(t.created),
    });
    if (t.revoked) {
      ctx.event({
        type: "E-6",
        params: { label, reason: ` Reason: ${t.revoked.reason}.` },
        actor: userActor("eg-admin"),
        ...where,
        occurredAt: ctx.at(t.revoked.day),
      });
    }
  }
}
