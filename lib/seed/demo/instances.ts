import { authorizationLines, authorizations, type HaMember, licenseUsage, productInstances } from "@/db/schema";
import { uuidv5 } from "@/lib/ids";
import { catalogueEntry, licenseId, productMapEntryForPid, softwareTagForPid } from "../reference";
import { type SeedContext, userActor } from "./context";
import { authorizationId, BU_SA, EG_SA, piDisplayName, piId, saId, udiText, vaId } from "./ids";

type AuthKind = "SLAC" | "SLR" | "PLR";

type PiSpec = {
  sa: string;
  va: string;
  pid: string;
  sn: string;
  /** [DD-4 number, count in use]. */
  licenses: [number, number][];
  /** A seeded INSTALLED authorization (DD-1); its lines are [DD-4 number, quantity]. */
  auth?: { kind: AuthKind; lines: [number, number][]; plrVersion?: number };
  hostname?: string;
  hostnameShared?: boolean;
  /** Day offsets from T0 (DD-6 defaults: −200, −10, −10). */
  registered?: number;
  lastContact?: number;
  lastAck?: number;
  neverConsumed?: boolean;
  utilityMode?: boolean;
  haMembers?: HaMember[];
  channel?: "SEED" | "ON_PREM";
  softwareVersion?: string;
  /** Write an E-13 for its registration (the 15 filler instances do not). */
  logged?: boolean;
};

const one = (...ns: number[]): [number, number][] => ns.map((n) => [n, 1]);

const FILLER_SERIALS = Array.from({ length: 15 }, (_, i) => `FOC2033A7B${i.toString(16).toUpperCase()}`);

/** DD-6 */
export const DEMO_PRODUCT_INSTANCES: PiSpec[] = [
  // Eg-VA-01: 10 named instances + 15 fillers = 25 (`Showing Page 1 of 3 (25 Records)`)
  { sa: EG_SA, va: "Eg-VA-01", pid: "ISR4461/K9", sn: "FDO222815Y4", licenses: one(14, 15, 16, 17, 18), auth: { kind: "SLAC", lines: one(14) }, registered: -55, lastContact: -3, lastAck: -3, hostname: "isr4461", logged: true },
  { sa: EG_SA, va: "Eg-VA-01", pid: "C1111-8PLTEEAWB", sn: "FGL214391J3", licenses: one(3, 4, 2, 5), logged: true },
  { sa: EG_SA, va: "Eg-VA-01", pid: "C1111-8PLTEEAWB", sn: "FGL214391JK", licenses: one(3, 4), auth: { kind: "SLR", lines: one(3, 4) }, logged: true },
  { sa: EG_SA, va: "Eg-VA-01", pid: "C8000V", sn: "96QKIABBZ1H", licenses: one(23), auth: { kind: "PLR", lines: one(23), plrVersion: 2 }, logged: true },
  { sa: EG_SA, va: "Eg-VA-01", pid: "CSR1000V", sn: "95QS2T1KUJX", licenses: one(24, 1), auth: { kind: "SLR", lines: one(24, 1) }, softwareVersion: "17.3.4a", logged: true },
  { sa: EG_SA, va: "Eg-VA-01", pid: "C8300-1N1S-4T2X", sn: "FDO2250A0J5", licenses: one(19, 20, 1), auth: { kind: "SLAC", lines: one(1) }, hostname: "br-rtr-01", hostnameShared: true, lastAck: -35, logged: true },
  { sa: EG_SA, va: "Eg-VA-01", pid: "C8200-1N-4T", sn: "FGL2447LGZ1", licenses: one(21, 22), lastContact: -100, lastAck: -100, logged: true },
  { sa: EG_SA, va: "Eg-VA-01", pid: "ISR4351/K9", sn: "FDO21512BJB", licenses: one(8, 9, 10, 11), logged: true },
  { sa: EG_SA, va: "Eg-VA-01", pid: "ISR4331/K9", sn: "FDO224917Q6", licenses: one(12, 13), auth: { kind: "SLAC", lines: one(12) }, logged: true },
  { sa: EG_SA, va: "Eg-VA-01", pid: "DN2-HW-APL", sn: "FCH2244V1AB", licenses: [], hostname: "6697d45a0c4811ebbe40562b15b05798", hostnameShared: true, neverConsumed: true, softwareVersion: "2.3.5.3", logged: true },
  ...FILLER_SERIALS.map((sn): PiSpec => ({ sa: EG_SA, va: "Eg-VA-01", pid: "ISR4451-X/K9", sn, licenses: one(19) })),
  // Krakow LAN-SW
  ...["S", "T", "U", "V"].map((x): PiSpec => ({ sa: EG_SA, va: "Krakow LAN-SW", pid: "C9500-32QC", sn: `CAT2209L0K${x}`, licenses: one(29, 30), softwareVersion: "17.09.04", logged: true })),
  { sa: EG_SA, va: "Krakow LAN-SW", pid: "C9500-24Y4C", sn: "CAT2344L4GH", licenses: [[29, 2]], softwareVersion: "17.09.04", logged: true, haMembers: [
    { role: "Active", pid: "C9500-24Y4C", sn: "CAT2344L4GH" },
    { role: "Standby", pid: "C9500-24Y4C", sn: "CAT2344L4GJ" },
  ] },
  { sa: EG_SA, va: "Krakow LAN-SW", pid: "C9300-24UX", sn: "FCW2303D16Y", licenses: one(27, 28), softwareVersion: "17.09.04", logged: true },
  { sa: EG_SA, va: "Krakow LAN-SW", pid: "C9300-48UXM", sn: "FOC2617YTXX", licenses: one(25, 26), softwareVersion: "17.09.04", logged: true },
  // Branch-Routers
  { sa: EG_SA, va: "Branch-Routers", pid: "ISR4431/K9", sn: "FOC22446T0U", licenses: one(12, 13), auth: { kind: "SLAC", lines: one(12) }, logged: true },
  // MSLA-Utility
  { sa: EG_SA, va: "MSLA-Utility", pid: "C8000V", sn: "93POM8FF9IZ", licenses: one(36, 37), utilityMode: true, lastAck: -25, logged: true },
  // OnPrem-Campus
  { sa: EG_SA, va: "OnPrem-Campus", pid: "C9300-24P", sn: "FOC2334W0K5", licenses: one(27, 28), channel: "ON_PREM", softwareVersion: "17.09.04", logged: true },
  { sa: EG_SA, va: "OnPrem-Campus", pid: "C9300-48S", sn: "FOC2517L8KW", licenses: one(27, 28), channel: "ON_PREM", softwareVersion: "17.09.04", logged: true },
  // BU Production Test / Device
  { sa: BU_SA, va: "Device", pid: "ASR-920-12CZ-A", sn: "CAT1748U1B6", licenses: [[34, 1], [35, 2]], softwareVersion: "16.12.04", logged: true },
];

/** DD-6 product instances, their D-10 usage and the D-16 authorizations DD-1 asks for. */
export async function seedProductInstances(ctx: SeedContext): Promise<void> {
  const { tx } = ctx;
  const rows = DEMO_PRODUCT_INSTANCES.map((p) => {
    const map = productMapEntryForPid(p.pid);
    const registered = p.registered ?? -200;
    const lastAck = ctx.at(p.lastAck ?? -10);
    const reservation = p.auth && p.auth.kind !== "SLAC" ? p.auth.kind : "NONE";
    return {
      id: piId(p.pid, p.sn),
      virtualAccountId: vaId(p.sa, p.va),
      smartAccountId: saId(p.sa),
      udiPid: p.pid,
      udiSn: p.sn,
      hostname: p.hostname ?? null,
      hostnameShared: p.hostnameShared ?? false,
      productType: map?.productType ?? "",
      productDescription: map?.productDescription ?? "",
      softwareTag: softwareTagForPid(p.pid),
      softwareVersion: p.softwareVersion ?? "17.09.04a",
      registrationDate: ctx.at(registered),
      lastContactAt: ctx.at(p.lastContact ?? -10),
      reservation: reservation as "NONE" | "SLR" | "PLR",
      utilityMode: p.utilityMode ?? false,
      haMembers: p.haMembers ?? [],
      firstConsumedAt: p.neverConsumed ? null : ctx.at(registered),
      lastReportAt: lastAck,
      lastAckAt: lastAck,
      channel: p.channel ?? ("SEED" as const),
      createdAt: ctx.at(registered),
    };
  });
  await tx.insert(productInstances).values(rows);

  const usage: (typeof licenseUsage.$inferInsert)[] = [];
  for (const p of DEMO_PRODUCT_INSTANCES) {
    const productInstanceId = piId(p.pid, p.sn);
    const updatedAt = ctx.at(p.lastAck ?? -10);
    const reserved = p.auth && p.auth.kind !== "SLAC";
    // Devices under SLR/PLR do not report; their use is the reservation itself.
    if (!reserved) {
      for (const [n, count] of p.licenses) {
        usage.push({ productInstanceId, licenseDefinitionId: licenseId(n), source: "REPORTED", count, updatedAt });
      }
    }
    if (p.auth) {
      for (const [n, quantity] of p.auth.lines) {
        usage.push({ productInstanceId, licenseDefinitionId: licenseId(n), source: p.auth.kind, count: quantity, updatedAt });
      }
    }
    if (p.logged) logRegistration(ctx, p);
  }
  await tx.insert(licenseUsage).values(usage);
  await seedAuthorizations(ctx);
}

function logRegistration(ctx: SeedContext, p: PiSpec): void {
  const reserved = p.auth && p.auth.kind !== "SLAC";
  const channel = p.channel === "ON_PREM" ? 'On-Prem "On-Prem 1"' : reserved ? "a license reservation" : "a usage data file";
  ctx.event({
    type: "E-13",
    params: { pi: piDisplayName(p.pid, p.sn, p.hostname, p.hostnameShared), va: p.va, channel },
    actor: reserved ? userActor("eg-admin") : { kind: "system" },
    smartAccountId: saId(p.sa),
    virtualAccountId: vaId(p.sa, p.va),
    productInstanceId: piId(p.pid, p.sn),
    occurredAt: ctx.at(p.registered ?? -200),
  });
}

/** D-16 rows: status INSTALLED, `code_text` null until W-12/W-14/W-15 generate it (DD-1, V-47a). */
async function seedAuthorizations(ctx: SeedContext): Promise<void> {
  for (const p of DEMO_PRODUCT_INSTANCES) {
    if (!p.auth) continue;
    const { kind, lines } = p.auth;
    const id = authorizationId(p.pid, p.sn, kind);
    // A SLAC follows the registration by a day; a reservation creates the instance (W-14, W-15).
    const issuedAt = ctx.at(p.registered ?? -200, kind === "SLAC" ? 24 : 1);
    await ctx.tx.insert(authorizations).values({
      id,
      productInstanceId: piId(p.pid, p.sn),
      kind,
      status: "INSTALLED",
      piid: uuidv5(`authorization-piid:${p.pid}:${p.sn}:${kind}`),
      issuedAt,
      codeText: null,
      plrVersion: kind === "PLR" ? (p.auth.plrVersion ?? 3) : null,
      confirmedAt: kind === "SLR" ? issuedAt : null,
      issuedVia: "WIZARD",
      createdAt: issuedAt,
    });
    await ctx.tx.insert(authorizationLines).values(
      lines.map(([n, quantity]) => ({
        id: uuidv5(`authorization-line:${p.pid}:${p.sn}:${kind}:${n}`),
        authorizationId: id,
        licenseDefinitionId: licenseId(n),
        quantity,
      })),
    );
    const common = {
      actor: userActor("eg-admin"),
      smartAccountId: saId(p.sa),
      virtualAccountId: vaId(p.sa, p.va),
      productInstanceId: piId(p.pid, p.sn),
      occurredAt: issuedAt,
    };
    const udi = udiText(p.pid, p.sn);
    if (kind === "SLAC") {
      const [n, qty] = lines[0];
      ctx.event({
        type: "E-22",
        params: { qty, license: catalogueEntry(n).displayName, udi, added: "" },
        licenseDefinitionId: licenseId(n),
        ...common,
      });
    } else if (kind === "SLR") {
      const list = lines.map(([n, qty]) => `${qty} × ${catalogueEntry(n).displayName}`).join(", ");
      ctx.event({ type: "E-25", params: { udi, list }, ...common });
    } else {
      ctx.event({ type: "E-28", params: { udi }, ...common });
    }
  }
}
