import { customType, timestamp } from "drizzle-orm/pg-core";

/** Case-insensitive text (Postgres `citext` extension, loaded by the first migration). */
export const citext = customType<{ data: string }>({
  dataType() {
    return "citext";
  },
});

export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType() {
    return "bytea";
  },
  fromDriver(value) {
    return Buffer.isBuffer(value) ? value : Buffer.from(value);
  },
});

export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const createdAt = () => tstz("created_at").notNull().defaultNow();
