import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { events, jobs, policies, policyPublications, productInstances, smartAccounts, virtualAccounts } from "@/db/schema";
import { loadAccess } from "@/lib/access/context";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/access/errors";
import { addDays } from "@/lib/clock";
import { getProductInstanceDetail } from "@/lib/inventory/detail";
import { effectivePolicyForVirtualAccount, policyData } from "@/lib/policy/document";
import { effectivePolicyName } from "@/lib/policy/effective";
import { assignPolicy, createPolicy, editPolicy, listPoliciesForOps, publishPolicy } from "@/lib/policy/manage";
import { DAYS_MESSAGE, editPolicySchema, policyFormSchema, publishPolicySchema } from "@/lib/policy/schemas";
import { BU_SA, EG_SA, piId, saId, userId, vaId } from "@/lib/seed/demo/ids";
import { ciscoDefaultPolicyId, policyId } from "@/lib/seed/reference";
import { drivers } from "@/tests/helpers/db";
import { T0, useDemoDatabase } from "@/tests/helpers/demo-db";

const EG = saId(EG_SA);
const BU = saId(BU_SA);
const KRAKOW = vaId(EG_SA, "Krakow LAN-SW");
const KRAKOW_PI = piId("C9500-32QC", "CAT2209L0KS");
const BU_PI = piId("ASR-920-12CZ-A", "CAT1748U1B6");

const blank = { expFirst: "", expFreq: "", expChange: "", enfFirst: "", enfFreq: "", enfChange: "", unpFirst: "", unpFreq: "", unpChange: "", unsFirst: "", unsFreq: "", unsChange: "" };
const quarterly = policyFormSchema.parse({ ...blank, name: "Quarterly Policy", ackRequired: false, unpFreq: "20", unsFreq: "25", unsChange: "0" });

describe.each(drivers)("W-53 custom policies: create, edit, publish, assign (%s)", (driver) => {
  const { db, as } = useDemoDatabase(driver, { clock: T0 });
  let quarterlyId: string;

  const dueOf = async (id: string) => (await db.select().from(productInstances).where(eq(productInstances.id, id)))[0].nextReportDueAt;
  const eventsOf = async (type: string) => db.select().from(events).where(eq(events.type, type)).orderBy(events.id);
  const snapshot = async () => ({
    policies: await db.$count(policies),
    publications: await db.$count(policyPublications),
    events: await db.$count(events),
    sa: (await db.select({ p: smartAccounts.policyId }).from(smartAccounts).where(eq(smartAccounts.id, EG)))[0].p,
    va: (await db.select({ p: virtualAccounts.policyId }).from(virtualAccounts).where(eq(virtualAccounts.id, KRAKOW)))[0].p,
  });

  it("refuses every policy action to anyone but Licensing Operations (V-2), changing nothing", async () => {
    const before = await snapshot();
    for (const cco of ["eg-admin", "eg-vaadmin", "eg-viewer"]) {
      await expect(as(cco, (tx, ctx, a) => createPolicy(tx, ctx, a, quarterly))).rejects.toThrow(ForbiddenError);
      await expect(as(cco, (tx, ctx, a) => publishPolicy(tx, ctx, a, { policyId: policyId("Short Cycle Policy"), smartAccountIds: [BU] }))).rejects.toThrow(
        "You do not have permission to perform this action.",
      );
      await expect(
        as(cco, (tx, ctx, a) => assignPolicy(tx, ctx, a, { policyId: policyId("Short Cycle Policy"), smartAccountId: EG, virtualAccountId: KRAKOW })),
      ).rejects.toThrow(ForbiddenError);
      await expect(as(cco, (tx, ctx) => listPoliciesForOps(tx, ctx))).rejects.toThrow(ForbiddenError);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("validates the form: a name, whole days 0..3650, empty means inherit", () => {
    const issue = (v: object) => {
      const r = policyFormSchema.safeParse({ ...blank, name: "X", ackRequired: true, ...v });
      return r.success ? "ok" : `${r.error.issues[0].path.join(".")}: ${r.error.issues[0].message}`;
    };
    expect(issue({ name: "  " })).toBe("name: Policy name is required.");
    expect(issue({ unpFreq: "1.5" })).toBe(`unpFreq: ${DAYS_MESSAGE}`);
    expect(issue({ expFirst: "-1" })).toBe(`expFirst: ${DAYS_MESSAGE}`);
    expect(issue({ enfChange: "abc" })).toBe(`enfChange: ${DAYS_MESSAGE}`);
    expect(issue({ unsChange: "3651" })).toBe(`unsChange: ${DAYS_MESSAGE}`);
    expect(quarterly).toMatchObject({ unpFreq: 20, unsFreq: 25, unsChange: 0, expFirst: null, unpFirst: null });
  });

  it("creates a custom policy at version 1, with a unique name", async () => {
    ({ id: quarterlyId } = await as("lic-ops", (tx, ctx, a) => createPolicy(tx, ctx, a, quarterly)));
    const [row] = await db.select().from(policies).where(eq(policies.id, quarterlyId));
    expect(row).toMatchObject({ name: "Quarterly Policy", version: 1, isCiscoDefault: false, ackRequired: false, unpFreq: 20, unpFirst: null, unsChange: 0 });
    const dup = policyFormSchema.parse({ ...blank, name: "slp policy", ackRequired: true });
    await expect(as("lic-ops", (tx, ctx, a) => createPolicy(tx, ctx, a, dup))).rejects.toThrow('A policy named "slp policy" already exists.');
  });

  it("V-31b: an unpublished policy cannot be assigned, and nothing changes", async () => {
    const before = await snapshot();
    await expect(
      as("lic-ops", (tx, ctx, a) => assignPolicy(tx, ctx, a, { policyId: quarterlyId, smartAccountId: EG, virtualAccountId: KRAKOW })),
    ).rejects.toThrow(new ValidationError('Policy "Quarterly Policy" is not published to Smart Account "Eg-SA-01".'));
    await expect(as("lic-ops", (tx, ctx, a) => assignPolicy(tx, ctx, a, { policyId: quarterlyId, smartAccountId: BU, virtualAccountId: null }))).rejects.toThrow(
      'Policy "Quarterly Policy" is not published to Smart Account "BU Production Test".',
    );
    expect(await snapshot()).toEqual(before);
  });

  it("publishes to several Smart Accounts: one D-13 row and one E-30a each (SA and OPS logs)", async () => {
    const input = publishPolicySchema.parse({ policyId: quarterlyId, smartAccountIds: [EG, BU] });
    const r = await as("lic-ops", (tx, ctx, a) => publishPolicy(tx, ctx, a, input));
    expect(r.published).toEqual(["BU Production Test", "Eg-SA-01"]);
    const pubs = await db.select().from(policyPublications).where(eq(policyPublications.policyId, quarterlyId));
    expect(pubs.map((p) => [p.smartAccountId, p.publishedBy, p.publishedAt.toISOString()]).sort()).toEqual(
      [
        [BU, userId("lic-ops"), T0.toISOString()],
        [EG, userId("lic-ops"), T0.toISOString()],
      ].sort(),
    );
    const e30a = (await eventsOf("E-30a")).filter((e) => e.message.includes("Quarterly"));
    expect(e30a.map((e) => [e.smartAccountId, e.message, e.actorLabel])).toEqual([
      [BU, 'Reporting policy "Quarterly Policy" was published to Smart Account "BU Production Test".', "lic-ops"],
      [EG, 'Reporting policy "Quarterly Policy" was published to Smart Account "Eg-SA-01".', "lic-ops"],
    ]);
    expect(e30a.every((e) => e.shownIn.includes("SA") && e.shownIn.includes("OPS"))).toBe(true);
    await expect(as("lic-ops", (tx, ctx, a) => publishPolicy(tx, ctx, a, input))).rejects.toThrow(
      'Policy "Quarterly Policy" is already published to the chosen Smart Accounts.',
    );
    await expect(
      as("lic-ops", (tx, ctx, a) => publishPolicy(tx, ctx, a, { policyId: ciscoDefaultPolicyId(), smartAccountIds: [BU] })),
    ).rejects.toThrow(ValidationError);
  });

  it("assigns to a VA: E-30, and S-7, S-16, S-27 and the cached due date change at once", async () => {
    expect(await effectivePolicyName(db, { policyId: policyId("SLE Policy") }, { policyId: null })).toBe("SLE Policy");
    await db.delete(jobs);
    await as("lic-ops", (tx, ctx, a) => assignPolicy(tx, ctx, a, { policyId: quarterlyId, smartAccountId: EG, virtualAccountId: KRAKOW }));
    const [va] = await db.select().from(virtualAccounts).where(eq(virtualAccounts.id, KRAKOW));
    expect(va.policyId).toBe(quarterlyId);
    const [e30] = (await eventsOf("E-30")).slice(-1);
    expect(e30).toMatchObject({
      message: 'Reporting policy "Quarterly Policy" now applies to virtual account "Krakow LAN-SW".',
      smartAccountId: EG,
      virtualAccountId: KRAKOW,
      vaIds: [KRAKOW],
      actorLabel: "lic-ops",
    });
    const policy = await effectivePolicyForVirtualAccount(db, KRAKOW);
    expect(policyData(policy, T0)).toMatchObject({
      name: "Quarterly Policy",
      policy_version: 1,
      ack_required: { value: false, source: "Customer Policy" },
      categories: { unp: { first: { value: 365, source: "CISCO default" }, frequency: { value: 20, source: "Customer Policy" } } },
    });
    // P-7: the C9500s use #29 (unp, now every 20 days) and #30 (uns, 25): last ACK T0−10d + 20.
    expect((await dueOf(KRAKOW_PI))?.toISOString()).toBe(addDays(T0, 10).toISOString());
    const admin = (await loadAccess(db, userId("eg-admin")))!;
    const detail = await getProductInstanceDetail(db, admin, KRAKOW_PI);
    expect(detail.policy).toBe("Quarterly Policy");
    expect(detail.pi.nextReportDueAt?.toISOString()).toBe(addDays(T0, 10).toISOString());
    // P-11 (a): the alert recompute of the VA is queued with the change.
    const queued = await db.select().from(jobs).where(and(eq(jobs.kind, "alerts.recompute"), isNull(jobs.doneAt)));
    expect(queued.map((j) => j.payload)).toContainEqual({ smartAccountId: EG, virtualAccountId: KRAKOW });
  });

  it("assigns to a Smart Account: E-30 in the SA and every VA that inherits it; VAs with their own policy keep it", async () => {
    expect(await dueOf(BU_PI)).toBeNull(); // Cisco default sets no frequency for unenforced perpetual licenses
    await as("lic-ops", (tx, ctx, a) => assignPolicy(tx, ctx, a, { policyId: quarterlyId, smartAccountId: BU, virtualAccountId: null }));
    const [sa] = await db.select().from(smartAccounts).where(eq(smartAccounts.id, BU));
    expect(sa.policyId).toBe(quarterlyId);
    const [e30] = (await eventsOf("E-30")).slice(-1);
    expect(e30.message).toBe('Reporting policy "Quarterly Policy" now applies to Smart Account "BU Production Test".');
    expect(e30.virtualAccountId).toBeNull();
    expect([...e30.vaIds].sort()).toEqual([vaId(BU_SA, "DEFAULT"), vaId(BU_SA, "Device")].sort());
    expect((await dueOf(BU_PI))?.toISOString()).toBe(addDays(T0, 10).toISOString());
    expect((await effectivePolicyForVirtualAccount(db, vaId(BU_SA, "Device"))).name).toBe("Quarterly Policy");

    // Eg-SA-01: Eg-VA-01 keeps SLP Policy; Eg-VA-02 (no policy of its own) inherits Short Cycle.
    await as("lic-ops", (tx, ctx, a) => assignPolicy(tx, ctx, a, { policyId: policyId("Short Cycle Policy"), smartAccountId: EG, virtualAccountId: null }));
    expect((await effectivePolicyForVirtualAccount(db, vaId(EG_SA, "Eg-VA-01"))).name).toBe("SLP Policy");
    expect((await effectivePolicyForVirtualAccount(db, vaId(EG_SA, "Eg-VA-02"))).name).toBe("Short Cycle Policy");
    const [last] = (await eventsOf("E-30")).slice(-1);
    expect(last.vaIds).not.toContain(vaId(EG_SA, "Eg-VA-01"));
    expect(last.vaIds).toContain(vaId(EG_SA, "Eg-VA-02"));
    // Assigning the same policy again changes nothing and writes no event.
    const count = await db.$count(events);
    expect(await as("lic-ops", (tx, ctx, a) => assignPolicy(tx, ctx, a, { policyId: quarterlyId, smartAccountId: BU, virtualAccountId: null }))).toEqual({
      changed: false,
    });
    expect(await db.$count(events)).toBe(count);
    // A VA of another Smart Account is not found.
    await expect(
      as("lic-ops", (tx, ctx, a) => assignPolicy(tx, ctx, a, { policyId: quarterlyId, smartAccountId: BU, virtualAccountId: KRAKOW })),
    ).rejects.toThrow(NotFoundError);
  });

  it("an edit saves the next version and recomputes the due dates wherever the policy applies; Cisco default is read-only", async () => {
    const edit = editPolicySchema.parse({ ...blank, policyId: quarterlyId, name: "Quarterly Policy", ackRequired: false, unpFreq: "40", unsFreq: "45", unsChange: "0" });
    expect(await as("lic-ops", (tx, ctx, a) => editPolicy(tx, ctx, a, edit))).toEqual({ version: 2 });
    const [row] = await db.select().from(policies).where(eq(policies.id, quarterlyId));
    expect(row).toMatchObject({ version: 2, unpFreq: 40, unsFreq: 45 });
    expect((await dueOf(KRAKOW_PI))?.toISOString()).toBe(addDays(T0, 30).toISOString());
    expect((await dueOf(BU_PI))?.toISOString()).toBe(addDays(T0, 30).toISOString());
    expect(policyData(await effectivePolicyForVirtualAccount(db, KRAKOW), T0).policy_version).toBe(2);
    // Saving unchanged values is not an edit.
    expect(await as("lic-ops", (tx, ctx, a) => editPolicy(tx, ctx, a, edit))).toEqual({ version: 2 });
    await expect(
      as("lic-ops", (tx, ctx, a) => editPolicy(tx, ctx, a, { ...edit, policyId: ciscoDefaultPolicyId(), name: "Cisco default" })),
    ).rejects.toThrow("The Cisco default policy cannot be changed.");
    await expect(as("lic-ops", (tx, ctx, a) => editPolicy(tx, ctx, a, { ...edit, name: "SLE Policy" }))).rejects.toThrow('A policy named "SLE Policy" already exists.');
  });

  it("lists policies for S-34 with where each is published and assigned", async () => {
    const rows = await as("lic-ops", (tx, ctx) => listPoliciesForOps(tx, ctx));
    expect(rows[0].name).toBe("Cisco default");
    const q = rows.find((r) => r.name === "Quarterly Policy")!;
    expect(q.version).toBe(2);
    expect(q.publishedTo.map((p) => p.name)).toEqual(["BU Production Test", "Eg-SA-01"]);
    expect(q.assignedTo).toEqual(["BU Production Test", "Eg-SA-01 › Krakow LAN-SW"]);
    expect(rows.find((r) => r.name === "SLP Policy")!.assignedTo).toEqual(["Eg-SA-01 › Eg-VA-01"]);
  });
});
