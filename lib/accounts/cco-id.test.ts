import { describe, expect, it } from "vitest";
import type { DbOrTx } from "@/db/client";
import { ccoIdBase, deriveCcoId } from "./cco-id";

describe("D-1 ccoIdBase", () => {
  it("takes the email's local part, lower-cased", () => {
    expect(ccoIdBase("John.Doe@Example.com")).toBe("john.doe");
    expect(ccoIdBase("ADMIN@example.com")).toBe("admin");
    expect(ccoIdBase("a_b-c.d9@example.com")).toBe("a_b-c.d9");
  });

  it("replaces every character outside [a-z0-9._-] with -", () => {
    expect(ccoIdBase("first+tag@example.com")).toBe("first-tag");
    expect(ccoIdBase("o'brien@example.com")).toBe("o-brien");
    expect(ccoIdBase("Zoë.Ünal@example.com")).toBe("zo-.-nal");
    expect(ccoIdBase("a!#$%&*=?^`{|}~b@example.com")).toBe("a--------------b");
  });

  it("cuts the result to 36 characters", () => {
    const local = "abcdefghij".repeat(5); // 50 characters
    expect(ccoIdBase(`${local}@example.com`)).toBe(local.slice(0, 36));
    expect(ccoIdBase(`${local}@example.com`)).toHaveLength(36);
    // Replacement happens before the cut, so the result keeps 36 characters.
    expect(ccoIdBase(`${"+".repeat(40)}@example.com`)).toBe("-".repeat(36));
  });

  it("keeps only the part before the first @", () => {
    expect(ccoIdBase("x@y@example.com")).toBe("x");
  });
});

/** A stand-in for the one query deriveCcoId makes: `select cco_id from users where cco_id like 'base%'`. */
function fakeDb(existing: string[]): DbOrTx {
  return {
    select: () => ({ from: () => ({ where: async () => existing.map((id) => ({ id })) }) }),
  } as unknown as DbOrTx;
}

describe("D-1 deriveCcoId", () => {
  it("uses the base when it is free and at least 3 characters", async () => {
    expect(await deriveCcoId(fakeDb([]), "Jane.Roe@example.com")).toBe("jane.roe");
    expect(await deriveCcoId(fakeDb(["jane.roe-2", "jane.roex"]), "jane.roe@example.com")).toBe("jane.roe");
    expect(await deriveCcoId(fakeDb([]), "abc@example.com")).toBe("abc");
  });

  it("appends -2, -3, … when the base is taken", async () => {
    expect(await deriveCcoId(fakeDb(["eg-admin"]), "eg-admin@other.example")).toBe("eg-admin-2");
    expect(await deriveCcoId(fakeDb(["eg-admin", "eg-admin-2", "eg-admin-3"]), "eg-admin@x.example")).toBe("eg-admin-4");
    expect(await deriveCcoId(fakeDb(["eg-admin", "eg-admin-3"]), "eg-admin@x.example")).toBe("eg-admin-2");
  });

  it("appends a suffix when the base is shorter than 3 characters", async () => {
    expect(await deriveCcoId(fakeDb([]), "ab@example.com")).toBe("ab-2");
    expect(await deriveCcoId(fakeDb(["ab-2"]), "ab@example.com")).toBe("ab-3");
    expect(await deriveCcoId(fakeDb([]), "A@example.com")).toBe("a-2");
  });

  it("stays within the D-1 pattern for a long local part", async () => {
    const id = await deriveCcoId(fakeDb(["x".repeat(36)]), `${"X".repeat(60)}@example.com`);
    expect(id).toBe(`${"x".repeat(36)}-2`);
    expect(id).toMatch(/^[a-z0-9._-]{3,40}$/);
  });
});
