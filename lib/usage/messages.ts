/** §8 usage messages (V-20..V-38a), character for character. */
export const V20_EMPTY = "The file is empty.";
export const v20TooLarge = (n: number) => `The file is larger than ${n} MB.`;
export const v20Expands = (m: number) => `The file expands to more than ${m} MB and was rejected.`;
export const V21_TYPE = "Unsupported file type. Upload a .tar, .tar.gz, .xml or .txt usage file.";
export const V22_DAMAGED = "The archive is damaged or incomplete and could not be read.";
export const V22_TOO_MANY = "The archive contains too many files.";
export const V22_NESTED = "The archive contains nested archives more than one level deep.";
export const V22_RATIO = "The file expands too much for its size and was rejected.";
export const v23Path = (name: string) => `The archive contains an unsafe file path (${name}).`;
export const v24Link = (name: string) => `The archive contains a link or special file (${name}), which is not allowed.`;
export const V25_NO_USAGE = "The archive does not contain any usage data.";
export const V26_DOCTYPE = "The file contains a document type declaration, which is not allowed.";
export const v26NotWellFormed = (line: number, column: number) => `The file is not well-formed XML (line ${line}, column ${column}).`;
export const V27_NOT_USAGE = "The file is not a usage data file (expected a smartLicense document).";
export const V27_NOTHING = "The file does not contain any usage reports or requests.";
export const v27NotJson = (index: number) => `Report ${index} is not valid JSON.`;
export const v27Missing = (index: number) => `Report ${index} is missing its payload or signature.`;
export const v27aTooMany = (name: string) => `Usage document ${name} has more than 10,000 entries.`;
export const v27aTooLarge = (name: string) => `An entry in ${name} is larger than 1 MB.`;
export const V28_SIGNATURE = "Data and signature do not match";
export const V29_NO_PERMISSION = "You do not have permission to upload usage data to this Smart Account.";

export const v30Tag = (tag: string) => `Entitlement tag "${tag}" is not well formed.`;
export const v31Unknown = (tag: string) => `Unknown entitlement tag ${tag}.`;
export const V32_DUPLICATE = "Report already received.";
export const v32aPayload = (detail: string) => `Report payload is not valid: ${detail}.`;
export const V32B_SIGNATURE = "Data and signature do not match";
export const V32C_UDI = "UDI in payload and signature differ.";
export const v32dMeasurement = (reportId: number | string) => `Report ${reportId} contains no valid ENTITLEMENT measurement.`;
export const v32eRange = (id: string | number) => `Report id ${id} is out of range.`;
export const NO_TRUST_CODE = "No trust code is installed for this product instance.";
export const V34_EXISTS = "A trust code already exists for this UDI; use force to replace it.";
export const V34_OTHER_VA = "The product instance belongs to a different virtual account; use force to move it.";
export const V35_VA_GONE = "The selected virtual account no longer exists. Upload the file again.";
export const V36_OTHER_SA = "Product instance belongs to another Smart Account.";
export const v36aOtherVa = (va: string) => `Product instance belongs to virtual account ${va}, which you cannot change.`;
export const v38Future = (reportId: number | string) => `Report ${reportId} is dated in the future.`;
export const v38aNotYet = (element: string) => `This server does not process ${element} yet.`;
/** P-10 */
export const EXPORT_PREPAID_ONLY = "Export-controlled licenses are prepaid only; no subscription assigned.";
/** W-10 step 6 (after the last attempt) */
export const PROCESSING_FAILED = "Processing failed; please upload the file again.";
/** F-2: the `Select Virtual Accounts` warning. */
export const producedFor = (sa: string) => `This file was produced for Smart Account "${sa}".`;
