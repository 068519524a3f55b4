/** Conversion messages (V-51, V-59 and the clone's own where SPEC is silent), shared by forms and lib. */
export const CONVERSION_MSG = {
  /** V-51 */
  quantity: (n: number) => `Enter a quantity between 0 and ${n}.`,
  partialNotAllowed: "This PAK does not allow partial fulfillment; all licenses must be converted together.",
  nothingLeft: "Nothing left to convert on this PAK.",
  /** "at least one q > 0" (V-51): SPEC gives this rule no own message; V-43 words the same rule. */
  atLeastOne: "Enter a quantity for at least one license.",
  /** A traditional line is node-locked and converts whole (clone decision). */
  wholeLine: (n: number) => `Licenses on a device convert as a whole: enter 0 or ${n}.`,
  /** S-22 STEP 1: no device of this Smart Account with convertible lines has this UDI (clone decision). */
  deviceNotFound: (udi: string) => `No licenses of device ${udi} can be converted in this Smart Account.`,
  chooseVa: "Choose a virtual account.",
} as const;

/** V-52 */
export const UPGRADE_MSG = {
  atMost: (n: number) => `You can upgrade at most ${n} license(s).`,
} as const;
