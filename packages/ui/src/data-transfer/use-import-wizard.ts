import { useCallback, useEffect, useRef, useState } from 'react';
import { dedupKeyPlan } from './dedup-key-options';
import { type DryRunResult, type ImportPlan, type ImportPreview, type ImportStatus, importsApi } from './imports-api';

export type WizardStep = 'upload' | 'mapping' | 'check' | 'result';

/** The user's choices on the mapping step; the column → field map starts from the server's suggestions. */
export interface WizardChoices {
  mapping: Record<number, string | null>;
  /** A mapped field's id, or `rule:` and a match rule's id (dedupKeyOptions); null: rows are not matched. */
  dedupKey: string | null;
  dedupMode: 'skip' | 'update' | 'create';
  atomicity: 'all' | 'valid';
}

const POLL_MS = 500;

const suggested = (preview: ImportPreview): Record<number, string | null> => Object.fromEntries(preview.columns.map((c) => [c.column, c.suggestion]));

/** A key field the user will likely want: the first mapped unique-looking text field the server suggested. */
function defaultKey(preview: ImportPreview, mapping: Record<number, string | null>): string | null {
  const mapped = new Set(Object.values(mapping).filter(Boolean));
  return preview.fields.find((f) => mapped.has(f.id) && ['text', 'phone', 'email'].includes(f.type))?.id ?? null;
}

export function planOf(preview: ImportPreview, choices: WizardChoices): ImportPlan {
  const columns = Object.entries(choices.mapping).flatMap(([column, field]) => (field ? [{ column: Number(column), field }] : []));
  return {
    sheet: preview.sheet,
    headerRow: preview.headerRow,
    columns,
    dedup: choices.dedupKey && choices.dedupMode !== 'create' ? { ...dedupKeyPlan(choices.dedupKey), mode: choices.dedupMode } : null,
    atomicity: choices.atomicity,
  };
}

/**
 * The import wizard's state and steps: upload → sheet and mapping → dry run with the errors →
 * run (a job, polled for progress) → result with undo. Every step is the server's answer; the
 * wizard only keeps what the user chose in between.
 */
export function useImportWizard(appId: string, objectId: string, onImported: () => void) {
  const [step, setStep] = useState<WizardStep>('upload');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [choices, setChoices] = useState<WizardChoices>({ mapping: {}, dedupKey: null, dedupMode: 'skip', atomicity: 'valid' });
  const [dryRun, setDryRun] = useState<DryRunResult | null>(null);
  const [status, setStatus] = useState<ImportStatus | null>(null);
  const [undone, setUndone] = useState<{ deleted: number; restored: number; skipped: number } | null>(null);
  const poll = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (poll.current && clearTimeout(poll.current)), []);

  const guard = useCallback(async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }, []);

  const adopt = (next: ImportPreview) => {
    const mapping = suggested(next);
    setPreview(next);
    setChoices((c) => ({ ...c, mapping, dedupKey: defaultKey(next, mapping) }));
    setDryRun(null);
  };

  const upload = (file: File) =>
    guard(async () => {
      adopt(await importsApi.upload(appId, objectId, file));
      setStep('mapping');
    });
  const choose = (choice: { sheet?: number; headerRow?: number }) =>
    guard(async () => {
      if (preview) adopt(await importsApi.preview(appId, objectId, preview.id, { sheet: choice.sheet ?? preview.sheet, headerRow: choice.headerRow }));
    });
  const check = () =>
    guard(async () => {
      if (!preview) return;
      setDryRun(await importsApi.dryRun(appId, objectId, preview.id, planOf(preview, choices)));
      setStep('check');
    });
  const follow = (id: string) => {
    poll.current = setTimeout(async () => {
      try {
        const next = await importsApi.status(appId, objectId, id);
        setStatus(next);
        if (next.status === 'running') follow(id);
        else if (next.status === 'done') onImported();
      } catch (caught) {
        setError(caught);
      }
    }, POLL_MS);
  };
  const run = () =>
    guard(async () => {
      if (!preview) return;
      const started = await importsApi.run(appId, objectId, preview.id, planOf(preview, choices));
      setStatus(started);
      setStep('result');
      follow(preview.id);
    });
  const undo = () =>
    guard(async () => {
      if (!preview) return;
      setUndone(await importsApi.undo(appId, objectId, preview.id));
      setStatus(await importsApi.status(appId, objectId, preview.id));
      onImported();
    });

  return {
    step,
    setStep,
    busy,
    error,
    preview,
    choices,
    setChoices,
    dryRun,
    status,
    undone,
    upload,
    choose,
    check,
    run,
    undo,
    errorReportUrl: preview ? importsApi.errorReportUrl(appId, objectId, preview.id) : null,
  };
}

export type ImportWizardState = ReturnType<typeof useImportWizard>;
