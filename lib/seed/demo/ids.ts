import { digitsFrom, uuidv5 } from "@/lib/ids";

/**
 * Deterministic ids of the demo data (DD-1): UUIDv5 of a readable name, so the same data always
 * gets the same URLs. Later issues (tokens, usage files, alerts, simulator) use these helpers to
 * find the seeded rows.
 */

export const EG_SA = "Eg-SA-01";
export const BU_SA = "BU Production Test";

export const userId = (ccoId: string): string => uuidv5(`user:${ccoId}`);
export const saId = (name: string): string => uuidv5(`smart-account:${name}`);
export const vaId = (sa: string, va: string): string => uuidv5(`virtual-account:${sa}/${va}`);
export const vaNumericId = (sa: string, va: string): string => digitsFrom(`virtual-account:${sa}/${va}`, 6);
export const roleAssignmentId = (ccoId: string, sa: string, va: string | null): string =>
  uuidv5(`role-assignment:${ccoId}:${sa}/${va ?? ""}`);

export const orderId = (orderNumber: string): string => uuidv5(`order:${orderNumber}`);
export const orderLineId = (orderNumber: string, line: number): string => uuidv5(`order-line:${orderNumber}:${line}`);
/** Lot of an order line (`107310021:1`) or of a PAK conversion (`pak:2QW9E4R7T5Y:1`). */
export const lotId = (key: string): string => uuidv5(`license-lot:${key}`);
export const transactionId = (key: string, type: string): string => uuidv5(`license-transaction:${key}:${type}`);

export const piId = (pid: string, sn: string): string => uuidv5(`product-instance:${pid}:${sn}`);
export const authorizationId = (pid: string, sn: string, kind: string): string =>
  uuidv5(`authorization:${pid}:${sn}:${kind}`);

export const pakId = (pak: string): string => uuidv5(`pak:${pak}`);
export const pakLineId = (pak: string, line: number): string => uuidv5(`pak-line:${pak}:${line}`);
export const conversionId = (key: string): string => uuidv5(`conversion:${key}`);
export const tradDeviceId = (pid: string, sn: string): string => uuidv5(`trad-device:${pid}:${sn}`);

export const localAccountId = (name: string): string => uuidv5(`onprem-local-account:${name}`);
export const localVaId = (tenantId: string): string => uuidv5(`onprem-local-va:${tenantId}`);
export const onpremServerId = (sa: string, name: string): string => uuidv5(`onprem-server:${sa}/${name}`);
export const onpremPiId = (pid: string, sn: string): string => uuidv5(`onprem-product-instance:${pid}:${sn}`);
export const csluPiId = (key: string): string => uuidv5(`cslu-product-instance:${key}`);

/** D-9 canonical UDI text, used in event messages. */
export const udiText = (pid: string, sn: string): string => `PID:${pid},SN:${sn}`;
/** P-19 display name. */
export const piDisplayName = (pid: string, sn: string, hostname?: string | null, shared?: boolean): string =>
  shared && hostname ? hostname : `UDI_PID:${pid}; UDI_SN:${sn};`;

/** D-30 simulated device (DD-13). */
export const simDeviceId = (pid: string, sn: string): string => uuidv5(`sim-device:${pid}:${sn}`);
