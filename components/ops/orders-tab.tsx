"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { depositOrderAction } from "@/app/(portal)/ops/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError, TextInput } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { formatDate } from "@/lib/format";
import { depositOrderSchema } from "@/lib/ops/schemas";
import { SimpleTable } from "@/components/ui/simple-table";

type Choices = {
  smartAccounts: { id: string; name: string; vas: { id: string; name: string }[] }[];
  licenses: { id: string; name: string }[];
};
type OrderRow = { id: string; orderNumber: string; orderDate: string; smartAccount: string; virtualAccount: string; lines: number; quantity: number };
type Line = {
  licenseDefinitionId: string;
  sku: string;
  quantity: string;
  licenseType: "PERPETUAL" | "TERM" | "SUBSCRIPTION" | "DEMO";
  startDate: string;
  endDate: string;
  subscriptionId: string;
  pendingUpgrade: boolean;
};

const select = "w-full rounded border border-slate-300 bg-white px-2 py-1.5";
const emptyLine = (licenseId: string): Line => ({
  licenseDefinitionId: licenseId,
  sku: "",
  quantity: "1",
  licenseType: "PERPETUAL",
  startDate: "",
  endDate: "",
  subscriptionId: "",
  pendingUpgrade: false,
});

/** S-34 Orders: the deposited orders and `New Order...` (W-52). */
export function OrdersTab({ rows, choices, today }: { rows: OrderRow[]; choices: Choices; today: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  return (
    <section aria-label="Orders">
      <div className="mb-2">
        <Button variant="primary" onClick={() => setOpen(true)} data-testid="s34-new-order">
          New Order...
        </Button>
      </div>
      <SimpleTable label="Orders" headers={["Order Number", "Order Date", "Smart Account", "Virtual Account", "Lines", "Quantity"]} count={rows.length}>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-100">
              <td className="px-3 py-1.5">{r.orderNumber}</td>
              <td className="px-3 py-1.5">{formatDate(r.orderDate)}</td>
              <td className="px-3 py-1.5">{r.smartAccount}</td>
              <td className="px-3 py-1.5">{r.virtualAccount}</td>
              <td className="px-3 py-1.5">{r.lines}</td>
              <td className="px-3 py-1.5">{r.quantity}</td>
            </tr>
          ))}
      </SimpleTable>
      {open && (
        <NewOrderDialog
          choices={choices}
          today={today}
          onClose={() => setOpen(false)}
          onDone={(n) => {
            setOpen(false);
            toast.success(`Order ${n} was deposited.`);
            router.refresh();
          }}
        />
      )}
    </section>
  );
}

function NewOrderDialog({ choices, today, onClose, onDone }: { choices: Choices; today: string; onClose: () => void; onDone: (n: string) => void }) {
  const [saId, setSaId] = useState(choices.smartAccounts[0]?.id ?? "");
  const vas = choices.smartAccounts.find((s) => s.id === saId)?.vas ?? [];
  const [vaId, setVaId] = useState(vas[0]?.id ?? "");
  const [orderNumber, setOrderNumber] = useState("");
  const [orderDate, setOrderDate] = useState(today);
  const [lines, setLines] = useState<Line[]>([emptyLine(choices.licenses[0]?.id ?? "")]);
  const { errors, formError, busy, submit: submitForm } = useActionForm();
  const setLine = (i: number, patch: Partial<Line>) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  async function submit() {
    const input = { smartAccountId: saId, virtualAccountId: vaId, orderNumber, orderDate, lines };
    if (await submitForm(depositOrderSchema, input, (parsed) => depositOrderAction(parsed))) onDone(orderNumber.trim());
  }

  return (
    <Dialog
      open
      wide
      onOpenChange={(o) => !o && onClose()}
      title="New Order"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={busy} onClick={() => void submit()}>
            Create Order
          </Button>
        </>
      }
    >
      <FormError message={formError} />
      <div className="grid grid-cols-2 gap-x-4">
        <Field label="Smart Account" required error={errors.smartAccountId}>
          {(p) => (
            <select
              {...p}
              className={select}
              value={saId}
              onChange={(e) => {
                setSaId(e.target.value);
                setVaId(choices.smartAccounts.find((s) => s.id === e.target.value)?.vas[0]?.id ?? "");
              }}
            >
              {choices.smartAccounts.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Virtual Account" required error={errors.virtualAccountId}>
          {(p) => (
            <select {...p} className={select} value={vaId} onChange={(e) => setVaId(e.target.value)}>
              {vas.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Order Number" required error={errors.orderNumber}>
          {(p) => <TextInput {...p} inputMode="numeric" value={orderNumber} onChange={(e) => setOrderNumber(e.target.value)} />}
        </Field>
        <Field label="Order Date" required error={errors.orderDate}>
          {(p) => <TextInput {...p} type="date" value={orderDate} onChange={(e) => setOrderDate(e.target.value)} />}
        </Field>
      </div>
      {errors.lines && <p className="text-xs text-red-700">{errors.lines}</p>}
      {lines.map((line, i) => (
        <fieldset key={i} className="mb-3 rounded border border-slate-200 p-3">
          <legend className="px-1 font-medium">Line {i + 1}</legend>
          <div className="grid grid-cols-2 gap-x-4">
            <Field label="License" required error={errors[`lines.${i}.licenseDefinitionId`]}>
              {(p) => (
                <select {...p} className={select} value={line.licenseDefinitionId} onChange={(e) => setLine(i, { licenseDefinitionId: e.target.value })}>
                  {choices.licenses.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="SKU" required error={errors[`lines.${i}.sku`]}>
              {(p) => <TextInput {...p} value={line.sku} onChange={(e) => setLine(i, { sku: e.target.value })} />}
            </Field>
            <Field label="Quantity" required error={errors[`lines.${i}.quantity`]}>
              {(p) => <TextInput {...p} inputMode="numeric" value={line.quantity} onChange={(e) => setLine(i, { quantity: e.target.value })} />}
            </Field>
            <Field label="Type" required>
              {(p) => (
                <select {...p} className={select} value={line.licenseType} onChange={(e) => setLine(i, { licenseType: e.target.value as Line["licenseType"] })}>
                  <option value="PERPETUAL">Perpetual</option>
                  <option value="TERM">Term</option>
                  <option value="SUBSCRIPTION">Subscription</option>
                  <option value="DEMO">Demo</option>
                </select>
              )}
            </Field>
            <Field label="Start Date" error={errors[`lines.${i}.startDate`]}>
              {(p) => <TextInput {...p} type="date" value={line.startDate} onChange={(e) => setLine(i, { startDate: e.target.value })} />}
            </Field>
            <Field label="End Date" error={errors[`lines.${i}.endDate`]}>
              {(p) => <TextInput {...p} type="date" value={line.endDate} onChange={(e) => setLine(i, { endDate: e.target.value })} />}
            </Field>
            <Field label="Subscription Id">
              {(p) => <TextInput {...p} value={line.subscriptionId} onChange={(e) => setLine(i, { subscriptionId: e.target.value })} />}
            </Field>
            <label className="mt-6 flex items-center gap-2">
              <input type="checkbox" checked={line.pendingUpgrade} onChange={(e) => setLine(i, { pendingUpgrade: e.target.checked })} />
              Pending upgrade
            </label>
          </div>
          {lines.length > 1 && (
            <Button variant="link" onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}>
              Remove Line {i + 1}
            </Button>
          )}
        </fieldset>
      ))}
      <Button onClick={() => setLines((ls) => [...ls, emptyLine(choices.licenses[0]?.id ?? "")])}>Add Line</Button>
    </Dialog>
  );
}
