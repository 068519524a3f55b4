/** S-31 `Transaction` column values, per D-7 type (shared by the list, the CSV and the filter). */
export const TRANSACTION_LABELS = {
  ORDER: "Order",
  PAK_CONVERSION: "PAK Conversion",
  DEVICE_CONVERSION: "Device Conversion",
  DLC: "Device Led Conversion",
  TRANSFER_IN: "Transfer In",
  TRANSFER_OUT: "Transfer Out",
  UPGRADE_IN: "Upgrade",
  UPGRADE_OUT: "Replaced by Upgrade",
  EXPIRY: "Expired",
  ADJUSTMENT: "Adjustment",
} as const;
