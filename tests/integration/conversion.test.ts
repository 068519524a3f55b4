import { and, asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type Db, openPostgres } from "@/db/client";
import {
  conversionLines,
  conversions,
  events,
  licenseLots,
  licenseTransactions,
  pakLines,
  paks,
  tradDevices,
  tradLicenseLines,
} from "@/db/schema";
import { ForbiddenError, NotFoundError, PERMISSION_DENIED, STALE_ITEM, ValidationError } from "@/lib/access/errors";
import { uuidv5 } from "@/lib/ids";
import { convertDeviceLicenses, findDeviceForConversion, listConvertibleDevices, tradDeviceConversionDetails } from "@/lib/conversion/device-licenses";
import { applyDlcReport, type DlcReportInput } from "@/lib/conversion/dlc";
import { conversionDetail, listConversions } from "@/lib/conversion/history";
import { CONVERSION_MSG } from "@/lib/conversion/messages";
import { convertPak, listConvertiblePaks, pakConversionDetails } from "@/lib/conversion/paks";
import type { ConvertDeviceInput, ConvertPakInput } from "@/lib/conversion/schemas";
import { eventFilterSchema, queryEvents } from "@/lib/events/query";
import { listLicenseRows } from "@/lib/licensing/licenses";
import { BU_SA, EG_SA, pakId, pakLineId, piId, saId, tradDeviceId, userId, vaId } from "@/lib/seed/demo/ids";
import { entitlementTag, licenseId } from "@/lib/seed/reference";
import { drivers } from "@/tests/helpers/db";
import { type Op, useDemoDatabase } from "@/tests/helpers/demo-db";

const EG = saId(EG_SA);
const BU = saId(BU_SA);
const VA01 = vaId(EG_SA, "Eg-VA-01");
const VA02 = vaId(EG_SA, "Eg-VA-02");
const CORE_TAC = vaId(EG_SA, "CORE TAC");
const BU_DEFAULT = vaId(BU_SA, "DEFAULT");
const CSR = tradDeviceId("CSR1000V", "9QLBLATKXM4");
const CSR_LINE = "CSR1000V:9QLBLATKXM4";
const DLC_PID = "C1111-8PLTEEAWB";
const DLC_SN = "FGL214391J3";

describe.each(drivers)("Convert to Smart Licensing: W-19, W-20, W-21 (%s)", (driver) => {
  const { db, actorOf, ctxOf, as, refusals } = useDemoDatabase(driver, { clock: new Date("2024-03-10T13:00:00Z") });

  const pak = (input: ConvertPakInput): Op => (tx, ctx, actor) => convertPak(tx, ctx, actor, input);
  const device = (input: ConvertDeviceInput, method: "DEVICE_WIZARD" | "LRP" = "DEVICE_WIZARD"): Op => (tx, ctx, actor) =>
    convertDeviceLicenses(tx, ctx, actor, input, method);
  /** W-21 as the ingest pipeline calls it; only the DD-6 C1111 has a product instance. */
  const dlc = (report: DlcReportInput) =>
    db.transaction((tx) =>
      applyDlcReport(tx, {
        smartAccountId: EG,
        virtualAccountId: VA01,
        productInstanceId: report.sudi.udi_serial_number === DLC_SN ? piId(DLC_PID, DLC_SN) : null,
        report,
        receivedAt: new Date("2024-03-10T13:00:00Z"),
      }),
    );

  async function snapshot() {
    const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
    return {
      lots: sorted(await db.select().from(licenseLots)),
      ledger: await db.$count(licenseTransactions),
      events: await db.$count(events),
      pakLines: sorted(await db.select().from(pakLines)),
      tradLines: sorted(await db.select().from(tradLicenseLines)),
      conversions: await db.$count(conversions),
      conversionLines: await db.$count(conversionLines),
    };
  }
  const expectRefused = refusals(snapshot);
  /** INV-5 for every lot, and INV-10 for every PAK line. */
  async function expectInvariants() {
    const rows = await db
      .select({ id: licenseLots.id, quantity: licenseLots.quantity, sum: sql<number>`coalesce(sum(${licenseTransactions.delta}), 0)`.mapWith(Number) })
      .from(licenseLots)
      .leftJoin(licenseTransactions, eq(licenseTransactions.lotId, licenseLots.id))
      .groupBy(licenseLots.id, licenseLots.quantity);
    for (const r of rows) expect(r.quantity, `lot ${r.id}`).toBe(r.sum);
    for (const l of await db.select().from(pakLines)) expect(l.qtyFulfilled + l.qtyConverted).toBeLessThanOrEqual(l.qtyOrdered);
  }
  async function pakLine(pakNumber: string, line = 1) {
    const [row] = await db.select().from(pakLines).where(eq(pakLines.id, pakLineId(pakNumber, line)));
    return row;
  }
  async function licenseRow(va: string, n: number) {
    return (await listLicenseRows(db, await ctxOf("eg-admin"), va)).find((r) => r.licenseDefinitionId === licenseId(n));
  }
  async function paksOf(sa: string, cco = "eg-admin", q?: string) {
    return listConvertiblePaks(db, await ctxOf(cco), { sa, q, page: 1, pageSize: 10 });
  }
  async function pakRow(pakNumber: string) {
    return (await paksOf(EG)).rows.find((r) => r.pak === pakNumber);
  }
  async function wizardLines(pakNumber: string) {
    return (await pakConversionDetails(db, await ctxOf("eg-admin"), pakId(pakNumber))).lines;
  }

  describe("S-21, S-22, S-23 on the DD-9 / DD-10 seed", () => {
    it("lists the PAKs of Eg-SA-01 with `SKU (qty)` lines and the D-17 status", async () => {
      const { rows, total } = await paksOf(EG);
      expect(total).toBe(4);
      expect(rows.map((r) => [r.pak, r.status, r.convertible])).toEqual([
        ["8PL2M6N4B9V", "UNFULFILLED", true],
        ["2QW9E4R7T5Y", "CONVERTED", false],
        ["4XR2K7PQ19B", "UNFULFILLED", true],
        ["3300J8A5F21", "UNFULFILLED", true],
      ]);
      expect(rows.find((r) => r.pak === "3300J8A5F21")).toMatchObject({
        skus: ["C1-ISE-BASE-T (25)", "C1-ISE-PLS-T (25)"],
        orderNumber: "107325914",
        orderDate: "2023-05-15",
        virtualAccount: "CORE TAC",
      });
      expect((await paksOf(EG, "eg-admin", "pls")).rows.map((r) => r.pak)).toEqual(["3300J8A5F21"]);
      expect((await paksOf(EG, "eg-admin", "core tac")).total).toBe(2);
      expect((await paksOf(EG, "eg-admin", "107326355")).rows.map((r) => r.pak)).toEqual(["2QW9E4R7T5Y"]);
      // A PAK line without a smart equivalent offers nothing to convert.
      expect((await paksOf(BU, "bu-admin")).rows).toMatchObject([{ pak: "5MQ8T1ZR6PX", status: "UNFULFILLED", convertible: false }]);
      // VA roles see the PAKs of their VAs only.
      expect((await paksOf(EG, "eg-vaadmin")).rows.map((r) => r.pak)).toEqual(["8PL2M6N4B9V", "2QW9E4R7T5Y"]);
      await expect(paksOf(BU, "eg-viewer")).rejects.toBeInstanceOf(NotFoundError);
    });

    it("offers the wizard lines with `{feature_or_short} ({display}) {version}` and the PAK's VA as destination", async () => {
      const details = await pakConversionDetails(db, await ctxOf("eg-admin"), pakId("3300J8A5F21"));
      expect(details.pak).toMatchObject({ pak: "3300J8A5F21", partialFulfillment: false, virtualAccount: "CORE TAC" });
      expect(details.defaultDestinationId).toBe(CORE_TAC);
      expect(details.lines).toEqual([
        expect.objectContaining({ sku: "C1-ISE-BASE-T", licenses: "ISE_BASE (ISE Base License) 1.0", type: "Term", expirationDate: "2026-07-08", available: 25 }),
        expect.objectContaining({ sku: "C1-ISE-PLS-T", licenses: "ISE_PLUS (ISE Plus License) 1.0", type: "Term", available: 25 }),
      ]);
      expect(details.targets.map((t) => t.name)).toContain("Lab-01");
      const vaAdmin = await pakConversionDetails(db, await ctxOf("eg-vaadmin"), pakId("8PL2M6N4B9V"));
      expect(vaAdmin.targets.map((t) => t.name)).toEqual(["Eg-VA-01", "Eg-VA-02"]);
      await expect(pakConversionDetails(db, await ctxOf("bu-admin"), pakId("4XR2K7PQ19B"))).rejects.toBeInstanceOf(NotFoundError);
    });

    it("lists the CSR1000V device in S-22 and the seeded PAK conversion in S-23", async () => {
      const devices = await listConvertibleDevices(db, await ctxOf("eg-admin"), { sa: EG, page: 1, pageSize: 10 });
      expect(devices.rows).toEqual([
        {
          id: CSR,
          deviceIdentifier: "UDI_PID:CSR1000V; UDI_SN:9QLBLATKXM4;",
          udiPid: "CSR1000V",
          udiSn: "9QLBLATKXM4",
          productFamily: "Cloud Services Router",
          eligibleSkus: ["L-CSR-5G-SEC="],
          virtualAccount: "Eg-VA-01",
        },
      ]);
      const history = await listConversions(db, await ctxOf("eg-admin"), { sa: EG, page: 1, pageSize: 10 });
      expect(history.rows).toMatchObject([{ source: "PAK", device: "2QW9E4R7T5Y", status: "Licenses Converted", productFamily: "ASR 1000 Series Routers" }]);
    });
  });

  describe("W-19 Convert PAKs", () => {
    const ise = (quantity: number, available = 25): ConvertPakInput => ({
      pakId: pakId("4XR2K7PQ19B"),
      destinationVaId: CORE_TAC,
      lines: [{ pakLineId: pakLineId("4XR2K7PQ19B", 1), quantity, available }],
    });

    it("refuses every V-51 / D-3 violation and changes nothing", async () => {
      await expectRefused("eg-admin", pak(ise(26)), ValidationError, "Enter a quantity between 0 and 25.");
      await expectRefused("eg-admin", pak(ise(0)), ValidationError, CONVERSION_MSG.atLeastOne);
      await expectRefused("eg-admin", pak(ise(5, 20)), ValidationError, STALE_ITEM);
      await expectRefused("eg-viewer", pak(ise(5)), ForbiddenError, PERMISSION_DENIED);
      await expectRefused("bu-admin", pak(ise(5)), NotFoundError);
      await expectRefused("eg-vauser", pak(ise(5)), NotFoundError);
      await expectRefused("eg-admin", pak({ ...ise(5), destinationVaId: BU_DEFAULT }), NotFoundError);
      await expectRefused("eg-admin", pak({ ...ise(5), lines: [{ pakLineId: pakLineId("3300J8A5F21", 1), quantity: 1, available: 25 }] }), NotFoundError);
      const both = (a: number, b: number): ConvertPakInput => ({
        pakId: pakId("3300J8A5F21"),
        destinationVaId: CORE_TAC,
        lines: [
          { pakLineId: pakLineId("3300J8A5F21", 1), quantity: a, available: 25 },
          { pakLineId: pakLineId("3300J8A5F21", 2), quantity: b, available: 25 },
        ],
      });
      await expectRefused("eg-admin", pak(both(10, 25)), ValidationError, CONVERSION_MSG.partialNotAllowed);
      await expectRefused("eg-admin", pak({ ...both(25, 25), lines: both(25, 25).lines.slice(0, 1) }), ValidationError, CONVERSION_MSG.partialNotAllowed);
      await expectRefused(
        "eg-admin",
        pak({ pakId: pakId("2QW9E4R7T5Y"), destinationVaId: VA02, lines: [{ pakLineId: pakLineId("2QW9E4R7T5Y", 1), quantity: 1, available: 0 }] }),
        ValidationError,
        CONVERSION_MSG.nothingLeft,
      );
    });

    it("converts 10 of 25 into CORE TAC: qty_converted, a PAK_CONVERSION lot and ledger row, D-18 and E-40", async () => {
      const result = (await as("eg-admin", pak(ise(10)))) as Awaited<ReturnType<typeof convertPak>>;
      expect(result).toMatchObject({ quantity: 10, virtualAccount: "CORE TAC" });
      expect(await pakLine("4XR2K7PQ19B")).toMatchObject({ qtyOrdered: 25, qtyFulfilled: 0, qtyConverted: 10 });
      expect(await pakRow("4XR2K7PQ19B")).toMatchObject({ status: "PARTIALLY CONVERTED", convertible: true });
      expect(await wizardLines("4XR2K7PQ19B")).toMatchObject([{ available: 15 }]);

      const lots = await db.select().from(licenseLots).where(and(eq(licenseLots.virtualAccountId, CORE_TAC), eq(licenseLots.licenseDefinitionId, licenseId(40))));
      expect(lots).toMatchObject([{ quantity: 10, source: "PAK_CONVERSION", sourceRef: "4XR2K7PQ19B", sku: "C1-ISE-BASE-T", licenseType: "TERM", endDate: "2026-07-08", startDate: "2024-03-10" }]);
      const ledger = await db.select().from(licenseTransactions).where(eq(licenseTransactions.lotId, lots[0].id));
      expect(ledger).toMatchObject([{ type: "PAK_CONVERSION", delta: 10, pak: "4XR2K7PQ19B", sku: "C1-ISE-BASE-T", userId: userId("eg-admin"), smartAccountId: EG }]);
      expect(await licenseRow(CORE_TAC, 40)).toMatchObject({ purchased: 10, inUse: 0, balance: 10 });

      const [conversion] = await db.select().from(conversions).where(eq(conversions.id, result.conversionId));
      expect(conversion).toMatchObject({ source: "PAK", method: "PAK_WIZARD", pak: "4XR2K7PQ19B", status: "CONVERTED", initiatedBy: userId("eg-admin"), virtualAccountId: CORE_TAC });
      expect(await db.select().from(conversionLines).where(eq(conversionLines.conversionId, conversion.id))).toMatchObject([
        { sku: "C1-ISE-BASE-T", quantity: 10, type: "Term", status: "Converted", licenseDefinitionId: licenseId(40), productFamily: "Identity Services Engine" },
      ]);
      const [event] = await db.select().from(events).where(eq(events.conversionId, conversion.id));
      expect(event).toMatchObject({
        type: "E-40",
        message: '10 license(s) from PAK 4XR2K7PQ19B were converted into "CORE TAC" (10 × ISE_BASE).',
        actorLabel: "eg-admin",
        shownIn: ["CONV", "VA"],
        category: "Conversion",
      });
      await expectInvariants();

      // The rest, then nothing is left.
      await as("eg-admin", pak(ise(15, 15)));
      expect(await pakRow("4XR2K7PQ19B")).toMatchObject({ status: "CONVERTED", convertible: false });
      expect(await licenseRow(CORE_TAC, 40)).toMatchObject({ purchased: 25, balance: 25 });
      await expectRefused("eg-admin", pak(ise(1, 0)), ValidationError, CONVERSION_MSG.nothingLeft);
      const history = await listConversions(db, await ctxOf("eg-admin"), { sa: EG, page: 1, pageSize: 10 });
      expect(history.rows.map((r) => r.device)).toEqual(["4XR2K7PQ19B", "4XR2K7PQ19B", "2QW9E4R7T5Y"]);
    });

    it("converts a PAK without partial fulfilment only whole", async () => {
      await as("eg-admin", pak({
        pakId: pakId("3300J8A5F21"),
        destinationVaId: CORE_TAC,
        lines: [
          { pakLineId: pakLineId("3300J8A5F21", 1), quantity: 25, available: 25 },
          { pakLineId: pakLineId("3300J8A5F21", 2), quantity: 25, available: 25 },
        ],
      }));
      expect(await pakRow("3300J8A5F21")).toMatchObject({ status: "CONVERTED", convertible: false });
      expect(await licenseRow(CORE_TAC, 39)).toMatchObject({ purchased: 25 });
      expect(await licenseRow(CORE_TAC, 40)).toMatchObject({ purchased: 50 });
      await expectInvariants();
    });
  });

  describe("W-20 Convert device licenses", () => {
    const csr = (quantity = 1, destinationVaId = VA01): ConvertDeviceInput => ({
      deviceId: CSR,
      destinationVaId,
      lines: [{ lineId: tradLineId(CSR_LINE, "securityk9"), quantity }],
    });

    it("finds the device of STEP 1 by UDI (V-59 patterns) and its eligible lines", async () => {
      const found = await findDeviceForConversion(db, await ctxOf("eg-admin"), { sa: EG, pid: "csr1000v", sn: "9qlblatkxm4", family: "Cloud Services Router" });
      expect(found.device.deviceIdentifier).toBe("UDI_PID:CSR1000V; UDI_SN:9QLBLATKXM4;");
      expect(found.lines).toEqual([{ lineId: tradLineId(CSR_LINE, "securityk9"), sku: "L-CSR-5G-SEC=", feature: "securityk9", type: "Perpetual", termDate: null, available: 1 }]);
      expect(found.defaultDestinationId).toBe(VA01);
      await expect(findDeviceForConversion(db, await ctxOf("eg-admin"), { sa: EG, pid: "CSR1000V", sn: "9QLBLATKXM4", family: "Identity Services Engine" })).rejects.toThrow(
        CONVERSION_MSG.deviceNotFound("CSR1000V:9QLBLATKXM4"),
      );
      await expect(findDeviceForConversion(db, await ctxOf("eg-admin"), { sa: EG, pid: "CISCO2951", sn: "FHH1211P037" })).rejects.toBeInstanceOf(ValidationError);
    });

    it("refuses what it may not do and changes nothing", async () => {
      await expectRefused("eg-admin", device(csr(2)), ValidationError, CONVERSION_MSG.wholeLine(1));
      await expectRefused("eg-admin", device(csr(0)), ValidationError, CONVERSION_MSG.atLeastOne);
      await expectRefused("eg-viewer", device(csr()), ForbiddenError, PERMISSION_DENIED);
      await expectRefused("eg-vauser", device(csr()), ForbiddenError, PERMISSION_DENIED);
      await expectRefused("bu-admin", device(csr(1, BU_DEFAULT)), NotFoundError);
      await expectRefused("eg-admin", device(csr(1, BU_DEFAULT)), NotFoundError);
      await expectRefused("eg-admin", device({ ...csr(), lines: [{ lineId: tradLineId("CISCO2951:FHH1211P037", "uc"), quantity: 1 }] }), NotFoundError);
    });

    it("converts the CSR1000V line: CONVERTED, PAK quantity moved (INV-10), DEVICE_CONVERSION lot, D-18 and E-41", async () => {
      const before = await pakLine("7HN4W2C9D3K");
      expect(before).toMatchObject({ qtyOrdered: 1, qtyFulfilled: 1, qtyConverted: 0 });
      const result = (await as("eg-admin", device(csr()))) as Awaited<ReturnType<typeof convertDeviceLicenses>>;
      expect(result).toMatchObject({ quantity: 1, virtualAccount: "Eg-VA-01" });
      expect(await pakLine("7HN4W2C9D3K")).toMatchObject({ qtyFulfilled: 0, qtyConverted: 1 });
      const [line] = await db.select().from(tradLicenseLines).where(eq(tradLicenseLines.id, tradLineId(CSR_LINE, "securityk9")));
      expect(line.status).toBe("CONVERTED");
      expect(await licenseRow(VA01, 42)).toMatchObject({ purchased: 1, balance: 1 });
      const [lot] = await db.select().from(licenseLots).where(and(eq(licenseLots.virtualAccountId, VA01), eq(licenseLots.licenseDefinitionId, licenseId(42))));
      expect(lot).toMatchObject({ source: "DEVICE_CONVERSION", sourceRef: "PID:CSR1000V,SN:9QLBLATKXM4", sku: "L-CSR-5G-SEC=", quantity: 1, licenseType: "PERPETUAL" });
      expect(await db.select().from(licenseTransactions).where(eq(licenseTransactions.lotId, lot.id))).toMatchObject([
        { type: "DEVICE_CONVERSION", delta: 1, udi: "PID:CSR1000V,SN:9QLBLATKXM4", pak: "7HN4W2C9D3K" },
      ]);
      const detail = await conversionDetail(db, await ctxOf("eg-admin"), result.conversionId);
      expect(detail).toMatchObject({
        source: "Device",
        title: "UDI_PID:CSR1000V; UDI_SN:9QLBLATKXM4;",
        virtualAccount: { id: VA01, name: "Eg-VA-01" },
        status: "Licenses Converted",
        initiatedBy: "eg-admin",
        lines: [{ sku: "L-CSR-5G-SEC=", productFamily: "Cloud Services Router", quantity: 1, type: "Perpetual", status: "Converted", smartLicense: "CSR 1KV SEC 5G" }],
      });
      const [conversion] = await db.select().from(conversions).where(eq(conversions.id, result.conversionId));
      expect(conversion).toMatchObject({ source: "DEVICE", method: "DEVICE_WIZARD", udiPid: "CSR1000V", udiSn: "9QLBLATKXM4" });
      const written = await db.select().from(events).where(eq(events.conversionId, result.conversionId));
      expect(written.map((e) => e.message)).toEqual(['Traditional licenses of PID:CSR1000V,SN:9QLBLATKXM4 were converted into "Eg-VA-01" (1 × CSR 1KV SEC 5G).']);
      expect((await listConvertibleDevices(db, await ctxOf("eg-admin"), { sa: EG, page: 1, pageSize: 10 })).total).toBe(0);
      // A converted line is never converted again (V-3 for the stale wizard).
      await expectRefused("eg-admin", device(csr()), ValidationError, STALE_ITEM);
      await expect(conversionDetail(db, await ctxOf("bu-admin"), result.conversionId)).rejects.toBeInstanceOf(NotFoundError);
      await expectInvariants();
    });

    it("converts from Traditional S-54 (LRP) with E-41 and E-109, for a device of its owner", async () => {
      const id = await addTradDevice(db, { pid: "C1111-8P", sn: "FGL0000LRP1", owner: "eg-admin", feature: "hseck9", pak: "8PL2M6N4B9V" });
      const lineId = tradLineId("C1111-8P:FGL0000LRP1", "hseck9");
      const details = await tradDeviceConversionDetails(db, await ctxOf("eg-admin"), id, EG);
      expect(details.smartAccount).toEqual({ id: EG, name: EG_SA });
      expect(details.lines).toMatchObject([{ lineId, sku: "FL-1100-8P-HSEC=", available: 1 }]);
      await expect(tradDeviceConversionDetails(db, await ctxOf("eg-vauser"), id, EG)).rejects.toBeInstanceOf(NotFoundError);
      await expectRefused("eg-vauser", device({ deviceId: id, destinationVaId: VA01, lines: [{ lineId, quantity: 1 }] }, "LRP"), NotFoundError);

      const result = (await as("eg-admin", device({ deviceId: id, destinationVaId: CORE_TAC, lines: [{ lineId, quantity: 1 }] }, "LRP"))) as { conversionId: string };
      const [conversion] = await db.select().from(conversions).where(eq(conversions.id, result.conversionId));
      expect(conversion).toMatchObject({ method: "LRP", source: "DEVICE" });
      const written = await db.select().from(events).where(eq(events.conversionId, result.conversionId)).orderBy(asc(events.id));
      expect(written.map((e) => [e.type, e.workspace, e.message])).toEqual([
        ["E-41", "CSSM", 'Traditional licenses of PID:C1111-8P,SN:FGL0000LRP1 were converted into "CORE TAC" (1 × ISR_1100_8P_Hsec).'],
        ["E-109", "TRAD", 'Licenses of C1111-8P:FGL0000LRP1 were converted to Smart Licensing in "Eg-SA-01/CORE TAC".'],
      ]);
      expect(await pakLine("8PL2M6N4B9V")).toMatchObject({ qtyFulfilled: 0, qtyConverted: 1 });
      await expectInvariants();
    });
  });

  describe("W-21 Device-Led Conversion", () => {
    const report = (lines: DlcReportInput["conversion_lines"], pid = DLC_PID, sn = DLC_SN): DlcReportInput => ({
      sudi: { udi_pid: pid, udi_serial_number: sn },
      software_tag_identifier: "regid.2017-04.com.cisco.ISR1100,1.0_1b4ff2bd-ea33-4d56-a5f6-b0e0aa9d1f5d",
      conversion_lines: lines,
    });
    const appx = { conversion_type: "RTU" as const, conversion_string: "appxk9", conversion_count: 1 };
    const security = { conversion_type: "PAK" as const, conversion_string: "securityk9", conversion_count: 1, sku: "FL-1100-8P-SEC", feature_name: "securityk9", license_type: "Perpetual" };
    const hsec = { conversion_type: "PAK" as const, conversion_string: "hseck9", conversion_count: 1, entitlement_tag: entitlementTag(2) };
    const unknown = { conversion_type: "RTU" as const, conversion_string: "voice-pack", conversion_count: 2 };

    it("deposits DLC lots for the mapped lines (tag, else family + feature) and answers dlc[] (DD-13 demo)", async () => {
      for (const n of [3, 4, 2]) expect(await licenseRow(VA01, n)).toMatchObject({ balance: -1 });
      const ack = await dlc(report([appx, security, hsec]));
      expect(ack).toEqual({
        udi: { udi_pid: DLC_PID, udi_serial_number: DLC_SN },
        conversion_id: expect.any(String),
        status: "SUCCESS",
        lines: [
          { conversion_string: "appxk9", status: "Converted", smart_license: "Cisco 1100 Series with 8 LAN Ports, AppX License" },
          { conversion_string: "securityk9", status: "Converted", smart_license: "Cisco 1100 Series with 8 LAN Ports, Security License" },
          { conversion_string: "hseck9", status: "Converted", smart_license: "ISR_1100_8P_Hsec" },
        ],
      });
      for (const n of [3, 4, 2]) expect(await licenseRow(VA01, n)).toMatchObject({ balance: 0 });
      const [conversion] = await db.select().from(conversions).where(eq(conversions.id, ack.conversion_id!));
      expect(conversion).toMatchObject({ source: "DEVICE", method: "DLC", status: "CONVERTED", initiatedBy: null, udiPid: DLC_PID, productFamily: "Cisco 1100 Series Integrated Services Routers" });
      const lots = await db.select().from(licenseLots).where(and(eq(licenseLots.virtualAccountId, VA01), eq(licenseLots.source, "DLC")));
      expect(lots.map((l) => [l.sku, l.sourceRef, l.quantity]).sort()).toEqual([
        ["FL-1100-8P-SEC", "PID:C1111-8PLTEEAWB,SN:FGL214391J3", 1],
        ["RTU", "PID:C1111-8PLTEEAWB,SN:FGL214391J3", 1],
        ["RTU", "PID:C1111-8PLTEEAWB,SN:FGL214391J3", 1],
      ]);
      const ledger = await db.select().from(licenseTransactions).where(eq(licenseTransactions.type, "DLC"));
      expect(ledger.every((r) => r.userId === null && r.udi === "PID:C1111-8PLTEEAWB,SN:FGL214391J3" && r.delta === 1)).toBe(true);
      const written = await db.select().from(events).where(eq(events.conversionId, ack.conversion_id!)).orderBy(asc(events.id));
      expect(written.map((e) => [e.type, e.actorLabel, e.userId, e.message])).toEqual([
        ["E-42", "PID:C1111-8PLTEEAWB,SN:FGL214391J3", null, "Device-led conversion data was received from PID:C1111-8PLTEEAWB,SN:FGL214391J3."],
        [
          "E-43",
          "System",
          null,
          'Device-led conversion for PID:C1111-8PLTEEAWB,SN:FGL214391J3 deposited 1 × Cisco 1100 Series with 8 LAN Ports, AppX License, 1 × Cisco 1100 Series with 8 LAN Ports, Security License, 1 × ISR_1100_8P_Hsec into "Eg-VA-01".',
        ],
      ]);
      expect(written[0]).toMatchObject({ productInstanceId: piId(DLC_PID, DLC_SN), shownIn: ["CONV", "PI"] });
      const detail = await conversionDetail(db, await ctxOf("eg-admin"), ack.conversion_id!);
      expect(detail.initiatedBy).toBe("System");
      expect(detail.lines.map((l) => [l.sku, l.productFamily, l.smartLicense])).toContainEqual(["RTU", null, "Cisco 1100 Series with 8 LAN Ports, AppX License"]);
      await expectInvariants();
    });

    it("is idempotent: the same report again creates nothing and answers with the original conversion", async () => {
      const [first] = await db.select().from(conversions).where(eq(conversions.method, "DLC"));
      const before = await snapshot();
      const ack = await dlc(report([appx, security, hsec]));
      expect(ack).toEqual({
        udi: { udi_pid: DLC_PID, udi_serial_number: DLC_SN },
        conversion_id: first.id,
        status: "SUCCESS",
        lines: [
          { conversion_string: "appxk9", status: "Already converted", smart_license: "Cisco 1100 Series with 8 LAN Ports, AppX License" },
          { conversion_string: "securityk9", status: "Already converted", smart_license: "Cisco 1100 Series with 8 LAN Ports, Security License" },
          { conversion_string: "hseck9", status: "Already converted", smart_license: "ISR_1100_8P_Hsec" },
        ],
      });
      expect(await snapshot()).toEqual(before);
    });

    it("records unmapped lines as Failed (E-44) next to already converted ones, and converts new ones", async () => {
      const failed = await dlc(report([appx, unknown]));
      expect(failed).toMatchObject({
        status: "FAILED",
        lines: [
          { conversion_string: "appxk9", status: "Already converted" },
          { conversion_string: "voice-pack", status: "Failed", smart_license: null },
        ],
      });
      const [conversion] = await db.select().from(conversions).where(eq(conversions.id, failed.conversion_id!));
      expect(conversion.status).toBe("FAILED");
      expect(await db.select().from(conversionLines).where(eq(conversionLines.conversionId, conversion.id))).toMatchObject([
        { conversionString: "voice-pack", status: "Failed", quantity: 2, sku: "RTU", message: "No Smart License equivalent for voice-pack." },
      ]);
      const written = await db.select().from(events).where(eq(events.conversionId, conversion.id)).orderBy(asc(events.id));
      expect(written.map((e) => [e.type, e.message])).toEqual([
        ["E-42", "Device-led conversion data was received from PID:C1111-8PLTEEAWB,SN:FGL214391J3."],
        ["E-44", "Device-led conversion for PID:C1111-8PLTEEAWB,SN:FGL214391J3 could not convert voice-pack: No Smart License equivalent for voice-pack."],
      ]);

      const ipsec = { conversion_type: "RTU" as const, conversion_string: "ipsec200", conversion_count: 1, entitlement_tag: entitlementTag(5) };
      const mixed = await dlc(report([security, ipsec, ipsec]));
      expect(mixed.status).toBe("SUCCESS");
      expect(mixed.conversion_id).not.toBe(failed.conversion_id);
      expect(mixed.lines.map((l) => l.status)).toEqual(["Already converted", "Converted", "Already converted"]);
      expect(await licenseRow(VA01, 5)).toMatchObject({ purchased: 2, balance: 1 });
      await expectInvariants();
    });

    it("converts the device's traditional lines of the same feature, which W-20 then refuses", async () => {
      const id = await addTradDevice(db, { pid: DLC_PID, sn: "FGL214391ZZ", owner: "eg-admin", feature: "hseck9", pak: "8PL2M6N4B9V", sa: EG, va: VA01 });
      const lineId = tradLineId(`${DLC_PID}:FGL214391ZZ`, "hseck9");
      expect((await listConvertibleDevices(db, await ctxOf("eg-admin"), { sa: EG, page: 1, pageSize: 10 })).rows.map((r) => r.id)).toEqual([id]);
      expect(await pakLine("8PL2M6N4B9V")).toMatchObject({ qtyFulfilled: 1, qtyConverted: 1 });

      const ack = await dlc(report([{ conversion_type: "PAK", conversion_string: "hseck9", conversion_count: 1 }], DLC_PID, "FGL214391ZZ"));
      expect(ack.lines).toEqual([{ conversion_string: "hseck9", status: "Converted", smart_license: "ISR_1100_8P_Hsec" }]);
      const [line] = await db.select().from(tradLicenseLines).where(eq(tradLicenseLines.id, lineId));
      expect(line.status).toBe("CONVERTED");
      expect(await pakLine("8PL2M6N4B9V")).toMatchObject({ qtyFulfilled: 0, qtyConverted: 2 });
      expect((await listConvertibleDevices(db, await ctxOf("eg-admin"), { sa: EG, page: 1, pageSize: 10 })).total).toBe(0);
      await expectRefused("eg-admin", device({ deviceId: id, destinationVaId: VA01, lines: [{ lineId, quantity: 1 }] }), ValidationError, STALE_ITEM);
      await expectInvariants();
    });
  });

  describe("S-23 history and S-24 event log", () => {
    it("lists newest first, searches by device or family, and scopes VA roles to their VAs", async () => {
      const all = await listConversions(db, await ctxOf("eg-admin"), { sa: EG, page: 1, pageSize: 25 });
      expect(all.total).toBe(10);
      for (let i = 1; i < all.rows.length; i++) expect(all.rows[i - 1].initiatedAt.getTime()).toBeGreaterThanOrEqual(all.rows[i].initiatedAt.getTime());
      expect(all.rows.at(-1)).toMatchObject({ device: "2QW9E4R7T5Y" });
      const byDevice = await listConversions(db, await ctxOf("eg-admin"), { sa: EG, q: "udi_sn:fgl214391j3", page: 1, pageSize: 25 });
      expect(byDevice.rows.map((r) => r.status)).toEqual(expect.arrayContaining(["Licenses Converted", "Conversion Failed"]));
      expect(byDevice.total).toBe(3);
      expect((await listConversions(db, await ctxOf("eg-admin"), { sa: EG, q: "cloud services", page: 1, pageSize: 25 })).total).toBe(1);
      // eg-vauser (VA User on Eg-VA-01) sees the conversions into Eg-VA-01 only.
      const mine = await listConversions(db, await ctxOf("eg-vauser"), { sa: EG, page: 1, pageSize: 25 });
      expect(mine.total).toBe(5);
      expect(mine.rows.every((r) => r.source === "Device")).toBe(true);
    });

    it("shows only CONV events in the Convert event log", async () => {
      const log = await queryEvents(db, await ctxOf("eg-admin"), eventFilterSchema.parse({ scope: "conv", id: EG, pageSize: 100 }));
      expect(new Set(log.rows.map((r) => r.type))).toEqual(new Set(["E-40", "E-41", "E-42", "E-43", "E-44"]));
      const vaUser = await queryEvents(db, await ctxOf("eg-vauser"), eventFilterSchema.parse({ scope: "conv", id: EG, pageSize: 100 }));
      expect(vaUser.rows.some((r) => r.type === "E-40")).toBe(false);
      expect(vaUser.rows.some((r) => r.type === "E-42")).toBe(true);
    });
  });

  // PGlite serves one connection, so real concurrency can only be shown on PostgreSQL.
  if (driver === "postgres") {
    it("V-3: 10 concurrent conversions from the same page of a PAK — one succeeds, the others find it changed", async () => {
      const id = await db.transaction(async (tx) => {
        const [p] = await tx
          .insert(paks)
          .values({ pak: "CONC0000001", orderNumber: "107399999", orderDate: "2024-03-01", ownerUserId: userId("eg-admin"), smartAccountId: EG, virtualAccountId: CORE_TAC })
          .returning();
        await tx.insert(pakLines).values({ pakId: p.id, sku: "C1-ISE-BASE-T", featureName: "ise-base", licenseDefinitionId: licenseId(40), qtyOrdered: 10 });
        return p.id;
      });
      const [line] = await db.select().from(pakLines).where(eq(pakLines.pakId, id));
      const url = new URL(process.env.TEST_DATABASE_URL!);
      const [{ name }] = (await db.execute(sql`select current_database() as name`)) as unknown as { name: string }[];
      url.pathname = `/${name}`;
      const ctx = await ctxOf("eg-admin");
      const handles = await Promise.all(Array.from({ length: 10 }, () => openPostgres(url.toString())));
      try {
        const outcomes = await Promise.allSettled(
          handles.map((hh) =>
            hh.db.transaction((tx) =>
              convertPak(tx, ctx, actorOf("eg-admin"), { pakId: id, destinationVaId: CORE_TAC, lines: [{ pakLineId: line.id, quantity: 1, available: 10 }] }),
            ),
          ),
        );
        const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
        expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
        for (const r of refused) expect((r.reason as Error).message).toBe(STALE_ITEM);
      } finally {
        await Promise.all(handles.map((hh) => hh.close()));
      }
      const [after] = await db.select().from(pakLines).where(eq(pakLines.id, line.id));
      expect(after).toMatchObject({ qtyConverted: 1, qtyFulfilled: 0 });
      const lots = await db.select().from(licenseLots).where(eq(licenseLots.sourceRef, "CONC0000001"));
      expect(lots.map((l) => l.quantity)).toEqual([1]);
      await expectInvariants();
    });
  }
});

/** The seed's id of a traditional line (`{pid}:{sn}`, feature). */
function tradLineId(udi: string, feature: string): string {
  const [pid, sn] = udi.split(":");
  return uuidv5(`trad-license-line:${pid}:${sn}:${feature}`);
}

/** A traditional device with one PERMANENT line fulfilled from the PAK's first line (W-43 as it would have run). */
async function addTradDevice(
  db: Db,
  d: { pid: string; sn: string; owner: string; feature: string; pak: string; sa?: string; va?: string },
): Promise<string> {
  const id = tradDeviceId(d.pid, d.sn);
  await db.transaction(async (tx) => {
    await tx.insert(tradDevices).values({ id, udiPid: d.pid, udiSn: d.sn, productFamily: "Cisco 1100 Series Integrated Services Routers", ownerUserId: userId(d.owner), smartAccountId: d.sa ?? null, virtualAccountId: d.va ?? null });
    await tx.insert(tradLicenseLines).values({
      id: tradLineId(`${d.pid}:${d.sn}`, d.feature),
      deviceId: id,
      pakLineId: pakLineId(d.pak, 1),
      feature: d.feature,
      type: "PERMANENT",
      count: 1,
      status: "ACTIVE",
      issuedAt: new Date("2024-03-01T00:00:00Z"),
    });
    await tx.update(pakLines).set({ qtyFulfilled: sql`${pakLines.qtyFulfilled} + 1` }).where(eq(pakLines.id, pakLineId(d.pak, 1)));
  });
  return id;
}
