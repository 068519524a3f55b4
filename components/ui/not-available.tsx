/** An honest placeholder for a screen a later release builds: never a dead link or a crash. */
export function NotAvailable({ screen, detail }: { screen: string; detail?: string }) {
  return (
    <section
      aria-label={`${screen} (not available yet)`}
      className="rounded border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600"
      data-testid="not-available"
    >
      <h2 className="mb-2 text-base font-semibold text-slate-700">{screen} is not available yet</h2>
      <p>{detail ?? "This part of OpenSSM is still being built. Everything else in the portal works as usual."}</p>
    </section>
  );
}
