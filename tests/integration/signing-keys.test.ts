import { generateKeyPairSync } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { signingKeys } from "@/db/schema";
import { effectivePolicyForVirtualAccount, policyData, policyFileXml } from "@/lib/policy/document";
import { EG_SA, vaId } from "@/lib/seed/demo/ids";
import { findSignedElements, signData, verifySignedElement } from "@/lib/signing/document";
import { currentSigningKey, ensureSigningKey, publishedSigningKeys, rotateSigningKey } from "@/lib/signing/keys";
import { drivers } from "@/tests/helpers/db";
import { T0, useDemoDatabase } from "@/tests/helpers/demo-db";

describe.each(drivers)("F-4 signing keys and F-5 policy documents (%s)", (driver) => {
  const { db } = useDemoDatabase(driver, { clock: T0 });

  afterAll(() => {
    delete process.env.ACK_SIGNING_PRIVATE_KEY;
  });

  const pemMap = async () => new Map((await publishedSigningKeys(db)).map((k) => [k.keyId, k.publicPem]));

  it("creates exactly one current key once, stored wrapped, and signs with it", async () => {
    await ensureSigningKey(db);
    await ensureSigningKey(db);
    const rows = await db.select().from(signingKeys);
    expect(rows).toHaveLength(1);
    expect(rows[0].keyId).toBe("k-2024-03");
    expect(rows[0].retiredAt).toBeNull();
    expect(rows[0].privatePem.toString("utf8")).not.toContain("PRIVATE KEY");
    const signed = await signData(db, { hello: "world" });
    expect(signed.keyId).toBe("k-2024-03");
    expect(verifySignedElement(signed, await pemMap())).toBe(true);
  });

  it("rotates: the new key signs, the retired one stays published and still verifies", async () => {
    const before = await signData(db, { n: 1 });
    const newId = await rotateSigningKey(db);
    expect(newId).toBe("k-2024-03-2");
    expect((await currentSigningKey(db)).keyId).toBe(newId);
    const keys = await publishedSigningKeys(db);
    expect(keys.map((k) => [k.keyId, k.retiredAt === null])).toEqual(
      expect.arrayContaining([["k-2024-03", false], ["k-2024-03-2", true]]),
    );
    expect(verifySignedElement(before, await pemMap())).toBe(true);
    expect((await signData(db, { n: 2 })).keyId).toBe(newId);
  });

  it("imports ACK_SIGNING_PRIVATE_KEY once, and a later rotation survives restarts", async () => {
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    process.env.ACK_SIGNING_PRIVATE_KEY = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    await ensureSigningKey(db);
    const imported = await currentSigningKey(db);
    expect(imported.keyId).toBe("k-2024-03-3");
    const rotated = await rotateSigningKey(db);
    await ensureSigningKey(db); // a restart with the same environment
    expect((await currentSigningKey(db)).keyId).toBe(rotated);
  });

  it("builds the F-5 policy of a VA per P-4 with value sources, signed", async () => {
    const slp = await effectivePolicyForVirtualAccount(db, vaId(EG_SA, "Eg-VA-01"));
    expect(slp.name).toBe("SLP Policy");
    const data = policyData(slp, T0);
    expect(data.ack_required).toEqual({ value: true, source: "Customer Policy" });
    expect(data.categories.unp).toEqual({
      first: { value: 30, source: "Customer Policy" },
      frequency: { value: 60, source: "Customer Policy" },
      on_change: { value: 60, source: "Customer Policy" },
    });
    expect(data.categories.enf.first).toEqual({ value: 0, source: "CISCO default" });
    const def = await effectivePolicyForVirtualAccount(db, vaId(EG_SA, "Eg-VA-02"));
    expect(def.name).toBe("Cisco default");
    expect(policyData(def, T0).categories.uns.first).toEqual({ value: 90, source: "CISCO default" });
    const xml = await policyFileXml(db, slp, T0);
    const [el] = findSignedElements(xml);
    expect(el.element).toBe("smartLicensePolicy");
    expect(JSON.parse(el.dataText).name).toBe("SLP Policy");
    expect(verifySignedElement(el, await pemMap())).toBe(true);
  });
});
