import { type DatabaseHandle, type Db, openConfiguredDatabase } from "./client";

// One database handle per server process (PGlite allows a single process per folder).
const holder = globalThis as unknown as { __openssmDb?: Promise<DatabaseHandle> };

export function getHandle(): Promise<DatabaseHandle> {
  holder.__openssmDb ??= openConfiguredDatabase();
  return holder.__openssmDb;
}

export async function getDb(): Promise<Db> {
  return (await getHandle()).db;
}

/** Tests and scripts install their own handle. */
export function setHandle(handle: DatabaseHandle): void {
  holder.__openssmDb = Promise.resolve(handle);
}
