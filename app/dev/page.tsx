import { ResetDemoData } from "@/components/dev/reset-demo-data";
import { SimulatorTable } from "@/components/dev/simulator-table";

/** S-60 demo tools: the device simulator and the demo reset. */
export default function DevPage() {
  return (
    <div className="space-y-8">
      <section aria-labelledby="s60-device-simulator-title">
        <h2 id="s60-device-simulator-title" className="mb-1 text-lg font-semibold">
          Device Simulator
        </h2>
        <p className="mb-3 max-w-4xl text-slate-600">
          Simulated devices stand in for real routers and switches. Each writes signed usage files and authorization
          requests for the portal, and installs the ACKs and codes the portal sends back. Times come from the app&apos;s
          clock.
        </p>
        <SimulatorTable />
      </section>
      <section aria-labelledby="s60-reset-title">
        <h2 id="s60-reset-title" className="mb-1 text-lg font-semibold">
          Reset Demo Data
        </h2>
        <p className="mb-3 text-slate-600">Load the demo data set again, as a fresh install has it.</p>
        <ResetDemoData />
      </section>
    </div>
  );
}
