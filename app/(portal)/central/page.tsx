import Link from "next/link";
import { PageHeader } from "@/components/shell/cssm-shell";

const GROUPS = [
  {
    title: "Download & Upgrade",
    tiles: [
      { label: "Software Download", text: "Software images are not distributed by this portal." },
      { label: "Product Upgrade Tool", text: "Upgrade ordering is handled outside OpenSSM." },
    ],
  },
  {
    title: "Network Plug and Play",
    tiles: [{ label: "Plug and Play Connect", text: "Device onboarding is not part of this portal." }],
  },
  {
    title: "License",
    tiles: [
      { label: "Traditional Licensing", href: "/traditional", text: "Register PAKs and get node-locked license files for devices." },
      { label: "Smart Software Licensing", href: "/", text: "Manage Smart Accounts, virtual accounts, licenses and usage." },
      { label: "License Utility", href: "/cslu", text: "Collect usage from devices and relay it to the portal." },
      { label: "On-Prem", href: "/onprem", text: "Run a local licensing server that synchronises with the portal." },
    ],
  },
];

/** S-3 Software Central landing. */
export default function CentralPage() {
  return (
    <div className="px-6 py-4">
      <PageHeader trail="Home" title="Software Central" />
      <div className="grid gap-6 md:grid-cols-3">
        {GROUPS.map((g) => (
          <section key={g.title} aria-label={g.title}>
            <h2 className="mb-2 text-base font-semibold">{g.title}</h2>
            <ul className="space-y-2">
              {g.tiles.map((t) => (
                <li key={t.label} className="rounded border border-slate-200 bg-white p-3">
                  {"href" in t && t.href ? (
                    <Link href={t.href} className="font-medium">
                      {t.label}
                    </Link>
                  ) : (
                    <span className="font-medium text-slate-400" aria-disabled="true">
                      {t.label}
                    </span>
                  )}
                  <p className="mt-1 text-slate-600">{t.text}</p>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
