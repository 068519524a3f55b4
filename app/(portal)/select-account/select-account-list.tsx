"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { selectSmartAccount } from "../actions";
import { allRecordsSummary } from "@/lib/format";

type Row = { id: string; name: string; domain: string; role: string };

export function SelectAccountList({ rows, callbackUrl }: { rows: Row[]; callbackUrl: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const choose = (id: string) =>
    start(async () => {
      const r = await selectSmartAccount({ smartAccountId: id });
      if (!r.ok) toast.error(r.error);
      else router.push(callbackUrl);
    });
  return (
    <table className="w-full max-w-3xl rounded border border-slate-200 bg-white text-left">
      <thead className="bg-slate-100 text-slate-600">
        <tr>
          <th scope="col" className="px-3 py-2">Smart Account</th>
          <th scope="col" className="px-3 py-2">Domain</th>
          <th scope="col" className="px-3 py-2">Your Role</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-t border-slate-100">
            <td className="px-3 py-1.5">
              <Button variant="link" disabled={pending} onClick={() => choose(r.id)}>
                {r.name}
              </Button>
            </td>
            <td className="px-3 py-1.5">{r.domain}</td>
            <td className="px-3 py-1.5">{r.role}</td>
          </tr>
        ))}
        {rows.length === 0 && (
          <tr>
            <td colSpan={3} className="px-3 py-3 text-center text-slate-500">No Records to Display</td>
          </tr>
        )}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={3} className="px-3 py-2 text-slate-500">
            {allRecordsSummary(rows.length)}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
