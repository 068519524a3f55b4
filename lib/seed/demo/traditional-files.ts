import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { tradDevices, tradLicenseLines } from "@/db/schema";
import { currentSigningKey } from "@/lib/signing/keys";
import { signMessage } from "@/lib/signing/sign";
import { newSerial, writeLicenseBlock } from "@/lib/traditional/formats/license-file";
import { compareLines, lineSpec, storeLicenseFile, type TradLineType } from "@/lib/traditional/license-lines";
import { type SeedContext, userActor } from "./context";
import { pakId, saId, tradDeviceId, vaId } from "./ids";
import { DEMO_TRAD_DEVICES } from "./traditional";

/** A serial that is the same at every seed: `*` + 18 characters drawn from the line's id. */
function seededPick(name: string): (n: number) => number {
  const bytes = createHash("sha256").update(name).digest();
  let i = 0;
  return (n) => bytes[i++ % bytes.length] % n;
}

/**
 * DD-10 made real: every seeded line gets its F-11 block (signed with the current F-4 key), each
 * issue its stored `.lic` file, and Transactions History its 6 rows (the TRAD events of those
 * issues, the CSR1000V assignment to Eg-SA-01/Eg-VA-01, and the CISCO2951 evaluation).
 */
export async function seedTraditionalFiles(ctx: SeedContext): Promise<void> {
  const key = await currentSigningKey(ctx.tx);
  for (const d of DEMO_TRAD_DEVICES) {
    const deviceId = tradDeviceId(d.pid, d.sn);
    const [device] = await ctx.tx.select().from(tradDevices).where(eq(tradDevices.id, deviceId));
    const lines = await ctx.tx.select().from(tradLicenseLines).where(eq(tradLicenseLines.deviceId, deviceId));
    const udi = `${d.pid}:${d.sn}`;
    for (const day of [...new Set(d.lines.map((l) => l.issued))].sort((a, b) => a - b)) {
      const at = ctx.at(day);
      const issue = lines.filter((l) => l.issuedAt.getTime() === at.getTime());
      for (const line of issue) {
        const serial = newSerial(seededPick(line.id));
        const spec = lineSpec(
          { feature: line.feature, version: line.version, type: line.type as TradLineType, count: line.count, expiresAt: line.expiresAt, pakLineId: line.pakLineId, comment: line.comment },
          device,
          at,
          serial,
        );
        const { block, hash } = writeLicenseBlock(spec, (m) => signMessage(key, m));
        await ctx.tx.update(tradLicenseLines).set({ lineText: block, hash }).where(eq(tradLicenseLines.id, line.id));
        line.lineText = block;
      }
      const evaluation = issue.every((l) => l.type === "EVALUATION");
      const file = await storeLicenseFile(ctx.tx, device, [...issue].sort(compareLines), evaluation ? "DEMO" : "PAK", { at });
      const fromPak = d.lines.find((l) => l.issued === day)?.fromPak?.[0];
      const data = { deviceId, udi, fileId: file.id };
      const actor = userActor(d.owner);
      if (evaluation) {
        ctx.event({ type: "E-102", params: { feature: issue[0].feature, pid: d.pid, sn: d.sn }, actor, workspace: "TRAD", data: { ...data, feature: issue[0].feature }, occurredAt: at });
      } else if (fromPak) {
        ctx.event({ type: "E-101", params: { n: issue.length, pak: fromPak, pid: d.pid, sn: d.sn }, actor, workspace: "TRAD", data: { ...data, pakId: pakId(fromPak), pak: fromPak }, occurredAt: at });
      } else {
        ctx.event({ type: "E-101:device", params: { n: issue.length, pid: d.pid, sn: d.sn }, actor, workspace: "TRAD", data, occurredAt: at });
      }
    }
    // The CSR1000V was assigned after its issue (W-48); the ASR 920 got its Smart Account from its PAK.
    if (d.sa && d.va && d.lines.some((l) => l.fromPak)) {
      const at = ctx.at(Math.min(...d.lines.map((l) => l.issued)) + 5);
      ctx.event({
        type: "E-107",
        params: { kind: "Device", id: udi, sa: d.sa, va: d.va },
        actor: userActor(d.owner),
        workspace: "TRAD",
        data: { deviceId, udi, smartAccountId: saId(d.sa), virtualAccountId: vaId(d.sa, d.va) },
        occurredAt: at,
      });
    }
  }
}
