"use client";

import { useState } from "react";
import { DemoLicenseDialog, type EvaluationFeature } from "./demo-license-dialog";
import { DropdownButton } from "./dropdown-button";
import { GetLicensesWizard } from "./get-licenses-wizard";
import { MigrationDialog } from "./migration-dialog";

type Open = { kind: "pak"; pak?: string } | { kind: "demo" } | { kind: "migration" } | null;

/** `Get Licenses ▾` (S-52, S-54): `From PAK/Token...`, `Demo and evaluation...`, `Migration...`. */
export function GetLicensesMenu({
  testPrefix,
  userEmail,
  evaluationFeatures,
  onDone,
  open,
  setOpen,
}: {
  testPrefix: string;
  userEmail: string;
  evaluationFeatures: EvaluationFeature[];
  onDone: () => void;
  open: Open;
  setOpen: (o: Open) => void;
}) {
  return (
    <>
      <DropdownButton
        label="Get Licenses"
        testId={`${testPrefix}-get-licenses`}
        primary
        items={[
          { label: "From PAK/Token...", testId: `${testPrefix}-from-pak-token`, onSelect: () => setOpen({ kind: "pak" }) },
          { label: "Demo and evaluation...", testId: `${testPrefix}-demo-and-evaluation`, onSelect: () => setOpen({ kind: "demo" }) },
          { label: "Migration...", testId: `${testPrefix}-migration`, onSelect: () => setOpen({ kind: "migration" }) },
        ]}
      />
      {open?.kind === "pak" && <GetLicensesWizard initialPak={open.pak} userEmail={userEmail} onClose={() => setOpen(null)} onDone={onDone} />}
      {open?.kind === "demo" && (
        <DemoLicenseDialog features={evaluationFeatures} userEmail={userEmail} onClose={() => setOpen(null)} onDone={onDone} />
      )}
      {open?.kind === "migration" && <MigrationDialog onClose={() => setOpen(null)} />}
    </>
  );
}

export function useGetLicenses() {
  return useState<Open>(null);
}
export type GetLicensesOpen = Open;
