/** DD-2, as the login page's `Demo users` panel and README list them. */
export const DEMO_PASSWORD = "Demo123!";

export const DEMO_USERS = [
  { email: "admin@example.com", ccoId: "eg-admin", access: "Smart Account Administrator of Eg-SA-01; Smart Account User of BU Production Test" },
  { email: "va.admin@example.com", ccoId: "eg-vaadmin", access: "Virtual Account Administrator on Eg-VA-01 and Eg-VA-02" },
  { email: "va.user@example.com", ccoId: "eg-vauser", access: "Virtual Account User on Eg-VA-01; Virtual Account Viewer on Krakow LAN-SW" },
  { email: "viewer@example.com", ccoId: "eg-viewer", access: "Smart Account Viewer of Eg-SA-01" },
  { email: "ops@example.com", ccoId: "lic-ops", access: "Licensing Operations" },
  { email: "bu.admin@example.com", ccoId: "bu-admin", access: "Smart Account Administrator of BU Production Test" },
];
