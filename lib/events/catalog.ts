/**
 * §7 event catalogue: the message template, the category and where each event is shown.
 * Templates use `{name}` placeholders; optional fragments (e.g. `{onVa}`) are passed already
 * rendered, or as "" when absent.
 */
export const EVENT_CATEGORIES = [
  "Accounts & Users",
  "Tokens",
  "Licenses & Transfers",
  "Product Instances",
  "Usage Reporting",
  "Authorizations & Reservations",
  "Conversion",
  "On-Prem & CSLU",
  "System",
] as const;
export type EventCategory = (typeof EVENT_CATEGORIES)[number];

/** Where an event is listed (§7 "Shown in"). */
export type ShownIn = "SA" | "VA" | "PI" | "LIC" | "CONV" | "CSLU" | "OP" | "TRAD" | "OPS";

type Entry = { template: string; shownIn: ShownIn[] };

export const EVENT_CATALOG = {
  "E-1": { template: 'Virtual account "{va}" was created.', shownIn: ["SA", "VA"] },
  "E-2": { template: 'Virtual account "{old}" was renamed to "{new}".', shownIn: ["SA", "VA"] },
  "E-2:description": { template: 'Description of virtual account "{va}" was changed.', shownIn: ["SA", "VA"] },
  "E-3": { template: 'Virtual account "{va}" was removed.', shownIn: ["SA"] },
  "E-4": { template: '"{va}" is now the default virtual account (previously "{old}").', shownIn: ["SA", "VA"] },
  "E-5": {
    template:
      'Registration token "{label}" was created; it expires {date}, allows {uses} uses, export-controlled {export}.',
    shownIn: ["SA", "VA"],
  },
  "E-6": { template: 'Registration token "{label}" was revoked.{reason}', shownIn: ["SA", "VA"] },
  "E-7": { template: 'Registration token "{label}" is no longer valid ({why}).', shownIn: ["VA"] },
  "E-8": { template: 'Registration token "{label}" was used by {udi} ({uses}).', shownIn: ["VA"] },
  "E-9": { template: '{qty} "{license}" license(s) were transferred to "{target}".{memo}', shownIn: ["VA", "LIC"] },
  "E-10": { template: '{qty} "{license}" license(s) were received from "{source}".', shownIn: ["VA", "LIC"] },
  "E-11": { template: 'Product instance "{pi}" was transferred from "{from}" to "{to}".', shownIn: ["VA", "PI"] },
  "E-12": { template: 'Product instance "{pi}" was removed; its licenses returned to the pool.', shownIn: ["VA"] },
  "E-13": { template: 'Product instance "{pi}" was added to "{va}" from {channel}.', shownIn: ["VA", "PI"] },
  "E-14": {
    template: 'Product instance "{pi}" moved from "{from}" to "{to}" because its usage was reported to "{to}".',
    shownIn: ["VA", "PI"],
  },
  "E-15": { template: 'Usage data file "{file}" was uploaded ({size}).', shownIn: ["VA", "SA"] },
  "E-16": { template: 'Usage data file "{file}" was assigned to "{va}".', shownIn: ["VA"] },
  "E-17": {
    template:
      'Usage data file "{file}" was processed: {n} report(s) acknowledged, {d} duplicate(s), {e} error(s).',
    shownIn: ["VA"],
  },
  "E-18": { template: 'Acknowledgement for "{file}" was downloaded.', shownIn: ["VA"] },
  "E-19": { template: "Usage report {reportId} was not accepted: {message}.", shownIn: ["PI"] },
  "E-20": { template: "A trust code was issued for {udi}.", shownIn: ["PI"] },
  "E-21": { template: 'Reported use of "{license}" changed from {old} to {new}.', shownIn: ["PI", "LIC"] },
  "E-22": {
    template: 'An authorization code for {qty} "{license}" was generated for {udi}{added}.',
    shownIn: ["VA", "PI", "LIC"],
  },
  "E-23": {
    template: 'Authorization codes were generated for {n} product instance(s) from "{file}".',
    shownIn: ["VA"],
  },
  "E-24": {
    template: "The authorization code of {udi} was returned; {qty} license(s) went back to the pool.",
    shownIn: ["VA", "PI"],
  },
  "E-25": { template: "Licenses were reserved on {udi}: {list}.", shownIn: ["VA", "PI"] },
  "E-26": {
    template: "A reservation update for {udi} is waiting for its confirmation code ({list}).",
    shownIn: ["VA", "PI"],
  },
  "E-27": {
    template: "Confirmation code {code} was accepted for {udi}; the reservation update is complete.",
    shownIn: ["VA", "PI"],
  },
  "E-28": { template: "A permanent license reservation was issued for {udi}.", shownIn: ["VA", "PI"] },
  "E-29": { template: "The permanent reservation code of {udi} was upgraded to version 3.", shownIn: ["VA", "PI"] },
  "E-30": { template: 'Reporting policy "{policy}" now applies to {scope}.', shownIn: ["SA", "VA"] },
  "E-30a": { template: 'Reporting policy "{policy}" was published to Smart Account "{sa}".', shownIn: ["SA", "OPS"] },
  "E-31": { template: '{what} for "{va}" was downloaded.', shownIn: ["VA"] },
  "E-32": {
    template: "The {kind} reservation of {udi} was returned with code ending {last3}.",
    shownIn: ["VA", "PI"],
  },
  "E-33": { template: 'Reserved licenses of {udi} moved with the product instance to "{to}".', shownIn: ["VA"] },
  "E-34": {
    template: "An authorization code for {udi} was included in acknowledgement {ackId}.",
    shownIn: ["PI"],
  },
  "E-35": {
    template: '{qty} "{license}" license(s) were added from order {order} (SKU {sku}).',
    shownIn: ["VA", "LIC"],
  },
  "E-36": { template: 'License tag "{tag}" was {change}.', shownIn: ["SA"] },
  "E-37": {
    template: 'A change in use of "{license}" on {date} was reported {n} day(s) after the {limit}-day limit.',
    shownIn: ["PI"],
  },
  "E-38": { template: '{qty} "{old}" license(s) were replaced by "{new}".', shownIn: ["VA", "LIC"] },
  "E-40": {
    template: '{qty} license(s) from PAK {pak} were converted into "{va}" ({list}).',
    shownIn: ["CONV", "VA"],
  },
  "E-41": {
    template: 'Traditional licenses of {udi} were converted into "{va}" ({list}).',
    shownIn: ["CONV", "VA"],
  },
  "E-42": { template: "Device-led conversion data was received from {udi}.", shownIn: ["CONV", "PI"] },
  "E-43": { template: 'Device-led conversion for {udi} deposited {list} into "{va}".', shownIn: ["CONV", "VA"] },
  "E-44": { template: "Device-led conversion for {udi} could not convert {feature}: {reason}.", shownIn: ["CONV"] },
  "E-45": { template: "PAK {pak} is now assigned to this Smart Account.", shownIn: ["CONV"] },
  "E-50": { template: "{target} was given the role {role}{onVa}.", shownIn: ["SA"] },
  "E-51": { template: "{target} no longer has the role {role}{onVa}.", shownIn: ["SA"] },
  "E-51a": { template: "Access of {target} to this Smart Account was {change}.", shownIn: ["SA"] },
  "E-52": { template: 'API client "{name}" was {change}.', shownIn: ["SA"] },
  "E-53": { template: "Account setting {setting} changed from {old} to {new}.", shownIn: ["SA"] },
  "E-53a": {
    template: "Sign-in for {who} was blocked after more than 10 failed attempts in 15 minutes.",
    shownIn: ["SA"],
  },
  "E-53b": {
    template:
      'Smart Account "{sa}" ({domain}, account id {accountId}) was created with the default virtual account "DEFAULT".',
    shownIn: ["SA", "OPS"],
  },
  "E-53c": { template: "PAK {pak} was created with {n} line(s){forSa}.", shownIn: ["OPS"] },
  "E-53d": {
    template: 'License catalogue imported from "{file}": {a} definition(s) added, {u} updated.',
    shownIn: ["OPS"],
  },
  "E-55": { template: 'On-Prem "{server}" registered local account "{account}" to "{va}".', shownIn: ["SA", "VA"] },
  "E-56": { template: 'On-Prem "{server}" synchronized over the network.', shownIn: ["SA"] },
  "E-57": { template: 'On-Prem "{server}" synchronized by file exchange.', shownIn: ["SA"] },
  "E-58": { template: 'On-Prem "{server}" was {change}.', shownIn: ["SA"] },
  "E-59": { template: 'On-Prem "{server}" has not synchronized for 90 days and is marked Expired.', shownIn: ["SA"] },
  "E-60": { template: "Alert raised: {alert}.", shownIn: ["VA", "SA"] },
  "E-61": { template: "Alert {change}: {alert}.", shownIn: ["VA", "SA"] },
  "E-62": { template: '{qty} "{license}" license(s) expire in {n} day(s) on {date}.', shownIn: ["VA", "LIC"] },
  "E-63": { template: '{qty} "{license}" license(s) expired on {date}.', shownIn: ["VA", "LIC"] },
  "E-100": { template: "PAK {pak} was added to your PAK list.", shownIn: ["TRAD"] },
  "E-101": { template: "{n} license line(s) from PAK {pak} were issued to {pid}:{sn}.", shownIn: ["TRAD"] },
  // Lines issued before their PAK reached this portal (the DD-10 seed history).
  "E-101:device": { template: "{n} license line(s) were issued to {pid}:{sn}.", shownIn: ["TRAD"] },
  "E-102": { template: "An evaluation license for {feature} was issued to {pid}:{sn}, valid 60 days.", shownIn: ["TRAD"] },
  "E-103": { template: "A permission ticket to move {n} license(s) from {udi} was issued.", shownIn: ["TRAD"] },
  "E-104": { template: "Licenses were moved from {src} to {dst}.", shownIn: ["TRAD"] },
  "E-105": { template: "Replacement licenses for failed device {src} were issued to {dst}{rma}.", shownIn: ["TRAD"] },
  "E-106": { template: "All licenses of {udi} were {delivery}.", shownIn: ["TRAD"] },
  "E-107": { template: '{kind} {id} was assigned to Smart Account "{sa}", virtual account "{va}".', shownIn: ["TRAD"] },
  "E-108": { template: "Device {pid}:{sn} was added.", shownIn: ["TRAD"] },
  "E-109": { template: 'Licenses of {udi} were converted to Smart Licensing in "{sa}/{va}".', shownIn: ["TRAD"] },
} as const satisfies Record<string, Entry>;

export type EventType = keyof typeof EVENT_CATALOG;

/** Placeholder names of a template, as a type: `Params<"E-1">` is `{ va: string | number }`. */
type Placeholders<S extends string> = S extends `${string}{${infer K}}${infer Rest}` ? K | Placeholders<Rest> : never;
export type EventParams<T extends EventType> = Record<
  Placeholders<(typeof EVENT_CATALOG)[T]["template"]>,
  string | number
>;

const CATEGORY_BY_ID: Record<EventCategory, string[]> = {
  "Accounts & Users": ["E-1", "E-2", "E-2:description", "E-3", "E-4", "E-50", "E-51", "E-51a", "E-52", "E-53", "E-53a", "E-53b"],
  Tokens: ["E-5", "E-6", "E-7", "E-8"],
  "Licenses & Transfers": ["E-9", "E-10", "E-35", "E-36", "E-38", "E-62", "E-63"],
  "Product Instances": ["E-11", "E-12", "E-13", "E-14"],
  "Usage Reporting": ["E-15", "E-16", "E-17", "E-18", "E-19", "E-20", "E-21", "E-30", "E-30a", "E-31", "E-37"],
  "Authorizations & Reservations": [
    "E-22", "E-23", "E-24", "E-25", "E-26", "E-27", "E-28", "E-29", "E-32", "E-33", "E-34",
  ],
  Conversion: ["E-40", "E-41", "E-42", "E-43", "E-44", "E-45", "E-53c"],
  "On-Prem & CSLU": ["E-55", "E-56", "E-57", "E-58", "E-59"],
  System: ["E-53d", "E-60", "E-61"],
};

export function categoryOf(type: string): EventCategory {
  for (const [category, ids] of Object.entries(CATEGORY_BY_ID)) {
    if (ids.includes(type)) return category as EventCategory;
  }
  const n = Number(/^E-(\d+)/.exec(type)?.[1]);
  if ((n >= 70 && n <= 96) || (n >= 55 && n <= 59)) return "On-Prem & CSLU";
  if (n >= 100 && n <= 109) return "Licenses & Transfers";
  return "System";
}

export function renderEvent<T extends EventType>(type: T, params: EventParams<T>): string {
  const template: string = EVENT_CATALOG[type].template;
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = (params as Record<string, string | number | undefined>)[key];
    if (value === undefined) throw new Error(`Event ${type} is missing the value {${key}}`);
    return String(value);
  });
}
