import { and, eq, isNull, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import {
  alerts,
  events,
  jobs,
  licenseLots,
  licenseTransactions,
  licenseUsage,
  onpremServers,
  outbox,
  productInstances,
  userPreferences,
} from "@/db/schema";
import { loadAccess } from "@/lib/access/context";
import { ForbiddenError, ValidationError } from "@/lib/access/errors";
import { alertCountsByVa } from "@/lib/alerts/counters";
import { dismissAlert, MAJOR_NOT_DISMISSIBLE } from "@/lib/alerts/dismiss";
import { recomputeAlerts, recomputeAllAlerts } from "@/lib/alerts/engine";
import { runExpiryJob } from "@/lib/alerts/expiry";
import "@/lib/alerts/jobs";
import { alertFilterSchema, alertSummary, queryAlerts } from "@/lib/alerts/query";
import { recomputeKey } from "@/lib/alerts/schedule";
import { getPreferences, savePreferences } from "@/lib/preferences/notifications";
import { userTimeZone } from "@/lib/preferences/time-zone";
import { addDays, pinClock } from "@/lib/clock";
import { recordEvent, SYSTEM } from "@/lib/events/record";
import { runDueJobs } from "@/lib/jobs/runner";
import { resetDemoData } from "@/lib/seed/reset";
import { BU_SA, EG_SA, onpremServerId, piId, saId, userId, vaId } from "@/lib/seed/demo/ids";
import { licenseId } from "@/lib/seed/reference";
import { drivers } from "@/tests/helpers/db";
import { T0, useDemoDatabase } from "@/tests/helpers/demo-db";

const VA_NAMES = ["Eg-VA-01", "Eg-VA-02", "Krakow LAN-SW", "Branch-Routers", "MSLA-Utility", "OnPrem-Campus", "CORE TAC", "Lab-01"];
const vaNameById = new Map(VA_NAMES.map((n) => [vaId(EG_SA, n), n]));
const lic = (n: number) => `#${n}`;
const licNameById = new Map(Array.from({ length: 43 }, (_, i) => [licenseId(i + 1), lic(i + 1)]));
const C8200 = piId("C8200-1N-4T", "FGL2447LGZ1");
const BR_RTR = piId("C8300-1N1S-4T2X", "FDO2250A0J5");
const FGL_J3 = piId("C1111-8PLTEEAWB", "FGL214391J3");
const MSLA_PI = piId("C8000V", "93POM8FF9IZ");
const piNames = new Map([
  [C8200, "C8200"],
  [BR_RTR, "br-rtr-01"],
  [FGL_J3, "FGL214391J3"],
  [MSLA_PI, "MSLA C8000V"],
]);
const serverNames = new Map([
  [onpremServerId(EG_SA, "On-Prem 1"), "On-Prem 1"],
  [onpremServerId(EG_SA, "Satellite-EU"), "Satellite-EU"],
]);

/** DD-14, one line per alert: type | severity | scope | subject. */
const DD14 = [
  "INSUFFICIENT_LICENSES|MAJOR|Eg-VA-01|#2",
  "INSUFFICIENT_LICENSES|MAJOR|Eg-VA-01|#3",
  "INSUFFICIENT_LICENSES|MAJOR|Eg-VA-01|#4",
  "REPORTING_OVERDUE|MAJOR|Eg-VA-01|br-rtr-01",
  "REPORTING_OVERDUE|MAJOR|Eg-VA-01|C8200",
  "AUTHORIZATION_PENDING|MAJOR|Eg-VA-01|FGL214391J3",
  "PI_FAILED_TO_CONNECT|MINOR|Eg-VA-01|C8200",
  "LICENSES_EXPIRING|MINOR|Eg-VA-01|#22",
  "INSUFFICIENT_LICENSES|MAJOR|Krakow LAN-SW|#30",
  "LICENSES_EXPIRING|MAJOR|Krakow LAN-SW|#26",
  "LICENSES_EXPIRING|MAJOR|Branch-Routers|#38",
  "LICENSES_EXPIRED|MAJOR|Branch-Routers|#38",
  "REPORTING_DUE_SOON|MINOR|MSLA-Utility|MSLA C8000V",
  "ONPREM_SYNC_OVERDUE|MINOR|Eg-SA-01|On-Prem 1",
  "ONPREM_SYNC_OVERDUE|MAJOR|Eg-SA-01|Satellite-EU",
  "ONPREM_EXPIRED|MAJOR|Eg-SA-01|Satellite-EU",
].sort();

describe.each(drivers)("P-11 alert engine on the demo data (%s)", (driver) => {
  const { db } = useDemoDatabase(driver, { t0: false, clock: T0 });

  async function openAlerts() {
    return db.select().from(alerts).where(isNull(alerts.clearedAt));
  }
  async function summary() {
    return (await openAlerts())
      .map((a) => {
        const scope = a.virtualAccountId ? vaNameById.get(a.virtualAccountId) ?? a.virtualAccountId : a.smartAccountId === saId(EG_SA) ? "Eg-SA-01" : "other SA";
        const subject = a.productInstanceId
          ? piNames.get(a.productInstanceId) ?? a.productInstanceId
          : a.onPremAccountId
            ? serverNames.get(a.onPremAccountId)
            : licNameById.get(a.licenseDefinitionId ?? "");
        return `${a.type}|${a.severity}|${scope}|${subject}`;
      })
      .sort();
  }
  async function eventCount() {
    const [r] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(events);
    return r.n;
  }

  beforeEach(async () => {
    pinClock(T0);
    // A-25 reset: reseeds DD and recomputes every Smart Account, as after `/api/test/reset`.
    await resetDemoData(db, "demo", T0);
  });

  it("raises exactly the DD-14 alerts at T0, each with E-60, VA ids on VA/PI/license alerts", async () => {
    expect(await summary()).toEqual(DD14);
    const open = await openAlerts();
    expect(open.filter((a) => a.smartAccountId === saId(BU_SA))).toEqual([]);
    for (const a of open) if (a.type !== "ONPREM_SYNC_OVERDUE" && a.type !== "ONPREM_EXPIRED") expect(a.virtualAccountId).not.toBeNull();
    const raisedEvents = await db.select().from(events).where(eq(events.type, "E-60"));
    expect(raisedEvents).toHaveLength(DD14.length);
    const counts = await alertCountsByVa(db, [vaId(EG_SA, "Eg-VA-01"), vaId(EG_SA, "Krakow LAN-SW"), vaId(EG_SA, "Eg-VA-02")]);
    expect(counts.get(vaId(EG_SA, "Eg-VA-01"))).toEqual({ major: 6, minor: 2 });
    expect(counts.get(vaId(EG_SA, "Krakow LAN-SW"))).toEqual({ major: 2, minor: 0 });
    expect(counts.get(vaId(EG_SA, "Eg-VA-02"))).toEqual({ major: 0, minor: 0 });
  });

  it("renders the P-11 messages and action due dates", async () => {
    const open = await openAlerts();
    const krakow = open.find((a) => a.type === "INSUFFICIENT_LICENSES" && a.virtualAccountId === vaId(EG_SA, "Krakow LAN-SW"))!;
    expect(krakow.message).toBe('The virtual account "Krakow LAN-SW" is using 1 more "C9500-32QC DNA Advantage" licenses than it holds.');
    expect(krakow.actionDueAt).toBeNull();
    const expiring = open.find((a) => a.type === "LICENSES_EXPIRING" && a.licenseDefinitionId === licenseId(22))!;
    expect(expiring.message).toBe('1 "Routing DNA Advantage: Tier 2" licenses expire on 2024-Apr-24 (in 45 days).');
    expect(expiring.actionDueAt?.toISOString()).toBe("2024-04-24T00:00:00.000Z");
    const overdue = open.find((a) => a.type === "REPORTING_OVERDUE" && a.productInstanceId === BR_RTR)!;
    expect(overdue.message).toBe('A usage report from "br-rtr-01" was due on 2024-Mar-05.');
    const failed = open.find((a) => a.type === "PI_FAILED_TO_CONNECT")!;
    expect(failed.message).toBe('"UDI_PID:C8200-1N-4T; UDI_SN:FGL2447LGZ1;" has not reported since 2023-Dec-01.');
    const pending = open.find((a) => a.type === "AUTHORIZATION_PENDING")!;
    expect(pending.message).toBe('"UDI_PID:C1111-8PLTEEAWB; UDI_SN:FGL214391J3;" uses "ISR_1100_8P_Hsec" without an authorization code.');
    const sync = open.find((a) => a.type === "ONPREM_SYNC_OVERDUE" && a.severity === "MINOR")!;
    expect(sync.message).toBe('On-Prem "On-Prem 1" last synchronized on 2024-Jan-30.');
    expect(sync.actionDueAt?.toISOString()).toBe(addDays(addDays(T0, -40), 90).toISOString());
    const [raised] = await db.select().from(events).where(and(eq(events.type, "E-60"), eq(events.virtualAccountId, vaId(EG_SA, "Krakow LAN-SW")), eq(events.licenseDefinitionId, licenseId(30))));
    expect(raised.message).toBe('Alert raised: The virtual account "Krakow LAN-SW" is using 1 more "C9500-32QC DNA Advantage" licenses than it holds.');
    const [msla] = await db.select().from(productInstances).where(eq(productInstances.id, MSLA_PI));
    expect(msla.nextReportDueAt?.toISOString()).toBe(addDays(T0, 5).toISOString());
  });

  it("is idempotent: a second recompute changes nothing and writes no event", async () => {
    const before = await eventCount();
    const rows = await openAlerts();
    expect(await db.transaction((tx) => recomputeAllAlerts(tx, T0))).toEqual({ raised: 0, cleared: 0, updated: 0 });
    expect(await eventCount()).toBe(before);
    expect((await openAlerts()).map((a) => a.id).sort()).toEqual(rows.map((a) => a.id).sort());
  });

  it("clears an alert whose condition went away (E-61), touching only the recomputed VA", async () => {
    const krakow = vaId(EG_SA, "Krakow LAN-SW");
    const egVa = vaId(EG_SA, "Eg-VA-01");
    await db.insert(licenseLots).values({ virtualAccountId: krakow, licenseDefinitionId: licenseId(30), quantity: 1, licenseType: "SUBSCRIPTION", source: "ADJUSTMENT", endDate: "2025-03-10" });
    // Eg-VA-01's shortage of #2 goes away too, but only Krakow is recomputed.
    await db.insert(licenseLots).values({ virtualAccountId: egVa, licenseDefinitionId: licenseId(2), quantity: 1, licenseType: "PERPETUAL", source: "ADJUSTMENT" });
    const r = await db.transaction((tx) => recomputeAlerts(tx, { smartAccountId: saId(EG_SA), virtualAccountId: krakow }));
    expect(r).toEqual({ raised: 0, cleared: 1, updated: 0 });
    const now = await summary();
    expect(now).not.toContain("INSUFFICIENT_LICENSES|MAJOR|Krakow LAN-SW|#30");
    expect(now).toContain("INSUFFICIENT_LICENSES|MAJOR|Eg-VA-01|#2");
    const [cleared] = await db.select().from(events).where(eq(events.type, "E-61"));
    expect(cleared.message).toBe('Alert cleared: The virtual account "Krakow LAN-SW" is using 1 more "C9500-32QC DNA Advantage" licenses than it holds.');
    expect(cleared.virtualAccountId).toBe(krakow);
    expect(cleared.actorLabel).toBe("System");
  });

  it("queues a dedupe-keyed recompute from recordEvent and the job brings the alerts up to date", async () => {
    const egVa = vaId(EG_SA, "Eg-VA-01");
    // The seed's own events queued recomputes; they change nothing after the reset's recompute.
    const before = await eventCount();
    await runDueJobs(db);
    expect(await eventCount()).toBe(before);
    await db.transaction(async (tx) => {
      await tx.delete(licenseUsage).where(and(eq(licenseUsage.productInstanceId, FGL_J3), eq(licenseUsage.licenseDefinitionId, licenseId(2))));
      for (let i = 0; i < 2; i++) {
        await recordEvent(tx, { type: "E-21", params: { license: "ISR_1100_8P_Hsec", old: 1, new: 0 }, actor: SYSTEM, smartAccountId: saId(EG_SA), virtualAccountId: egVa, productInstanceId: FGL_J3 });
      }
    });
    const queued = await db.select().from(jobs).where(and(isNull(jobs.doneAt), eq(jobs.dedupeKey, recomputeKey(saId(EG_SA), egVa))));
    expect(queued).toHaveLength(1);
    await runDueJobs(db);
    const now = await summary();
    expect(now).not.toContain("INSUFFICIENT_LICENSES|MAJOR|Eg-VA-01|#2");
    expect(now).not.toContain("AUTHORIZATION_PENDING|MAJOR|Eg-VA-01|FGL214391J3");
    expect(now).toHaveLength(DD14.length - 2);
    // Alert events themselves queue nothing.
    expect(await db.select().from(jobs).where(isNull(jobs.doneAt)).then((r) => r.filter((j) => j.kind === "alerts.recompute"))).toEqual([]);
  });

  it("dismisses Minor alerts only (W-57); a dismissed alert stays hidden until its condition clears and recurs", async () => {
    const admin = (await loadAccess(db, userId("eg-admin")))!;
    const viewer = (await loadAccess(db, userId("eg-viewer")))!;
    const actor = { kind: "user" as const, userId: admin.user.id, ccoId: admin.user.ccoId };
    const open = await openAlerts();
    const major = open.find((a) => a.type === "INSUFFICIENT_LICENSES")!;
    await expect(db.transaction((tx) => dismissAlert(tx, admin, actor, major.id))).rejects.toThrow(MAJOR_NOT_DISMISSIBLE);
    await expect(db.transaction((tx) => dismissAlert(tx, admin, actor, major.id))).rejects.toBeInstanceOf(ValidationError);
    const dueSoon = open.find((a) => a.type === "REPORTING_DUE_SOON")!;
    await expect(db.transaction((tx) => dismissAlert(tx, viewer, actor, dueSoon.id))).rejects.toBeInstanceOf(ForbiddenError);
    await db.transaction((tx) => dismissAlert(tx, admin, actor, dueSoon.id));
    const [e61] = await db.select().from(events).where(eq(events.type, "E-61"));
    expect(e61.message).toBe('Alert dismissed: A usage report from "UDI_PID:C8000V; UDI_SN:93POM8FF9IZ;" is due on 2024-Mar-15.');
    expect(e61.actorLabel).toBe("eg-admin");
    const counts = await alertCountsByVa(db, [vaId(EG_SA, "MSLA-Utility")]);
    expect(counts.get(vaId(EG_SA, "MSLA-Utility"))).toEqual({ major: 0, minor: 0 });
    // Still open and dismissed after a recompute: not raised again.
    expect(await db.transaction((tx) => recomputeAllAlerts(tx, T0))).toEqual({ raised: 0, cleared: 0, updated: 0 });
    // The device reports (condition clears), then the due date comes close again (recurs).
    await db.update(productInstances).set({ lastAckAt: addDays(T0, 0) }).where(eq(productInstances.id, MSLA_PI));
    await db.transaction((tx) => recomputeAllAlerts(tx, T0));
    expect(await summary()).not.toContain("REPORTING_DUE_SOON|MINOR|MSLA-Utility|MSLA C8000V");
    pinClock(addDays(T0, 25));
    await db.transaction((tx) => recomputeAlerts(tx, { smartAccountId: saId(EG_SA), virtualAccountId: vaId(EG_SA, "MSLA-Utility") }));
    const again = (await openAlerts()).find((a) => a.type === "REPORTING_DUE_SOON")!;
    expect(again.id).not.toBe(dueSoon.id);
    expect(again.dismissedAt).toBeNull();
  });

  it("P-14 daily job: reminders on the 7-day mark once, then expiry with the EXPIRY ledger row and E-63", async () => {
    await db.insert(userPreferences).values({ userId: userId("eg-admin"), smartAccountId: saId(EG_SA), notify: { LICENSES_EXPIRING: { email: true, summary: false }, INSUFFICIENT_LICENSES: { email: true, summary: false } } });
    const at13 = addDays(T0, 13);
    pinClock(at13);
    const first = await db.transaction((tx) => runExpiryJob(tx, at13));
    expect(first.notices).toBe(2);
    expect(await db.transaction((tx) => runExpiryJob(tx, at13))).toMatchObject({ notices: 0, expiredLots: 0 });
    const notices = await db.select().from(events).where(eq(events.type, "E-62"));
    expect(notices.map((e) => e.message).sort()).toEqual([
      '1 "C9300-48 DNA Advantage" license(s) expire in 7 day(s) on 2024-Mar-30.',
      '10 "UC Manager Enhanced License (12.x)" license(s) expire in 7 day(s) on 2024-Mar-30.',
    ]);
    expect(await db.select().from(outbox)).toHaveLength(2);

    const at21 = addDays(T0, 21);
    pinClock(at21);
    const run = await db.transaction(async (tx) => {
      const r = await runExpiryJob(tx, at21);
      await recomputeAllAlerts(tx, at21);
      return r;
    });
    expect(run.expiredLots).toBe(2);
    const [lot] = await db.select().from(licenseLots).where(and(eq(licenseLots.virtualAccountId, vaId(EG_SA, "Krakow LAN-SW")), eq(licenseLots.licenseDefinitionId, licenseId(26))));
    expect(lot).toMatchObject({ status: "EXPIRED", quantity: 0, expiredQuantity: 1 });
    const ledger = await db.select().from(licenseTransactions).where(eq(licenseTransactions.lotId, lot.id));
    expect(ledger.reduce((s, t) => s + t.delta, 0)).toBe(0);
    expect(ledger.find((t) => t.type === "EXPIRY")?.delta).toBe(-1);
    const e63 = await db.select().from(events).where(and(eq(events.type, "E-63"), eq(events.occurredAt, at21)));
    expect(e63.map((e) => e.message)).toContain('1 "C9300-48 DNA Advantage" license(s) expired on 2024-Mar-30.');
    const now = await summary();
    expect(now).toContain("LICENSES_EXPIRED|MAJOR|Krakow LAN-SW|#26");
    expect(now).toContain("INSUFFICIENT_LICENSES|MAJOR|Krakow LAN-SW|#26");
    expect(now).not.toContain("LICENSES_EXPIRING|MAJOR|Krakow LAN-SW|#26");
    // The raise of the new shortage is e-mailed to the opted-in administrator.
    const mail = await db.select().from(outbox).where(eq(outbox.subject, "Alert: Insufficient Licenses"));
    expect(mail.map((m) => m.to)).toContain("admin@example.com");
  });

  it("escalates On-Prem sync alerts past 60 days, marks a server Expired past 90, and clears on a sync", async () => {
    const onprem1 = onpremServerId(EG_SA, "On-Prem 1");
    pinClock(addDays(T0, 61));
    await db.transaction((tx) => recomputeAlerts(tx, { smartAccountId: saId(EG_SA) }));
    let now = await summary();
    expect(now).toContain("ONPREM_SYNC_OVERDUE|MAJOR|Eg-SA-01|On-Prem 1");
    expect(now).not.toContain("ONPREM_SYNC_OVERDUE|MINOR|Eg-SA-01|On-Prem 1");
    await db.update(onpremServers).set({ lastSyncAt: addDays(T0, 61) }).where(eq(onpremServers.id, onprem1));
    await db.transaction((tx) => recomputeAlerts(tx, { smartAccountId: saId(EG_SA) }));
    now = await summary();
    expect(now.filter((s) => s.includes("On-Prem 1"))).toEqual([]);
    pinClock(addDays(T0, 61 + 91));
    await db.transaction((tx) => recomputeAlerts(tx, { smartAccountId: saId(EG_SA) }));
    const [server] = await db.select().from(onpremServers).where(eq(onpremServers.id, onprem1));
    expect(server.status).toBe("Expired");
    expect(await summary()).toContain("ONPREM_EXPIRED|MAJOR|Eg-SA-01|On-Prem 1");
  });

  it("S-5 lists what the caller may see, sorted by severity then Action Due", async () => {
    const admin = (await loadAccess(db, userId("eg-admin")))!;
    const vaUser = (await loadAccess(db, userId("eg-vauser")))!;
    expect(await alertSummary(db, admin, saId(EG_SA))).toEqual({ major: 12, minor: 4 });
    expect(await alertSummary(db, vaUser, saId(EG_SA))).toEqual({ major: 8, minor: 2 });
    const page = await queryAlerts(db, admin, alertFilterSchema.parse({ sa: saId(EG_SA), pageSize: "100" }));
    expect(page.total).toBe(16);
    expect(page.rows.slice(0, 4).map((r) => r.actionDue)).toEqual(["Immediately", "Immediately", "Immediately", "Immediately"]);
    expect(page.rows.map((r) => r.severity)).toEqual([...Array(12).fill("MAJOR"), ...Array(4).fill("MINOR")]);
    const sa = page.rows.find((r) => r.type === "ONPREM_EXPIRED")!;
    expect(sa.source).toEqual({ name: "Eg-SA-01", href: null });
    expect(sa.actionDue).toBe("-");
    const minor = await queryAlerts(db, vaUser, alertFilterSchema.parse({ sa: saId(EG_SA), sev: "MINOR" }));
    expect(minor.rows.map((r) => r.label).sort()).toEqual(["Licenses Expiring", "Product Instance Failed to Connect"]);
    expect(minor.rows.every((r) => r.canDismiss)).toBe(true);
    const searched = await queryAlerts(db, admin, alertFilterSchema.parse({ sa: saId(EG_SA), q: "br-rtr", va: vaId(EG_SA, "Eg-VA-01") }));
    expect(searched.rows.map((r) => r.label)).toEqual(["Reporting Overdue"]);
    expect(searched.rows[0].messageHref).toBe(`/inventory/product-instances/${BR_RTR}`);
  });

  it("S-29 saves notification choices per Smart Account and the time zone on the user's own row", async () => {
    const admin = (await loadAccess(db, userId("eg-admin")))!;
    const prefs = await getPreferences(db, admin.user.id, saId(EG_SA));
    expect(prefs.timeZone).toBe("UTC");
    const notify = { ...prefs.notify, NEW_LICENSES: { email: true, summary: true } };
    const input = { smartAccountId: saId(EG_SA), notify, scope: { all: false, vaIds: [vaId(EG_SA, "Krakow LAN-SW")] }, timeZone: "Europe/Warsaw" };
    await db.transaction((tx) => savePreferences(tx, admin, input));
    await db.transaction((tx) => savePreferences(tx, admin, input));
    const again = await getPreferences(db, admin.user.id, saId(EG_SA));
    expect(again.notify.NEW_LICENSES).toEqual({ email: true, summary: true });
    expect(again.scope).toEqual({ all: false, vaIds: [vaId(EG_SA, "Krakow LAN-SW")] });
    expect(await userTimeZone(db, admin.user.id)).toBe("Europe/Warsaw");
    await expect(db.transaction((tx) => savePreferences(tx, admin, { ...input, timeZone: "Mars/Olympus" }))).rejects.toThrow("Select a valid time zone.");
  });
});
