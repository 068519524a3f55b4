import fs from "node:fs";
import path from "node:path";
import { keyCount, keySetFromJwks, type KeySet, parsePemKeys } from "@/lib/signing/jwks";
import { resultLine, verifyFile } from "@/lib/signing/verify-file";

// npm run verify-ack -- --key <pem file or URL> <file>
// Offline with a PEM file (S-26a `{key_id}.pem` or the A-26 bundle); a URL may name the A-26
// `signing-keys.pem` or `jwks.json`. Exit 0 only when at least one element was found and all verify.
const USAGE = "Usage: npm run verify-ack -- --key <pem file or URL> <file>";

function parse(argv: string[]): { key?: string; file?: string } {
  const out: { key?: string; file?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--key") out.key = argv[++i];
    else if (arg.startsWith("--key=")) out.key = arg.slice(6);
    else if (!arg.startsWith("--")) out.file = arg;
  }
  return out;
}

async function loadKeys(source: string): Promise<KeySet> {
  if (/^https?:\/\//i.test(source)) {
    const res = await fetch(source);
    if (!res.ok) throw new Error(`Could not fetch ${source}: HTTP ${res.status}.`);
    const text = await res.text();
    return text.trimStart().startsWith("{") ? keySetFromJwks(JSON.parse(text)) : parsePemKeys(text);
  }
  const text = fs.readFileSync(source, "utf8");
  return text.trimStart().startsWith("{") ? keySetFromJwks(JSON.parse(text)) : parsePemKeys(text);
}

async function main(): Promise<number> {
  const { key, file } = parse(process.argv.slice(2));
  if (!key || !file) {
    console.error(USAGE);
    return 2;
  }
  const keys = await loadKeys(key);
  if (keyCount(keys) === 0) {
    console.error(`No public key found in ${key}.`);
    return 2;
  }
  const results = await verifyFile(fs.readFileSync(file), path.basename(file), keys);
  for (const r of results) console.log(resultLine(r));
  if (results.length === 0) {
    console.error(`No signed elements found in ${path.basename(file)}.`);
    return 1;
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - failed} of ${results.length} signed element(s) verified.`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 2;
  },
);
