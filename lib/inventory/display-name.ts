import { sql, type SQL } from "drizzle-orm";
import { productInstances } from "@/db/schema";

type NameParts = { udiPid: string; udiSn: string; hostname: string | null; hostnameShared: boolean };

/** P-19: the shared hostname, else `UDI_PID:{pid}; UDI_SN:{sn};`. */
export function piDisplayName(pi: NameParts): string {
  return pi.hostnameShared && pi.hostname ? pi.hostname : `UDI_PID:${pi.udiPid}; UDI_SN:${pi.udiSn};`;
}

/** D-9 canonical UDI text (`PID:{pid},SN:{sn}`), used in event messages. */
export function udiText(pi: { udiPid: string; udiSn: string }): string {
  return `PID:${pi.udiPid},SN:${pi.udiSn}`;
}

/** P-19 in SQL, so lists can search and sort by the name the user reads. */
export const displayNameSql: SQL<string> = sql<string>`(case when ${productInstances.hostnameShared} and coalesce(${productInstances.hostname}, '') <> '' then ${productInstances.hostname} else 'UDI_PID:' || ${productInstances.udiPid} || '; UDI_SN:' || ${productInstances.udiSn} || ';' end)`;

/**
 * Everything S-15 searches (display name, hostname, PID, SN, product type, UUID) in one text, so a
 * single trigram index (migration 0002) serves the search and inserts stay cheap.
 */
export const searchTextSql: SQL<string> = sql<string>`(${displayNameSql} || ' ' || coalesce(${productInstances.hostname}, '') || ' ' || ${productInstances.udiPid} || ' ' || ${productInstances.udiSn} || ' ' || ${productInstances.productType} || ' ' || coalesce(${productInstances.uuid}, ''))`;
