/** V-14 / V-15 messages, shared by the S-11 dialog (browser) and W-7 (server). */
export const TRANSFER_MSG = {
  quantity: "Enter a quantity of at least 1.",
  sameTarget: "Choose a different target virtual account.",
  cannotTransferTo: (va: string) => `You cannot transfer to virtual account ${va}.`,
  notEnough: (n: number, license: string) => `Only ${n} "${license}" licenses are available to transfer.`,
  memo: "Memo must be 255 characters or fewer.",
} as const;
