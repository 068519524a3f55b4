import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  events,
  outbox,
  pakLines,
  paks,
  rehostTransactions,
  rmaRequests,
  tradDevices,
  tradHiddenPaks,
  tradLicenseFiles,
  tradLicenseLines,
  userPaks,
} from "@/db/schema";
import { loadAccess } from "@/lib/access/context";
import { ForbiddenError, NotFoundError } from "@/lib/access/errors";
import { BU_SA, EG_SA, pakId, pakLineId, saId, tradDeviceId, userId, vaId } from "@/lib/seed/demo/ids";
import { publishedSigningKeys } from "@/lib/signing/keys";
import { verifyMessage } from "@/lib/signing/sign";
import { addDevice } from "@/lib/traditional/add-device";
import { addPaks } from "@/lib/traditional/add-paks";
import { assignToSmartAccount } from "@/lib/traditional/assign-to-smart-account";
import { rehostTicketFromPermissionTicket, SIGNATURE_MISMATCH } from "@/lib/traditional/device-tools";
import { writeDeviceCredential } from "@/lib/traditional/formats/device-credential";
import { parseLicenseFile } from "@/lib/traditional/formats/license-file";
import { parsePermissionTicket } from "@/lib/traditional/formats/permission-ticket";
import { fulfillPak, type FulfillPakInput, pakForFulfillment } from "@/lib/traditional/fulfill-pak";
import { hidePaks } from "@/lib/traditional/hide-paks";
import { listDevices } from "@/lib/traditional/list-devices";
import { listLicenseLines } from "@/lib/traditional/list-licenses";
import { listPakRows, pakListSchema } from "@/lib/traditional/list-paks";
import { listTransactions } from "@/lib/traditional/list-transactions";
import { TRAD_MSG } from "@/lib/traditional/messages";
import { completeRehost, issuePermissionTicket, rehostSource } from "@/lib/traditional/rehost-license";
import { replaceRmaDevice } from "@/lib/traditional/replace-rma-device";
import { requestDemoLicense } from "@/lib/traditional/request-demo-license";
import { resendLicenses } from "@/lib/traditional/resend-licenses";
import { drivers } from "@/tests/helpers/db";
import { type Op, useDemoDatabase } from "@/tests/helpers/demo-db";

const NOW = new Date("2024-03-10T13:00:00Z");
const CSR = { pid: "CSR1000V", sn: "9QLBLATKXM4" };

describe.each(drivers)("Traditional licensing W-43..W-48 (%s)", (driver) => {
  const { db, ctxOf, as } = useDemoDatabase(driver, { clock: NOW });

  async function snapshot() {
    const all = async (rows: Promise<unknown[]>) => (await rows).map((r) => JSON.stringify(r)).sort();
    return {
      paks: await all(db.select().from(paks)),
      pakLines: await all(db.select().from(pakLines)),
      devices: await all(db.select().from(tradDevices)),
      lines: await all(db.select().from(tradLicenseLines)),
      files: await db.$count(tradLicenseFiles),
      rehosts: await all(db.select().from(rehostTransactions)),
      rmas: await db.$count(rmaRequests),
      userPaks: await db.$count(userPaks),
      hidden: await db.$count(tradHiddenPaks),
      events: await db.$count(events),
      outbox: await db.$count(outbox),
    };
  }

  /** A refused input answers `error` and changes nothing (V-4). */
  async function refused<T>(cco: string, op: Op<T>, error: string | (new (...a: never[]) => Error)) {
    const before = await snapshot();
    const attempt = as(cco, op);
    if (typeof error === "string") await expect(attempt).rejects.toThrow(error);
    else await expect(attempt).rejects.toBeInstanceOf(error);
    expect(await snapshot()).toEqual(before);
  }

  const pakNames = async (cco: string, showHidden = false) => {
    const ctx = await ctxOf(cco);
    const { rows } = await listPakRows(db, ctx, pakListSchema.parse({ pageSize: 100, showHidden: showHidden ? "1" : "0" }));
    return rows;
  };
  const lineOf = async (pak: string, n = 1) =>
    (await db.select().from(pakLines).where(eq(pakLines.id, pakLineId(pak, n))))[0];
  const fulfil = (input: Partial<FulfillPakInput> & { pak: string; lines: FulfillPakInput["lines"] }): Op<Awaited<ReturnType<typeof fulfillPak>>> =>
    (tx, ctx, actor) =>
      fulfillPak(tx, ctx, actor, {
        device: { productFamily: "Cisco 1100 Series Integrated Services Routers", pid: "C1111-8P", sn: "FGL2231A0AB" },
        sendTo: ["admin@example.com", "noc@example.com"],
        acceptTerms: true,
        ...input,
      } as FulfillPakInput);

  describe("S-58 Transactions History", () => {
    it("holds DD-10's 6 rows after the seed", async () => {
      const ctx = (await loadAccess(db, userId("eg-admin")))!;
      const { rows, total } = await listTransactions(db, ctx, { page: 1, pageSize: 10 });
      expect(total).toBe(6);
      expect(rows.map((r) => [r.occurredAt.toISOString().slice(0, 10), r.transaction, r.pak, r.device, r.user, r.status])).toEqual([
        ["2023-12-11", "Demo License", null, "CISCO2951:FHH1211P037", "eg-admin", "Completed"],
        ["2023-09-22", "Assign to Smart Account", null, "CSR1000V:9QLBLATKXM4", "eg-admin", "Completed"],
        ["2023-09-17", "PAK Fulfillment", "7HN4W2C9D3K", "CSR1000V:9QLBLATKXM4", "eg-admin", "Completed"],
        ["2023-04-15", "PAK Fulfillment", null, "AS54XM-AC-RPS:JAE0948QXKD", "eg-admin", "Completed"],
        ["2023-03-26", "PAK Fulfillment", null, "CISCO2951:FHH1211P037", "eg-admin", "Completed"],
        ["2023-02-24", "PAK Fulfillment", null, "ASR-920-12CZ-A:CAT1748U1B6", "bu-admin", "Completed"],
      ]);
      const buRows = await listTransactions(db, (await loadAccess(db, userId("bu-admin")))!, { page: 1, pageSize: 10 });
      expect(buRows.rows.map((r) => r.device)).toEqual(["ASR-920-12CZ-A:CAT1748U1B6"]);
      // Every seeded line carries its F-11 text, and each issue its file.
      const lines = await db.select().from(tradLicenseLines);
      expect(lines.every((l) => l.lineText && l.hash && parseLicenseFile(l.lineText)[0].hashMatches)).toBe(true);
      const csrFile = await db.select().from(tradLicenseFiles).where(eq(tradLicenseFiles.deviceId, tradDeviceId("CSR1000V", "9QLBLATKXM4")));
      expect(csrFile.map((f) => [f.fileName, f.kind])).toEqual([["9QLBLATKXM4_20230917120000.lic", "PAK"]]);
      const [key] = await publishedSigningKeys(db);
      const [parsed] = parseLicenseFile(csrFile[0].content);
      expect(parsed).toMatchObject({ feature: "securityk9", kind: "NORMAL", udi: CSR });
      expect(verifyMessage(key.publicPem, parsed.signedText, parsed.signature)).toBe(true);
    });
  });

  describe("S-52 PAK list and access", () => {
    it("lists one row per PAK line with the D-17 status, Used and Available", async () => {
      const rows = await pakNames("eg-admin");
      const byPak = (pak: string) => rows.filter((r) => r.pak === pak);
      expect(new Set(rows.map((r) => r.pak))).toEqual(
        new Set(["3300J8A5F21", "4XR2K7PQ19B", "2QW9E4R7T5Y", "8PL2M6N4B9V", "7HN4W2C9D3K", "9KD3F7B2W1E", "5MQ8T1ZR6PX"]),
      );
      expect(byPak("3300J8A5F21")).toHaveLength(2);
      expect(byPak("3300J8A5F21").map((r) => [r.sku, r.status, r.used, r.available, r.virtualAccountName])).toEqual([
        ["C1-ISE-BASE-T", "UNFULFILLED", 0, 25, "CORE TAC"],
        ["C1-ISE-PLS-T", "UNFULFILLED", 0, 25, "CORE TAC"],
      ]);
      expect(byPak("7HN4W2C9D3K").map((r) => [r.status, r.used, r.available, r.virtualAccountName])).toEqual([["FULFILLED", 1, 0, null]]);
      expect(byPak("2QW9E4R7T5Y").map((r) => [r.status, r.used, r.available])).toEqual([["CONVERTED", 4, 0]]);
      expect(byPak("5MQ8T1ZR6PX").every((r) => r.canWrite)).toBe(true); // Smart Account User of BU Production Test
    });

    it("shows PAKs by ownership or by Smart Account / VA role (lib/traditional/access.ts)", async () => {
      const names = async (cco: string) => [...new Set((await pakNames(cco)).map((r) => r.pak))].sort();
      expect(await names("bu-admin")).toEqual(["5MQ8T1ZR6PX"]);
      expect(await names("eg-vaadmin")).toEqual(["2QW9E4R7T5Y", "8PL2M6N4B9V"]); // VA Admin of Eg-VA-02
      expect(await names("eg-vauser")).toEqual([]);
      expect(await names("eg-viewer")).toEqual(["2QW9E4R7T5Y", "3300J8A5F21", "4XR2K7PQ19B", "8PL2M6N4B9V"]);
      expect((await pakNames("eg-viewer")).every((r) => !r.canWrite)).toBe(true);
      expect(await names("lic-ops")).toEqual([]);

      const devices = async (cco: string) => (await listDevices(db, await ctxOf(cco), { page: 1, pageSize: 100 })).rows.map((d) => d.sn).sort();
      expect(await devices("eg-admin")).toEqual(["9QLBLATKXM4", "CAT1748U1B6", "FHH1211P037", "JAE0948QXKD"]);
      expect(await devices("eg-vauser")).toEqual(["9QLBLATKXM4"]);
      expect(await devices("bu-admin")).toEqual(["CAT1748U1B6"]);
    });

    it("answers another account's PAK as not found (V-50) and refuses read-only users (V-2)", async () => {
      await expect(pakForFulfillment(db, await ctxOf("bu-admin"), "3300J8A5F21")).rejects.toThrow(TRAD_MSG.pakNotFound("3300J8A5F21"));
      await expect(pakForFulfillment(db, await ctxOf("eg-admin"), "bad")).rejects.toThrow(TRAD_MSG.pakFormat);
      await expect(pakForFulfillment(db, await ctxOf("eg-viewer"), "3300j8a5f21 ")).rejects.toBeInstanceOf(ForbiddenError);
      await expect(pakForFulfillment(db, await ctxOf("eg-admin"), "7HN4W2C9D3K")).rejects.toThrow(TRAD_MSG.nothingLeft);
      const pak = await pakForFulfillment(db, await ctxOf("eg-admin"), " 3300j8a5f21");
      expect(pak).toMatchObject({ pak: "3300J8A5F21", partialFulfillment: false, virtualAccountName: "CORE TAC" });
      expect(pak.lines.map((l) => l.available)).toEqual([25, 25]);
    });

    it("adds unowned PAKs to the user's list (E-100); one unknown PAK refuses the whole list", async () => {
      await db.insert(paks).values({ id: pakId("FRESH000001"), pak: "FRESH000001", orderNumber: "900001" });
      await db.insert(pakLines).values({ pakId: pakId("FRESH000001"), sku: "SL-29-SEC-K9", productFamily: "Cisco 2900 Series Integrated Services Routers", featureName: "securityk9", qtyOrdered: 3 });
      await refused("eg-vauser", (tx, ctx, a) => addPaks(tx, ctx, a, { paks: "FRESH000001\n3300J8A5F21" }), TRAD_MSG.pakNotFound("3300J8A5F21"));
      await refused("eg-vauser", (tx, ctx, a) => addPaks(tx, ctx, a, { paks: "FRESH00000" }), TRAD_MSG.pakFormat);
      await refused("eg-vauser", (tx, ctx, a) => addPaks(tx, ctx, a, { paks: "NOSUCHPAK01" }), TRAD_MSG.pakNotFound("NOSUCHPAK01"));
      await refused("eg-vauser", (tx, ctx, a) => addPaks(tx, ctx, a, { paks: Array(11).fill("FRESH000001").join("\n") }), TRAD_MSG.maxPaks);

      expect(await as("eg-vauser", (tx, ctx, a) => addPaks(tx, ctx, a, { paks: " fresh000001 \n\n" }))).toEqual({ added: ["FRESH000001"] });
      const [row] = await db.select().from(paks).where(eq(paks.pak, "FRESH000001"));
      expect(row.ownerUserId).toBe(userId("eg-vauser"));
      expect((await pakNames("eg-vauser")).map((r) => [r.pak, r.status, r.available])).toEqual([["FRESH000001", "UNFULFILLED", 3]]);
      const e100 = await db.select().from(events).where(eq(events.type, "E-100"));
      expect(e100.map((e) => [e.message, e.workspace, e.actorLabel])).toEqual([["PAK FRESH000001 was added to your PAK list.", "TRAD", "eg-vauser"]]);
      // Now owned by eg-vauser: another user can no longer claim it.
      await refused("eg-admin", (tx, ctx, a) => addPaks(tx, ctx, a, { paks: "FRESH000001" }), TRAD_MSG.pakNotFound("FRESH000001"));
    });

    it("hides PAKs per user", async () => {
      await as("eg-admin", (tx, ctx) => hidePaks(tx, ctx, { pakIds: [pakId("4XR2K7PQ19B")], hidden: true }));
      expect((await pakNames("eg-admin")).some((r) => r.pak === "4XR2K7PQ19B")).toBe(false);
      expect((await pakNames("eg-admin", true)).find((r) => r.pak === "4XR2K7PQ19B")?.hidden).toBe(true);
      expect((await pakNames("eg-viewer")).some((r) => r.pak === "4XR2K7PQ19B")).toBe(true);
      await refused("bu-admin", (tx, ctx) => hidePaks(tx, ctx, { pakIds: [pakId("4XR2K7PQ19B")], hidden: true }), NotFoundError);
      await as("eg-admin", (tx, ctx) => hidePaks(tx, ctx, { pakIds: [pakId("4XR2K7PQ19B")], hidden: false }));
      expect((await pakNames("eg-admin")).some((r) => r.pak === "4XR2K7PQ19B")).toBe(true);
    });
  });

  describe("W-43 Get Licenses", () => {
    it("refuses bad input and changes nothing", async () => {
      const line = [{ pakLineId: pakLineId("8PL2M6N4B9V", 1), quantity: 1 }];
      await refused("eg-admin", fulfil({ pak: "8PL2M6N4B9V", lines: line, acceptTerms: false as true }), TRAD_MSG.terms);
      await refused("eg-admin", fulfil({ pak: "8PL2M6N4B9V", lines: [{ ...line[0], quantity: 3 }] }), TRAD_MSG.quantity(2));
      await refused("eg-admin", fulfil({ pak: "8PL2M6N4B9V", lines: [{ ...line[0], quantity: 0 }] }), TRAD_MSG.quantity(2));
      await refused(
        "eg-admin",
        fulfil({ pak: "8PL2M6N4B9V", lines: line, device: { productFamily: "x", pid: "ISR4331/K9", sn: "FDO1" } }),
        TRAD_MSG.pidNotEligible("ISR4331/K9", "FL-1100-8P-HSEC="),
      );
      await refused("eg-admin", fulfil({ pak: "8PL2M6N4B9V", lines: line, device: { productFamily: "x", pid: "C1111-8P", sn: "bad sn!" } }), "Enter a valid serial number.");
      await refused("eg-viewer", fulfil({ pak: "8PL2M6N4B9V", lines: line }), ForbiddenError);
      await refused("bu-admin", fulfil({ pak: "8PL2M6N4B9V", lines: line }), TRAD_MSG.pakNotFound("8PL2M6N4B9V"));
      // INV-10 for a PAK without partial fulfilment: everything left, on every line, at once.
      await refused(
        "eg-admin",
        fulfil({ pak: "3300J8A5F21", lines: [{ pakLineId: pakLineId("3300J8A5F21", 1), quantity: 25 }], device: { productFamily: "Identity Services Engine", pid: "SNS-3655-K9", sn: "ISE0001" } }),
        TRAD_MSG.fullOnly,
      );
    });

    it("issues a node-locked F-11 file, adds to qty_fulfilled and mails it (E-108, E-101)", async () => {
      const result = await as(
        "eg-admin",
        fulfil({ pak: "8pl2m6n4b9v", lines: [{ pakLineId: pakLineId("8PL2M6N4B9V", 1), quantity: 1 }] }),
      );
      expect(result.fileName).toBe("FGL2231A0AB_20240310130000.lic");
      expect(await lineOf("8PL2M6N4B9V")).toMatchObject({ qtyFulfilled: 1, qtyConverted: 0 });
      expect((await pakNames("eg-admin")).find((r) => r.pak === "8PL2M6N4B9V")).toMatchObject({ status: "PARTIALLY FULFILLED", used: 1, available: 1 });

      const [device] = await db.select().from(tradDevices).where(eq(tradDevices.udiSn, "FGL2231A0AB"));
      // A new device takes the PAK's Smart Account and VA.
      expect(device).toMatchObject({ udiPid: "C1111-8P", ownerUserId: userId("eg-admin"), smartAccountId: saId(EG_SA), virtualAccountId: vaId(EG_SA, "Eg-VA-02") });
      const lines = await db.select().from(tradLicenseLines).where(eq(tradLicenseLines.deviceId, device.id));
      expect(lines.map((l) => [l.feature, l.type, l.count, l.status, l.pakLineId])).toEqual([["hseck9", "PERMANENT", 1, "ACTIVE", pakLineId("8PL2M6N4B9V", 1)]]);

      const [file] = await db.select().from(tradLicenseFiles).where(eq(tradLicenseFiles.id, result.fileId));
      expect(file).toMatchObject({ kind: "PAK", deviceId: device.id, emailedTo: ["admin@example.com", "noc@example.com"] });
      expect(file.content).toBe(`${lines[0].lineText}\n`);
      const [parsed] = parseLicenseFile(file.content);
      expect(parsed).toMatchObject({ feature: "hseck9", kind: "NORMAL", count: 1, lock: "CL_ND_LCK", udi: { pid: "C1111-8P", sn: "FGL2231A0AB" }, hashMatches: true });
      const [key] = await publishedSigningKeys(db);
      expect(verifyMessage(key.publicPem, parsed.signedText, parsed.signature)).toBe(true);

      const mails = await db.select().from(outbox).orderBy(asc(outbox.to));
      expect(mails.map((m) => m.to)).toEqual(["admin@example.com", "noc@example.com"]);
      expect(mails[0].attachments).toEqual([{ fileName: result.fileName, contentType: "application/octet-stream", content: file.content }]);

      const trad = await db.select().from(events).where(eq(events.workspace, "TRAD")).orderBy(asc(events.id));
      expect(trad.slice(-2).map((e) => e.message)).toEqual([
        "Device C1111-8P:FGL2231A0AB was added.",
        "1 license line(s) from PAK 8PL2M6N4B9V were issued to C1111-8P:FGL2231A0AB.",
      ]);
    });

    it("fulfils a full-only PAK all at once, then has nothing left", async () => {
      const lines = [1, 2].map((n) => ({ pakLineId: pakLineId("3300J8A5F21", n), quantity: 25 }));
      const device = { productFamily: "Identity Services Engine", pid: "SNS-3655-K9", sn: "ISE0001" };
      await as("eg-admin", fulfil({ pak: "3300J8A5F21", lines, device }));
      for (const n of [1, 2]) expect(await lineOf("3300J8A5F21", n)).toMatchObject({ qtyOrdered: 25, qtyFulfilled: 25 });
      const issued = await db
        .select()
        .from(tradLicenseLines)
        .innerJoin(tradDevices, eq(tradDevices.id, tradLicenseLines.deviceId))
        .where(eq(tradDevices.udiSn, "ISE0001"));
      // Term lines are SUBSCRIPTION lines up to the term end, node-locked, with real dates.
      expect(issued.map((r) => [r.trad_license_lines.type, r.trad_license_lines.count])).toEqual([["SUBSCRIPTION", 25], ["SUBSCRIPTION", 25]]);
      const [parsed] = parseLicenseFile(issued[0].trad_license_lines.lineText!);
      expect(parsed).toMatchObject({ kind: "SUBSCRIPTION", lock: "CL_ND_LCK", hours: 850 * 24 - 13 });
      expect(parsed.start?.toISOString()).toBe("2024-03-10T00:00:00.000Z");
      await refused("eg-admin", fulfil({ pak: "3300J8A5F21", lines, device }), TRAD_MSG.nothingLeft);
    });
  });

  describe("W-47 resend and S-55 look-up", () => {
    it("resends every ACTIVE line byte-identically to its first issue (E-106)", async () => {
      const deviceId = (await db.select().from(tradDevices).where(eq(tradDevices.udiSn, "FGL2231A0AB")))[0].id;
      const again = await as("eg-vaadmin", (tx, ctx, a) => resendLicenses(tx, ctx, a, { deviceId, delivery: "download" }));
      const [resent] = await db.select().from(tradLicenseFiles).where(eq(tradLicenseFiles.id, again.fileId));
      const [original] = await db.select().from(tradLicenseFiles).where(and(eq(tradLicenseFiles.deviceId, deviceId), eq(tradLicenseFiles.kind, "PAK")));
      expect(resent.kind).toBe("RESEND");
      expect(resent.content).toBe(original.content);

      // A seeded device: three lines from two issues, each block as first issued.
      const cisco = tradDeviceId("CISCO2951", "FHH1211P037");
      const mailed = await as("eg-admin", (tx, ctx, a) => resendLicenses(tx, ctx, a, { deviceId: cisco, delivery: "email", sendTo: ["ops@example.com"] }));
      const seeded = await db.select().from(tradLicenseFiles).where(eq(tradLicenseFiles.deviceId, cisco)).orderBy(asc(tradLicenseFiles.createdAt));
      const content = seeded.find((f) => f.id === mailed.fileId)!.content;
      expect(content).toBe(seeded[0].content.replace(/\n$/, "") + "\n\n" + seeded[1].content);
      expect(parseLicenseFile(content).map((l) => [l.feature, l.kind])).toEqual([["securityk9", "NORMAL"], ["uc", "NORMAL"], ["data", "TRIAL"]]);
      const e106 = await db.select().from(events).where(eq(events.type, "E-106")).orderBy(asc(events.id));
      expect(e106.map((e) => e.message)).toEqual([
        "All licenses of C1111-8P:FGL2231A0AB were downloaded.",
        "All licenses of CISCO2951:FHH1211P037 were e-mailed to ops@example.com.",
      ]);
      const [mail] = await db.select().from(outbox).where(eq(outbox.to, "ops@example.com"));
      expect((mail.attachments as { content: string }[])[0].content).toBe(content);
      await refused("bu-admin", (tx, ctx, a) => resendLicenses(tx, ctx, a, { deviceId: cisco, delivery: "download" }), NotFoundError);
    });

    it("finds lines by UDI, serial number or PAK", async () => {
      const ctx = await ctxOf("eg-admin");
      const find = async (q: string) => (await listLicenseLines(db, ctx, { q, page: 1, pageSize: 100 })).rows.map((r) => `${r.udi} ${r.feature}`).sort();
      expect(await find("7hn4w2c9d3k")).toEqual(["CSR1000V:9QLBLATKXM4 securityk9"]);
      expect(await find("FHH1211")).toEqual(["CISCO2951:FHH1211P037 data", "CISCO2951:FHH1211P037 securityk9", "CISCO2951:FHH1211P037 uc"]);
      expect(await find("ASR-920-12CZ-A:CAT1748U1B6")).toEqual(["ASR-920-12CZ-A:CAT1748U1B6 10GEupgradelicense", "ASR-920-12CZ-A:CAT1748U1B6 1GEupgradelicense"]);
    });
  });

  describe("W-44 demo licenses", () => {
    const demo = (pid: string, sn: string, feature = "securityk9", productFamily = "Cloud Services Router") =>
      ((tx, ctx, a) => requestDemoLicense(tx, ctx, a, { productFamily, feature, pid, sn, acceptTerms: true })) as Op<{ fileId: string }>;

    it("issues one 60-day TRIAL line per feature and UDI (V-55, E-102)", async () => {
      const { fileId } = await as("eg-vauser", demo("CSR1000V", "EVAL0000001"));
      const [file] = await db.select().from(tradLicenseFiles).where(eq(tradLicenseFiles.id, fileId));
      expect(file.kind).toBe("DEMO");
      expect(parseLicenseFile(file.content)).toMatchObject([{ feature: "securityk9", kind: "TRIAL", hours: 1440, lock: "DEMO", udi: null, count: null }]);
      const [line] = await db.select().from(tradLicenseLines).where(eq(tradLicenseLines.hash, parseLicenseFile(file.content)[0].hash));
      expect(line).toMatchObject({ type: "EVALUATION", expiresAt: new Date("2024-05-09T13:00:00Z") });
      const [e102] = await db.select().from(events).where(eq(events.type, "E-102")).orderBy(asc(events.id)).offset(1);
      expect(e102.message).toBe("An evaluation license for securityk9 was issued to CSR1000V:EVAL0000001, valid 60 days.");

      await refused("eg-vauser", demo("csr1000v", "eval0000001"), TRAD_MSG.demoAgain("securityk9"));
      await refused("eg-admin", demo("CISCO2951", "FHH1211P037", "data", "Cisco 2900 Series Integrated Services Routers"), TRAD_MSG.demoAgain("data"));
      await refused("eg-vauser", demo("C1111-8P", "EVAL0000002", "hseck9", "Cisco 1100 Series Integrated Services Routers"), TRAD_MSG.notEvaluable("hseck9"));
      await refused("eg-vauser", (tx, ctx, a) => requestDemoLicense(tx, ctx, a, { productFamily: "Cloud Services Router", feature: "securityk9", pid: "CSR1000V", sn: "EVAL0000003", acceptTerms: false as true }), TRAD_MSG.terms);
    });
  });

  describe("W-45 rehost", () => {
    const credential = writeDeviceCredential(CSR);
    let permissionTicket = "";
    let rehostId = "";

    it("checks the device credential (V-56) and lists ACTIVE PERMANENT lines", async () => {
      const ctx = await ctxOf("eg-admin");
      await expect(rehostSource(db, ctx, { ...CSR, credential: writeDeviceCredential({ pid: "CSR1000V", sn: "OTHER" }) })).rejects.toThrow(
        TRAD_MSG.credential("CSR1000V:9QLBLATKXM4"),
      );
      await expect(rehostSource(db, ctx, { ...CSR, credential: credential.replace(/Credential: .*/, "Credential: " + "A".repeat(43) + "=") })).rejects.toThrow(
        TRAD_MSG.credential("CSR1000V:9QLBLATKXM4"),
      );
      await expect(rehostSource(db, ctx, { ...CSR, credential: "nonsense" })).rejects.toThrow(TRAD_MSG.credential("CSR1000V:9QLBLATKXM4"));
      await expect(rehostSource(db, await ctxOf("eg-viewer"), { ...CSR, credential })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(rehostSource(db, await ctxOf("bu-admin"), { ...CSR, credential })).rejects.toThrow(TRAD_MSG.deviceNotFound("CSR1000V:9QLBLATKXM4"));
      const { lines } = await rehostSource(db, ctx, { pid: "csr1000v", sn: "9qlblatkxm4", credential });
      expect(lines.map((l) => [l.feature, l.pak])).toEqual([["securityk9", "7HN4W2C9D3K"]]);
      // Evaluation lines are not rehostable.
      const cisco = await rehostSource(db, ctx, { pid: "CISCO2951", sn: "FHH1211P037", credential: writeDeviceCredential({ pid: "CISCO2951", sn: "FHH1211P037" }) });
      expect(cisco.lines.map((l) => l.feature).sort()).toEqual(["securityk9", "uc"]);
    });

    it("issues a signed permission ticket, adding a 60-day GRACE line (E-103)", async () => {
      const ctx = await ctxOf("eg-admin");
      const { lines } = await rehostSource(db, ctx, { ...CSR, credential });
      ({ rehostId } = await as("eg-admin", (tx, c, a) => issuePermissionTicket(tx, c, a, { ...CSR, credential, lineIds: [lines[0].id] })));
      const [rehost] = await db.select().from(rehostTransactions).where(eq(rehostTransactions.id, rehostId));
      expect(rehost).toMatchObject({ status: "PERMISSION_TICKET_ISSUED", selectedLineIds: [lines[0].id], graceExpiresAt: new Date("2024-05-09T13:00:00Z") });
      permissionTicket = rehost.permissionTicket!;
      const pt = parsePermissionTicket(permissionTicket);
      expect(pt).toMatchObject({ transaction: rehostId, sourceUdi: CSR, removes: [{ feature: "securityk9", version: "1.0", count: 1 }] });
      const grace = await db
        .select()
        .from(tradLicenseLines)
        .where(and(eq(tradLicenseLines.deviceId, tradDeviceId("CSR1000V", "9QLBLATKXM4")), eq(tradLicenseLines.type, "GRACE")));
      expect(grace.map((g) => [g.feature, g.status, g.expiresAt?.toISOString()])).toEqual([["securityk9", "ACTIVE", "2024-05-09T13:00:00.000Z"]]);
      expect(pt.adds).toEqual([grace[0].lineText!.split("\n")[0].slice("License: ".length)]);
      expect(parseLicenseFile(grace[0].lineText!)[0]).toMatchObject({ kind: "GRACE", hours: 1440, lock: "CL_ND_LCK", udi: CSR });
      // The selected line is held by the open transaction.
      expect((await rehostSource(db, ctx, { ...CSR, credential })).lines).toEqual([]);
      const [e103] = await db.select().from(events).where(eq(events.type, "E-103"));
      expect(e103.message).toBe("A permission ticket to move 1 license(s) from CSR1000V:9QLBLATKXM4 was issued.");
      const history = await listTransactions(db, ctx, { page: 1, pageSize: 10 });
      expect(history.rows[0]).toMatchObject({ transaction: "Rehost", status: "Permission Ticket Issued", canContinue: true, rehostId });
    });

    it("refuses a tampered permission ticket in the device tool (V-28)", async () => {
      await expect(rehostTicketFromPermissionTicket(db, permissionTicket.replace("securityk9 1.0", "securityk9 2.0"))).rejects.toThrow(SIGNATURE_MISMATCH);
    });

    it("checks the rehost ticket (V-57), then moves the lines to the destination (E-104)", async () => {
      const rt = await rehostTicketFromPermissionTicket(db, permissionTicket);
      const dest = { pid: "CSR1000V", sn: "9NEWDEVICE1" };
      const complete = (ticket: string, to = dest): Op<{ fileId: string }> => (tx, ctx, a) => completeRehost(tx, ctx, a, { rehostId, rehostTicket: ticket, ...to });
      await refused("eg-admin", complete(rt, CSR), TRAD_MSG.rehostSameDevice);
      await refused("eg-admin", complete(rt.replace(/Proof: .*/, "Proof: " + "B".repeat(43) + "=")), TRAD_MSG.rehostTicket);
      await refused("eg-admin", complete(rt.replace(/Revoked: .*\n/, "Revoked: *AAAAAAAAAAAAAAAAAA\n")), TRAD_MSG.rehostTicket);
      await refused("eg-admin", complete("RehostTicket: 1.0\n"), TRAD_MSG.rehostTicket);
      await refused("bu-admin", complete(rt), TRAD_MSG.rehostTicket);

      const { fileId } = await as("eg-admin", complete(rt));
      const lines = await db.select().from(tradLicenseLines).where(eq(tradLicenseLines.deviceId, tradDeviceId("CSR1000V", "9QLBLATKXM4")));
      expect(lines.map((l) => [l.type, l.status]).sort()).toEqual([["GRACE", "ACTIVE"], ["PERMANENT", "REHOSTED"]]);
      const [destDevice] = await db.select().from(tradDevices).where(eq(tradDevices.udiSn, "9NEWDEVICE1"));
      expect(destDevice).toMatchObject({ smartAccountId: saId(EG_SA), virtualAccountId: vaId(EG_SA, "Eg-VA-01") });
      const destLines = await db.select().from(tradLicenseLines).where(eq(tradLicenseLines.deviceId, destDevice.id));
      expect(destLines.map((l) => [l.feature, l.type, l.count, l.status, l.pakLineId])).toEqual([["securityk9", "PERMANENT", 1, "ACTIVE", pakLineId("7HN4W2C9D3K", 1)]]);
      const [file] = await db.select().from(tradLicenseFiles).where(eq(tradLicenseFiles.id, fileId));
      expect(file).toMatchObject({ kind: "REHOST", emailedTo: ["admin@example.com"] });
      expect(parseLicenseFile(file.content)[0].udi).toEqual(dest);
      const [rehost] = await db.select().from(rehostTransactions).where(eq(rehostTransactions.id, rehostId));
      expect(rehost).toMatchObject({ status: "COMPLETED", destUdi: "CSR1000V:9NEWDEVICE1", rehostTicket: rt });
      const [e104] = await db.select().from(events).where(eq(events.type, "E-104"));
      expect(e104.message).toBe("Licenses were moved from CSR1000V:9QLBLATKXM4 to CSR1000V:9NEWDEVICE1.");
      // The PAK line's quantities do not change: the license moved.
      expect(await lineOf("7HN4W2C9D3K")).toMatchObject({ qtyFulfilled: 1 });
      // A used rehost ticket is refused.
      await refused("eg-admin", complete(rt, { pid: "CSR1000V", sn: "9NEWDEVICE2" }), TRAD_MSG.rehostTicket);

      const history = await listTransactions(db, await ctxOf("eg-admin"), { page: 1, pageSize: 10 });
      expect(history.rows.find((r) => r.rehostId === rehostId)).toMatchObject({
        status: "Completed",
        canContinue: false,
        details: "Licenses were moved from CSR1000V:9QLBLATKXM4 to CSR1000V:9NEWDEVICE1.",
      });
    });
  });

  describe("W-46 RMA", () => {
    const rma = (replacementSn: string, rmaNumber?: string, failedSn = "JAE0948QXKD"): Op<{ fileId: string }> => (tx, ctx, a) =>
      replaceRmaDevice(tx, ctx, a, { failedPid: "AS54XM-AC-RPS", failedSn, replacementPid: "AS54XM-AC-RPS", replacementSn, rmaNumber });

    it("refuses what V-58 refuses", async () => {
      await refused("eg-admin", rma("JAE0948QXKD"), TRAD_MSG.rmaSameDevice);
      await refused("eg-admin", rma("JAE0000RMA1", "TOO-LONG-RMA-NUMBER-123"), TRAD_MSG.rmaNumber);
      await refused("eg-admin", rma("JAE0000RMA1", undefined, "NOSUCHDEVICE"), TRAD_MSG.rmaNoLicenses);
      await refused("eg-viewer", rma("JAE0000RMA1"), TRAD_MSG.rmaNoLicenses); // owned by eg-admin, no Smart Account
      // The replacement already holds `securityk9` (rehosted to it above).
      await refused(
        "eg-admin",
        (tx, ctx, a) => replaceRmaDevice(tx, ctx, a, { failedPid: "CISCO2951", failedSn: "FHH1211P037", replacementPid: "CSR1000V", replacementSn: "9NEWDEVICE1" }),
        TRAD_MSG.rmaFeatureHeld("securityk9"),
      );
    });

    it("issues identical lines to the replacement and retires the failed ones (E-105)", async () => {
      const { fileId } = await as("eg-admin", rma("JAE0000RMA1", "R12345"));
      const failed = await db.select().from(tradLicenseLines).where(eq(tradLicenseLines.deviceId, tradDeviceId("AS54XM-AC-RPS", "JAE0948QXKD")));
      expect(failed.map((l) => l.status)).toEqual(["RMA_REPLACED"]);
      const [file] = await db.select().from(tradLicenseFiles).where(eq(tradLicenseFiles.id, fileId));
      expect(file.kind).toBe("RMA");
      expect(parseLicenseFile(file.content)).toMatchObject([
        { feature: "gsmamrnb-codec-pack", kind: "NORMAL", count: null, comment: "Use this permanent license.", udi: { pid: "AS54XM-AC-RPS", sn: "JAE0000RMA1" } },
      ]);
      const [request] = await db.select().from(rmaRequests);
      expect(request).toMatchObject({ replacementUdi: "AS54XM-AC-RPS:JAE0000RMA1", rmaNumber: "R12345", status: "LICENSES_ISSUED", fileId });
      const [e105] = await db.select().from(events).where(eq(events.type, "E-105"));
      expect(e105.message).toBe("Replacement licenses for failed device AS54XM-AC-RPS:JAE0948QXKD were issued to AS54XM-AC-RPS:JAE0000RMA1 (RMA R12345).");
      // The failed device has nothing left to replace.
      await refused("eg-admin", rma("JAE0000RMA2"), TRAD_MSG.rmaNoLicenses);
    });
  });

  describe("W-48 assign and S-54 Add Device", () => {
    it("assigns a PAK to a Smart Account the user can write; the account then sees it (E-107, E-45)", async () => {
      const target = vaId(EG_SA, "Lab-01");
      expect((await pakNames("eg-viewer")).some((r) => r.pak === "9KD3F7B2W1E")).toBe(false);
      // A VA the user does not see is not found; one they only view is forbidden (V-2).
      await refused("eg-vaadmin", (tx, ctx, a) => assignToSmartAccount(tx, ctx, a, { kind: "PAK", ids: [pakId("8PL2M6N4B9V")], virtualAccountId: target }), NotFoundError);
      await refused("eg-viewer", (tx, ctx, a) => assignToSmartAccount(tx, ctx, a, { kind: "PAK", ids: [pakId("8PL2M6N4B9V")], virtualAccountId: target }), ForbiddenError);
      await refused("bu-admin", (tx, ctx, a) => assignToSmartAccount(tx, ctx, a, { kind: "PAK", ids: [pakId("5MQ8T1ZR6PX")], virtualAccountId: target }), NotFoundError);
      await refused("eg-vaadmin", (tx, ctx, a) => assignToSmartAccount(tx, ctx, a, { kind: "PAK", ids: [pakId("9KD3F7B2W1E")], virtualAccountId: vaId(EG_SA, "Eg-VA-01") }), NotFoundError);

      await as("eg-admin", (tx, ctx, a) => assignToSmartAccount(tx, ctx, a, { kind: "PAK", ids: [pakId("9KD3F7B2W1E")], virtualAccountId: target }));
      const [row] = await db.select().from(paks).where(eq(paks.pak, "9KD3F7B2W1E"));
      expect(row).toMatchObject({ smartAccountId: saId(EG_SA), virtualAccountId: target });
      expect((await pakNames("eg-viewer")).find((r) => r.pak === "9KD3F7B2W1E")?.virtualAccountName).toBe("Lab-01");
      const e107 = await db.select().from(events).where(and(eq(events.type, "E-107"), eq(events.workspace, "TRAD"))).orderBy(asc(events.id));
      expect(e107.at(-1)?.message).toBe('PAK 9KD3F7B2W1E was assigned to Smart Account "Eg-SA-01", virtual account "Lab-01".');
      const [e45] = await db.select().from(events).where(eq(events.type, "E-45"));
      expect(e45).toMatchObject({ message: "PAK 9KD3F7B2W1E is now assigned to this Smart Account.", smartAccountId: saId(EG_SA), shownIn: ["CONV"] });
    });

    it("assigns devices and adds devices (E-108)", async () => {
      const ash = tradDeviceId("ASR-920-12CZ-A", "CAT1748U1B6");
      await as("eg-admin", (tx, ctx, a) => assignToSmartAccount(tx, ctx, a, { kind: "DEVICE", ids: [ash], virtualAccountId: vaId(BU_SA, "DEFAULT") }));
      expect((await db.select().from(tradDevices).where(eq(tradDevices.id, ash)))[0].virtualAccountId).toBe(vaId(BU_SA, "DEFAULT"));
      await refused("eg-admin", (tx, ctx, a) => addDevice(tx, ctx, a, { productFamily: "Cloud Services Router", pid: "CSR1000V", sn: "NEW1" }), TRAD_MSG.vaRequired);
      await refused("eg-admin", (tx, ctx, a) => addDevice(tx, ctx, a, { virtualAccountId: vaId(EG_SA, "Eg-VA-01"), productFamily: "Cloud Services Router", pid: "csr1000v", sn: "9qlblatkxm4" }), TRAD_MSG.deviceExists("csr1000v:9qlblatkxm4"));
      await refused("eg-vauser", (tx, ctx, a) => addDevice(tx, ctx, a, { virtualAccountId: vaId(EG_SA, "Krakow LAN-SW"), productFamily: "x", pid: "CSR1000V", sn: "NEW1" }), ForbiddenError);
      await as("eg-vauser", (tx, ctx, a) => addDevice(tx, ctx, a, { virtualAccountId: vaId(EG_SA, "Eg-VA-01"), productFamily: "Cloud Services Router", pid: "CSR1000V", sn: "NEW1" }));
      const [added] = await db.select().from(tradDevices).where(eq(tradDevices.udiSn, "NEW1"));
      expect(added).toMatchObject({ ownerUserId: userId("eg-vauser"), smartAccountId: saId(EG_SA), virtualAccountId: vaId(EG_SA, "Eg-VA-01") });
    });
  });

});
