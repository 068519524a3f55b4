import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  base62,
  confirmationCode,
  groupCode,
  isReturnCodeShape,
  normalizeCode,
  parseRequestCode,
  REQUEST_CODE_RE,
  requestCode,
  returnCode,
} from "./codes";

const PIID = "5d3c8f1e-8a51-4f0e-9d57-3c1b2a4e6f70";

describe("F-10 base62", () => {
  it("reads bytes as a big-endian integer with the 0-9A-Za-z alphabet", () => {
    expect(base62(Buffer.from([0]), 1)).toBe("0");
    expect(base62(Buffer.from([61]), 1)).toBe("z");
    expect(base62(Buffer.from([62]), 1)).toBe("10");
    expect(base62(Buffer.from([0x01, 0x00]))).toBe("048"); // 256 = 4·62 + 8, padded to 3 digits
  });

  it("pads a SHA-256 to 43 digits by default and further on request", () => {
    const digest = createHash("sha256").update("x").digest();
    expect(base62(digest)).toHaveLength(43);
    const wide = base62(digest, 50);
    expect(wide).toHaveLength(50);
    expect(wide.endsWith(base62(digest).replace(/^0+/, ""))).toBe(true);
    expect(wide.slice(0, 7)).toBe("0000000");
  });
});

describe("F-10 codes", () => {
  it("writes request codes the F-10 pattern accepts and parses them back", () => {
    const code = requestCode("C8000V", "96QKIABBZ1H", "AYk3ndtp6");
    expect(code).toMatch(REQUEST_CODE_RE);
    expect(code.startsWith("DB-ZC8000V:96QKIABBZ1H-AYk3ndtp6-")).toBe(true);
    const head = code.slice(0, code.lastIndexOf("-"));
    expect(code.slice(-2)).toBe(base62(createHash("sha256").update(head).digest()).slice(0, 2));
    expect(parseRequestCode(code)).toEqual({ udiPid: "C8000V", udiSn: "96QKIABBZ1H" });
    expect(parseRequestCode("DB-ZISR4461/K9:FDO222815Y4-AYk3ndtp6-F1")).toEqual({ udiPid: "ISR4461/K9", udiSn: "FDO222815Y4" });
    expect(parseRequestCode("not a code")).toBeNull();
  });

  it("derives SLAC/SLR return codes as C + 50 characters grouped 8×6 + 3", () => {
    const code = returnCode("SLR", PIID, "CSR1000V", "95QS2T1KUJX");
    expect(code).toMatch(/^C[0-9A-Za-z]{5}(-[0-9A-Za-z]{6}){7}-[0-9A-Za-z]{3}$/);
    expect(code).toHaveLength(59);
    const digest = createHash("sha256").update(`RETURN|SLR|${PIID}|CSR1000V|95QS2T1KUJX`).digest();
    expect(normalizeCode(code)).toBe("C" + base62(digest, 50).slice(0, 50));
    expect(isReturnCodeShape(code, "SLR")).toBe(true);
    // The kind and every part of the UDI change the code.
    expect(returnCode("SLAC", PIID, "CSR1000V", "95QS2T1KUJX")).not.toBe(code);
    expect(returnCode("SLR", PIID, "CSR1000V", "95QS2T1KUJY")).not.toBe(code);
  });

  it("derives PLR return codes as C + 32 characters grouped 5×6 + 3", () => {
    const code = returnCode("PLR", PIID, "C8000V", "96QKIABBZ1H");
    expect(code).toMatch(/^C[0-9A-Za-z]{5}(-[0-9A-Za-z]{6}){4}-[0-9A-Za-z]{3}$/);
    expect(code).toHaveLength(38);
    const digest = createHash("sha256").update(`RETURN|PLR|${PIID}|C8000V|96QKIABBZ1H`).digest();
    expect(normalizeCode(code)).toBe("C" + base62(digest).slice(0, 32));
    expect(isReturnCodeShape(code, "PLR")).toBe(true);
    expect(isReturnCodeShape(code, "SLR")).toBe(false);
  });

  it("derives the confirmation code from the piid and timestamp of the installed code", () => {
    const code = confirmationCode(PIID, 1709985600000);
    expect(code).toBe(createHash("sha256").update(`CONFIRM|${PIID}|1709985600000`).digest("hex").slice(0, 8));
    expect(code).toMatch(/^[0-9a-f]{8}$/);
    expect(confirmationCode(PIID, "1709985600001")).not.toBe(code);
  });

  it("ignores dashes and surrounding whitespace when comparing, but not case", () => {
    expect(normalizeCode("  CrMfaJ-9odPW7 \n")).toBe("CrMfaJ9odPW7");
    expect(groupCode("ABCDEFGHIJKLMN")).toBe("ABCDEF-GHIJKL-MN");
  });
});
