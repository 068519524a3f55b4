/** F-15 UDI patterns and the text forms each context shows. */
export const PID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9/._-]{0,39}$/;
export const SN_PATTERN = /^[A-Za-z0-9-]{1,40}$/;

/** V-59 */
export const UDI_MSG = {
  pid: "Enter a valid product ID.",
  sn: "Enter a valid serial number.",
} as const;

export type Udi = { udiPid: string; udiSn: string };

/** CSSM list and detail form: `UDI_PID:{pid}; UDI_SN:{sn};`. */
export function udiListForm(u: Udi): string {
  return `UDI_PID:${u.udiPid}; UDI_SN:${u.udiSn};`;
}

/** Traditional and CSLU form: `{pid}:{sn}`. */
export function udiTradForm(u: Udi): string {
  return `${u.udiPid}:${u.udiSn}`;
}
