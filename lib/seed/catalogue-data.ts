/**
 * Reference data tables (DD-1, DD-4, P-2, P-3, D-27) as plain data.
 * `lib/seed/reference.ts` turns them into rows with deterministic ids.
 */

type Enf = "UNENFORCED" | "ENFORCED" | "EXPORT_CONTROLLED";
type Dur = "PERPETUAL" | "SUBSCRIPTION";

export type CatalogueEntry = {
  /** The DD-4 row number (#1..#43). */
  n: number;
  displayName: string;
  shortTag: string;
  /** Full entitlement tag; null = synthetic (s), built from the short tag (DD-1). */
  tag: string | null;
  enforcement: Enf;
  duration: Dur;
  billing: "PREPAID" | "USAGE";
  description?: string;
  featureName?: string;
  tierLabel?: string;
  productFamilies: string[];
  isPlr?: boolean;
  reportingOnly?: boolean;
  /** DD-4 number of the lower-tier license this one may substitute for (P-16). */
  substitutesFor?: number;
  /** DD-4 number of the upgrade target (W-22). */
  upgradeTo?: number;
};

const U = "UNENFORCED" as const;
const X = "EXPORT_CONTROLLED" as const;
const P = "PERPETUAL" as const;
const S = "SUBSCRIPTION" as const;
const PRE = "PREPAID" as const;
const NT = "NON-TIERED LICENSES";

// Product types (D-27 product_map) a license may be used on.
const ISR1K = ["ISR1K"];
const ISR43 = ["4300ISR"];
const ISR44 = ["4400ISR"];
const ROUTING = ["CAT8KV", "CAT8200", "CAT8300", "ISR1K", "4300ISR", "4400ISR"];
const C9300 = ["C9300"];
const C9500 = ["C9500"];

/** DD-4: the 40 table rows plus #41–#43 below it. */
export const CATALOGUE: CatalogueEntry[] = [
  { n: 1, displayName: "Router US Export Lic. for DNA", shortTag: "DNA_HSEC", tag: "regid.2019-03.com.cisco.DNA_HSEC,1.0_509c41ab-05a8-431f-95fe-ec28086e8844", enforcement: X, duration: P, billing: PRE, description: "U.S. Export Restriction Compliance license for DNA based Routers", featureName: "hseck9", tierLabel: NT, productFamilies: [...ROUTING, "CSR1KV"] },
  { n: 2, displayName: "ISR_1100_8P_Hsec", shortTag: "ISR_1100_8P_Hsec", tag: "regid.2017-08.com.cisco.ISR_1100_8P_Hsec,1.0_34a5e7e7-722a-41ab-bdad-d53d5a3cac14", enforcement: X, duration: P, billing: PRE, description: "U.S. Export Restriction Compliance license for 1100 series with 8 LAN ports", featureName: "hseck9", tierLabel: NT, productFamilies: ISR1K, upgradeTo: 1 },
  { n: 3, displayName: "Cisco 1100 Series with 8 LAN Ports, AppX License", shortTag: "ISR_1100_8P_Application", tag: "regid.2017-04.com.cisco.ISR_1100_8P_Application,1.0_c4cf42aa-2d60-4f4e-83dd-c5c9672132c9", enforcement: U, duration: P, billing: PRE, featureName: "appxk9", tierLabel: NT, productFamilies: ISR1K },
  { n: 4, displayName: "Cisco 1100 Series with 8 LAN Ports, Security License", shortTag: "ISR_1100_8P_Security", tag: "regid.2017-04.com.cisco.ISR_1100_8P_Security,1.0_6b61b693-0daa-42d4-8cee-930de5c1b37c", enforcement: U, duration: P, billing: PRE, featureName: "securityk9", tierLabel: NT, productFamilies: ISR1K },
  { n: 5, displayName: "Cisco 1100 Series with 8 LAN Ports, 200 Mbps IPSEC Throughput License", shortTag: "ISR_1100_8P_IPSEC_200M", tag: null, enforcement: U, duration: P, billing: PRE, tierLabel: NT, productFamilies: ISR1K },
  { n: 6, displayName: "ISR_1100_8P_UnifiedCommunication", shortTag: "ISR_1100_8P_UnifiedCommunication", tag: "regid.2018-12.com.cisco.ISR_1100_8P_UnifiedCommunication,1.0_55775cb5-538d-482e-b57f-fc8af02f93a3", enforcement: U, duration: P, billing: PRE, featureName: "uck9", tierLabel: NT, productFamilies: ISR1K },
  { n: 7, displayName: "Cisco 1100 Series with 8 LAN Ports, Cisco One Foundation Suite", shortTag: "ISR_1100_8P_FoundationSuite", tag: "regid.2017-04.com.cisco.ISR_1100_8P_FoundationSuite,1.0_6f4a1f6f-b607-45cb-8bd0-d672ac06a314", enforcement: U, duration: P, billing: PRE, tierLabel: NT, productFamilies: ISR1K },
  { n: 8, displayName: "ISR_4351_400M_Performance", shortTag: "ISR_4351_400M_Performance", tag: "regid.2015-01.com.cisco.ISR_4351_400M_Performance,1.0_79a9ccb4-d7c3-46fd-9980-7efe247c90e5", enforcement: U, duration: P, billing: PRE, featureName: "throughput", tierLabel: NT, productFamilies: ISR43 },
  { n: 9, displayName: "ISR_4351_Application", shortTag: "ISR_4351_Application", tag: "regid.2015-01.com.cisco.ISR_4351_Application,1.0_601ccfff-5601-4293-98d2-2f653d864ce0", enforcement: U, duration: P, billing: PRE, featureName: "appxk9", tierLabel: NT, productFamilies: ISR43 },
  { n: 10, displayName: "ISR_4351_UnifiedCommunication", shortTag: "ISR_4351_UnifiedCommunication", tag: "regid.2014-12.com.cisco.ISR_4351_UnifiedCommunication,1.0_a04fec0e-e944-4096-bcf8-05d6e9a0a6d3", enforcement: U, duration: P, billing: PRE, featureName: "uck9", tierLabel: NT, productFamilies: ISR43 },
  { n: 11, displayName: "ISR_4351_Security", shortTag: "ISR_4351_Security", tag: "regid.2014-12.com.cisco.ISR_4351_Security,1.0_df7d8d7f-b71a-4d3d-a9ab-aec7828a37a7", enforcement: U, duration: P, billing: PRE, featureName: "securityk9", tierLabel: NT, productFamilies: ISR43 },
  { n: 12, displayName: "ISR_4331_Hsec", shortTag: "ISR_4331_Hsec", tag: "regid.2015-02.com.cisco.ISR_4331_Hsec,1.0_7998f136-248d-4ee9-94be-2b561c04a51e", enforcement: X, duration: P, billing: PRE, description: "U.S. Export Restriction Compliance license for 4330 series", featureName: "hseck9", tierLabel: NT, productFamilies: ISR43, upgradeTo: 1 },
  { n: 13, displayName: "ISR_4331_BOOST", shortTag: "ISR_4331_BOOST", tag: "regid.2017-05.com.cisco.ISR_4331_BOOST,1.0_d5ca3d93-a3a9-480d-98f7-c7b06ddcc973", enforcement: U, duration: P, billing: PRE, featureName: "booster_performance", tierLabel: NT, productFamilies: ISR43 },
  { n: 14, displayName: "ISR_4400_Hsec", shortTag: "ISR_4400_Hsec", tag: null, enforcement: X, duration: P, billing: PRE, description: "U.S. Export Restriction Compliance license for 4400 series", featureName: "hseck9", tierLabel: NT, productFamilies: ISR44, upgradeTo: 1 },
  { n: 15, displayName: "ISR_4400_Security", shortTag: "ISR_4400_Security", tag: null, enforcement: U, duration: P, billing: PRE, featureName: "securityk9", tierLabel: NT, productFamilies: ISR44 },
  { n: 16, displayName: "ISR_4400_Application", shortTag: "ISR_4400_Application", tag: null, enforcement: U, duration: P, billing: PRE, featureName: "appxk9", tierLabel: NT, productFamilies: ISR44 },
  { n: 17, displayName: "ISR_4400_UnifiedCommunication", shortTag: "ISR_4400_UnifiedCommunication", tag: null, enforcement: U, duration: P, billing: PRE, featureName: "uck9", tierLabel: NT, productFamilies: ISR44 },
  { n: 18, displayName: "Booster Performance License for 4460 Series", shortTag: "ISR_4461_BOOST", tag: null, enforcement: U, duration: P, billing: PRE, featureName: "booster_performance", tierLabel: NT, productFamilies: ISR44 },
  { n: 19, displayName: "Routing Network Advantage: Tier 0: 10M", shortTag: "ESR_P_10M_A", tag: "regid.2018-12.com.cisco.ESR_P_10M_A,1.0_8946a476-b904-4d0a-9d0b-2b1e5de891a3", enforcement: U, duration: P, billing: PRE, featureName: "network-advantage", tierLabel: "Tier 0", productFamilies: ROUTING },
  { n: 20, displayName: "Routing DNA Advantage: Tier 0: 10M", shortTag: "DNA_P_10M_A", tag: "regid.2018-12.com.cisco.DNA_P_10M_A,1.0_7f2e8a7a-e74d-4d71-af46-1ae7b3faf320", enforcement: U, duration: S, billing: PRE, featureName: "dna-advantage", tierLabel: "Tier 0", productFamilies: ROUTING },
  { n: 21, displayName: "Routing Network Advantage: Tier 2", shortTag: "NWSTACK_T2_A", tag: "regid.2020-10.com.cisco.NWSTACK_T2_A,1.0_83edc508-0ee4-468e-8962-0a4fde995e80", enforcement: U, duration: P, billing: PRE, featureName: "network-advantage", tierLabel: "Tier 2", productFamilies: ROUTING },
  { n: 22, displayName: "Routing DNA Advantage: Tier 2", shortTag: "DSTACK_T2_A", tag: "regid.2020-10.com.cisco.DSTACK_T2_A,1.0_b072e613-aa2c-4ed0-ab46-ae91ddc7dfb5", enforcement: U, duration: S, billing: PRE, featureName: "dna-advantage", tierLabel: "Tier 2", productFamilies: ROUTING },
  { n: 23, displayName: "C8000v PLR", shortTag: "C8000V_PLR", tag: null, enforcement: U, duration: P, billing: PRE, description: "C8000v Permanent License Reservation", tierLabel: NT, productFamilies: ["CAT8KV"], isPlr: true },
  { n: 24, displayName: "CSR 1KV AX 10G", shortTag: "ax_10G", tag: "regid.2014-05.com.cisco.ax_10G,1.0_25119371-655c-427d-b181-222784aae79a", enforcement: U, duration: S, billing: PRE, featureName: "ax", tierLabel: "Level 2", productFamilies: ["CSR1KV"] },
  { n: 25, displayName: "C9300-48 Network Advantage", shortTag: "C9300_48P_NW_Advantagek9", tag: "regid.2017-05.com.cisco.C9300_48P_NW_Advantagek9,1.0_6a224fe3-c92e-4440-a9c1-5d0e53a54015", enforcement: U, duration: P, billing: PRE, featureName: "network-advantage", tierLabel: NT, productFamilies: C9300 },
  { n: 26, displayName: "C9300-48 DNA Advantage", shortTag: "C9300_48P_Dna_Advantage", tag: "regid.2017-05.com.cisco.C9300_48P_Dna_Advantage,1.0_60783b06-53ee-484c-b21e-615d3cf6837a", enforcement: U, duration: S, billing: PRE, featureName: "dna-advantage", tierLabel: NT, productFamilies: C9300 },
  { n: 27, displayName: "C9300-24 Network Advantage", shortTag: "advantagek9", tag: "regid.2017-03.com.cisco.advantagek9,1.0_bd1da96e-ec1d-412b-a50e-53846b347d53", enforcement: U, duration: P, billing: PRE, featureName: "network-advantage", tierLabel: NT, productFamilies: C9300 },
  { n: 28, displayName: "C9300-24 DNA Advantage", shortTag: "c9300_dna_advantage", tag: "regid.2017-05.com.cisco.c9300_dna_advantage,1.0_411773c3-2116-4c10-94a4-5d357fe6ff18", enforcement: U, duration: S, billing: PRE, featureName: "dna-advantage", tierLabel: NT, productFamilies: C9300 },
  { n: 29, displayName: "C9500 Network Advantage", shortTag: "advantagek9-Nyquist-C9500", tag: "regid.2017-03.com.cisco.advantagek9-Nyquist-C9500,1.0_f1563759-2e03-4a4c-bec5-5feec525a12c", enforcement: U, duration: P, billing: PRE, featureName: "network-advantage", tierLabel: NT, productFamilies: C9500, substitutesFor: 41 },
  { n: 30, displayName: "C9500-32QC DNA Advantage", shortTag: "C9500-DNA-32QC-A", tag: "regid.2018-01.com.cisco.C9500-DNA-32QC-A,1.0_1fd2bf73-201e-472b-a287-65f23ec80f3e", enforcement: U, duration: S, billing: PRE, featureName: "dna-advantage", tierLabel: NT, productFamilies: C9500 },
  { n: 31, displayName: "air-network-advantage", shortTag: "DNA_NWStack", tag: "regid.2018-06.com.cisco.DNA_NWStack,1.0_e7244e71-3ad5-4608-8bf0-d12f67c80896", enforcement: U, duration: P, billing: PRE, featureName: "air-network-advantage", tierLabel: NT, productFamilies: [] },
  { n: 32, displayName: "air-dna-advantage", shortTag: "AIR-DNA-A", tag: "regid.2017-08.com.cisco.AIR-DNA-A,1.0_b6308627-3ab0-4a11-a3d9-586911a0d790", enforcement: U, duration: S, billing: PRE, featureName: "air-dna-advantage", tierLabel: NT, productFamilies: [] },
  { n: 33, displayName: "MRP Client", shortTag: "MRP_CLIENT", tag: null, enforcement: "ENFORCED", duration: P, billing: PRE, tierLabel: NT, productFamilies: [] },
  { n: 34, displayName: "ASR920 METRO IP ACCESS", shortTag: "metroipaccess", tag: null, enforcement: U, duration: P, billing: PRE, featureName: "metroipaccess", tierLabel: NT, productFamilies: ["ASR920"] },
  { n: 35, displayName: "ASR920 2-10G PORT LICENSE", shortTag: "10GEupgradelicense", tag: null, enforcement: U, duration: P, billing: PRE, featureName: "10GEupgradelicense", tierLabel: NT, productFamilies: ["ASR920"] },
  { n: 36, displayName: "CSR 1KV APPX 100M", shortTag: "CSR_APPX_100M", tag: null, enforcement: U, duration: S, billing: "USAGE", featureName: "appx", tierLabel: NT, productFamilies: ["CSR1KV", "CAT8KV"] },
  { n: 37, displayName: "DNA Advantage For SDWAN", shortTag: "DNA_SDWAN_A", tag: null, enforcement: U, duration: S, billing: "USAGE", featureName: "dna-advantage", tierLabel: NT, productFamilies: ROUTING },
  { n: 38, displayName: "UC Manager Enhanced License (12.x)", shortTag: "UCM_Enhanced", tag: "regid.2016-07.com.cisco.UCM_Enhanced,12.0_66d0d1cf-4863-4761-91d0-d01d3eb1949a", enforcement: U, duration: P, billing: PRE, tierLabel: NT, productFamilies: [] },
  { n: 39, displayName: "ISE_PLUS", shortTag: "ISE_PLUS", tag: null, enforcement: U, duration: S, billing: PRE, description: "ISE Plus License", tierLabel: NT, productFamilies: [] },
  { n: 40, displayName: "ISE_BASE", shortTag: "ISE_BASE", tag: null, enforcement: U, duration: S, billing: PRE, description: "ISE Base License", tierLabel: NT, productFamilies: [] },
  { n: 41, displayName: "C9500 32C NW Advantage", shortTag: "C9500_32C_NW_Advantage", tag: null, enforcement: U, duration: P, billing: PRE, featureName: "network-advantage", tierLabel: NT, productFamilies: C9500 },
  { n: 42, displayName: "CSR 1KV SEC 5G", shortTag: "sec_5G", tag: null, enforcement: U, duration: P, billing: PRE, featureName: "securityk9", tierLabel: NT, productFamilies: ["CSR1KV"] },
  { n: 43, displayName: "ASR 1000 Advanced IP Services", shortTag: "ASR1K_AIS", tag: null, enforcement: U, duration: P, billing: PRE, description: "Cisco ASR 1000 Advanced IP Services", featureName: "advipservices", tierLabel: NT, productFamilies: ["ASR1"] },
];

/** P-2 and P-3. `null` = inherited from `Cisco default` ("(d)"). */
export type PolicyValues = {
  name: string;
  isCiscoDefault: boolean;
  ackRequired: boolean | null;
  // [first, frequency, on change] per category
  exp: [number | null, number, number];
  enf: [number | null, number, number];
  unp: [number, number, number];
  uns: [number, number, number];
};

export const CISCO_DEFAULT_POLICY = "Cisco default";

export const POLICIES: PolicyValues[] = [
  { name: CISCO_DEFAULT_POLICY, isCiscoDefault: true, ackRequired: true, exp: [0, 0, 0], enf: [0, 0, 0], unp: [365, 0, 90], uns: [90, 90, 90] },
  { name: "SLP Policy", isCiscoDefault: false, ackRequired: true, unp: [30, 60, 60], uns: [120, 150, 120], enf: [null, 90, 60], exp: [null, 30, 30] },
  { name: "SLE Policy", isCiscoDefault: false, ackRequired: true, unp: [30, 60, 60], uns: [120, 111, 111], enf: [30, 90, 60], exp: [30, 30, 30] },
  { name: "Custom Policy", isCiscoDefault: false, ackRequired: true, unp: [60, 60, 60], uns: [30, 30, 30], enf: [null, 90, 90], exp: [null, 90, 90] },
  { name: "Short Cycle Policy", isCiscoDefault: false, ackRequired: true, unp: [25, 25, 25], uns: [15, 15, 15], enf: [null, 35, 35], exp: [null, 30, 30] },
];

export type ProductMapEntry = {
  pidPattern: string;
  productType: string;
  productDescription: string;
  productFamily: string;
  /** Full software tag, or a short name that gets a synthetic tag (DD-1). */
  softwareTag: string;
};

/** D-27 product map (DD-4). */
export const PRODUCT_MAP: ProductMapEntry[] = [
  { pidPattern: "^C11", productType: "ISR1K", productDescription: "Cisco 1100 Series Integrated Services Router, 8 LAN Ports", productFamily: "Cisco 1100 Series Integrated Services Routers", softwareTag: "ISR1100" },
  { pidPattern: "^ISR43", productType: "4300ISR", productDescription: "ISR 4300 PRD", productFamily: "Cisco 4300 Series Integrated Services Routers", softwareTag: "ISR4300" },
  { pidPattern: "^ISR44", productType: "4400ISR", productDescription: "ISR 4400 PRD", productFamily: "Cisco 4400 Series Integrated Services Routers", softwareTag: "ISR4400" },
  { pidPattern: "^C8000V$", productType: "CAT8KV", productDescription: "Cisco Catalyst 8000V Edge Software", productFamily: "Catalyst 8000V Edge Software", softwareTag: "C8000V" },
  { pidPattern: "^C82", productType: "CAT8200", productDescription: "Cisco Catalyst 8200 Series Edge Platform", productFamily: "Catalyst 8200 Series Edge Platforms", softwareTag: "C8200BE" },
  { pidPattern: "^C83", productType: "CAT8300", productDescription: "Cisco Catalyst 8300 Series Edge Platform", productFamily: "Catalyst 8300 Series Edge Platforms", softwareTag: "regid.2020-05.com.cisco.C8300BE,1.0_5b66594f-27ab-4615-9d15-4aad4969497f" },
  { pidPattern: "^CSR1000V$", productType: "CSR1KV", productDescription: "Cisco Cloud Services Router 1000V", productFamily: "Cloud Services Router", softwareTag: "CSR1000V" },
  { pidPattern: "^C93", productType: "C9300", productDescription: "Cisco Catalyst 9300 Series Switch", productFamily: "Catalyst 9300 Series Switches", softwareTag: "C9300" },
  { pidPattern: "^C95", productType: "C9500", productDescription: "Cisco Catalyst 9500 Series Switch", productFamily: "Catalyst 9500 Series Switches", softwareTag: "C9500" },
  { pidPattern: "^ASR-920", productType: "ASR920", productDescription: "Cisco ASR 920 Series Aggregation Services Router", productFamily: "ASR 920 Series Routers", softwareTag: "ASR920" },
  { pidPattern: "^DN2-", productType: "DNASW", productDescription: "Cisco DNA Center Appliance", productFamily: "DNA Center Appliances", softwareTag: "DNAC" },
];

/** D-27 hsec_map: PID pattern → device-specific HSECK9 license (#) and its DNA_HSEC upgrade target. */
export const HSEC_MAP = [
  { pidPattern: "^C11", license: 2, upgradeTarget: 1 },
  { pidPattern: "^ISR43", license: 12, upgradeTarget: 1 },
  { pidPattern: "^ISR44", license: 14, upgradeTarget: 1 },
];

export type SkuMapEntry = {
  sku: string;
  productFamily: string;
  featureName: string;
  featureVersion?: string;
  /** DD-4 number of the smart equivalent, or null when there is none. */
  license: number | null;
};

/** Features whose evaluation licenses S-59 offers (DD-4). */
export const EVAL_FEATURES = new Set(["securityk9", "uc", "data"]);

export const FAMILY = {
  ise: "Identity Services Engine",
  asr1k: "ASR 1000 Series Routers",
  isr1100: "Cisco 1100 Series Integrated Services Routers",
  isr4300: "Cisco 4300 Series Integrated Services Routers",
  csr: "Cloud Services Router",
  nexus: "Nexus 9000 Series Switches",
  asr920: "ASR 920 Series Routers",
  isr2900: "Cisco 2900 Series Integrated Services Routers",
  as5400: "AS5400 Series Universal Gateways",
} as const;

/** D-27 sku_map (DD-4): the DD-9 SKUs, the DD-10 features, and the DLC features of the DD-12/DD-13 demos. */
export const SKU_MAP: SkuMapEntry[] = [
  // DD-9 PAK SKUs
  { sku: "C1-ISE-PLS-T", productFamily: FAMILY.ise, featureName: "ise-plus", license: 39 },
  { sku: "C1-ISE-BASE-T", productFamily: FAMILY.ise, featureName: "ise-base", license: 40 },
  { sku: "SLASR1-AIS", productFamily: FAMILY.asr1k, featureName: "advipservices", license: 43 },
  { sku: "FL-1100-8P-HSEC=", productFamily: FAMILY.isr1100, featureName: "hseck9", license: 2 },
  { sku: "L-CSR-5G-SEC=", productFamily: FAMILY.csr, featureName: "securityk9", license: 42 },
  { sku: "NXOS-AD-XF2", productFamily: FAMILY.nexus, featureName: "NXOS_ADVANTAGE_XF", license: null },
  { sku: "L-ASR920-10G-2", productFamily: FAMILY.asr920, featureName: "10GEupgradelicense", license: null },
  { sku: "L-ASR920-1G-6", productFamily: FAMILY.asr920, featureName: "1GEupgradelicense", license: null },
  // DD-10 features without a DD-9 SKU
  { sku: "SL-29-SEC-K9", productFamily: FAMILY.isr2900, featureName: "securityk9", license: null },
  { sku: "SL-29-UC-K9", productFamily: FAMILY.isr2900, featureName: "uc", license: null },
  { sku: "SL-29-DATA-K9", productFamily: FAMILY.isr2900, featureName: "data", license: null },
  { sku: "FL-AS54-GSMAMRNB", productFamily: FAMILY.as5400, featureName: "gsmamrnb-codec-pack", license: null },
  // DLC (W-21) mappings by family and feature for the ISR 1100 and ISR 4351 demo devices
  { sku: "C1111-8P-APPX", productFamily: FAMILY.isr1100, featureName: "appxk9", license: 3 },
  { sku: "FL-1100-8P-SEC", productFamily: FAMILY.isr1100, featureName: "securityk9", license: 4 },
  { sku: "ISR4351-PERF", productFamily: FAMILY.isr4300, featureName: "throughput", license: 8 },
  { sku: "ISR4351-APP", productFamily: FAMILY.isr4300, featureName: "appxk9", license: 9 },
  { sku: "ISR4351-UC", productFamily: FAMILY.isr4300, featureName: "uck9", license: 10 },
  { sku: "ISR4351-SEC", productFamily: FAMILY.isr4300, featureName: "securityk9", license: 11 },
];
