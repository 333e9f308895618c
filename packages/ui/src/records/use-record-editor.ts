import { type AppDocument, appTimeZone, type ObjectDefinition } from '@tessera/schemas';
import { App } from 'antd';
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';
import { isAbort } from '../api/http';
import { ApiError, fieldErrorsOf, type Problem } from '../api/problem';
import type { RecordData } from '../api/types';
import { type ApprovalRecord, approvalsApi } from '../approvals/approvals-api';
import { type DuplicateCandidate, duplicatesApi } from '../duplicates/duplicates-api';
import { matchRuleFields } from '../duplicates/match-rule-fields';
import { formLayout, generatedLayout } from '../form-runtime/form-layout';
import { formEngine, formOf, plainEngine } from '../form-runtime/form-rules';
import type { FormRuntime } from '../form-runtime/form-runtime-context';
import { createFormStore, formatErrors, missingRequired, writableValues } from '../form-runtime/form-store';
import { liveFormulas } from '../form-runtime/live-formulas';
import { formApi } from '../form-runtime/runtime-api';
import { useDraftAutosave } from '../form-runtime/use-draft-autosave';
import { useUniqueCheck } from '../form-runtime/use-unique-check';
import { localized } from '../i18n/localized';
import { useT } from '../i18n/use-t';
import type { DrawerTarget } from '../objects/use-drawer-target';
import { useAuthStore, useMyRoleIds } from '../stores/auth-store';
import { useObjectAccess, useRollupFields } from '../stores/current-app-store';
import { useSessionStore } from '../stores/session-store';
import { childErrorsOf } from '../widgets/child-table/cell-errors';
import { approverAccess } from './approver-access';
import { presetValues } from './drawer-preset';
import { readOnlyByAccess, withFieldAccess } from './field-access';
import { editableFields, type FormValues, toFormValues, toRecordValues } from './form-values';

interface EditorOptions {
  appId: string;
  document: AppDocument | null;
  object: ObjectDefinition;
  target: Exclude<DrawerTarget, null>;
  onSaved: (record: RecordData) => void;
  onDeleted: (id: string) => void;
  onClose: () => void;
}

function scrollToField(fieldId: string | undefined): void {
  if (fieldId) window.document.getElementById(`record-form_${fieldId}`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

/**
 * Load, save and delete one record for the drawer, through the object's form when it has one.
 * The server is the authority on values: a 422 puts each message on its field, a 409 (someone
 * saved first) offers a reload instead of overwriting their change. Fields the user's roles may
 * not write are locked and never sent. An edit can start from a preset (drawer target): its values
 * as the user's edits, its problem already on the fields.
 */
export function useRecordEditor({ appId, document, object, target, onSaved, onDeleted, onClose }: EditorOptions) {
  const t = useT();
  const { message } = App.useApp();
  const locale = useSessionStore((s) => s.locale);
  const [record, setRecord] = useState<RecordData | null>(null);
  const [loadState, setLoadState] = useState<{ status: 'loading' | 'ready' | 'failed'; error: unknown }>({
    status: target.mode === 'edit' ? 'loading' : 'ready',
    error: null,
  });
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [generalErrors, setGeneralErrors] = useState<string[]>([]);
  const [duplicates, setDuplicates] = useState<DuplicateCandidate[]>([]);
  const ruleFields = useMemo(() => matchRuleFields(object), [object]);
  const initialValues = useRef<FormValues | null>(null);
  const [attempt, setAttempt] = useState(0);
  const recordId = target.mode === 'edit' ? target.recordId : null;
  const preset = target.mode === 'edit' ? (target.preset ?? null) : null;
  const approval = target.mode === 'edit' ? (target.approval ?? null) : null;
  const presetOn = useRef<RecordData | null>(null);
  const roleAccess = useObjectAccess(object.id);
  // As an approver, the step's permissions: it was read with them (approval-access on the server).
  const [stepFields, setStepFields] = useState<ApprovalRecord['fields'] | null>(null);
  const access = useMemo(
    () => (approval && stepFields ? approverAccess(object, roleAccess, stepFields) : roleAccess),
    [approval, stepFields, object, roleAccess],
  );
  const locked = useMemo(() => readOnlyByAccess(access), [access]);
  const knownFields = useMemo(() => new Set(editableFields(object).map((f) => f.id)), [object]);

  const rollups = useRollupFields(object.id);
  // Rules and formulas read the clock, zone and user at each evaluation.
  const context = useMemo(
    () => () => ({
      now: new Date(),
      timeZone: appTimeZone(document),
      currentUser: useAuthStore.getState().me?.userId ?? null,
      currentDepartment: useAuthStore.getState().me?.departmentId ?? null,
    }),
    [document],
  );
  // The user's field access joins the rules here, once: every field then follows one readOnly/visible state.
  const roleIds = useMyRoleIds(appId);
  const engine = useMemo(
    () => withFieldAccess(document ? formEngine(document, object, context, roleIds) : plainEngine(object), access),
    [document, object, access, context, roleIds],
  );
  const layout = useMemo(() => {
    const form = document && engine.formId ? formOf(document, object, roleIds) : null;
    return form ? formLayout(form) : generatedLayout(object);
  }, [document, object, engine, roleIds]);
  const fields = useMemo(() => new Map(object.fields.map((f) => [f.id, f])), [object]);
  const store = useMemo(() => createFormStore(engine, {}, recordId ? 'update' : 'create'), [engine, recordId]);
  const checkUnique = useUniqueCheck(appId, object.id, recordId, store, fields);
  const draft = useDraftAutosave({ appId, objectId: object.id, key: recordId ?? 'new', store, engine, ready: loadState.status === 'ready' });
  const widgets = useMemo(() => ({ appId, locale, record, objects: document?.objects ?? [] }), [appId, locale, record, document]);
  const formulas = useMemo(() => liveFormulas(object, document?.objects ?? [], rollups, record, context), [object, document, rollups, record, context]);
  const runtime = useMemo<FormRuntime>(() => ({ store, fields, widgets, checkUnique, formulas }), [store, fields, widgets, checkUnique, formulas]);

  useEffect(() => {
    if (!recordId) return;
    const controller = new AbortController();
    setLoadState({ status: 'loading', error: null });
    const load = approval
      ? approvalsApi.record(approval, controller.signal).then((loaded) => {
          setStepFields(loaded.fields);
          return loaded.record;
        })
      : api.getRecord(appId, object.id, recordId, controller.signal);
    load.then(
      (loaded) => {
        setRecord(loaded);
        setConflict(false);
        setGeneralErrors([]);
        setLoadState({ status: 'ready', error: null });
      },
      (error: unknown) => {
        if (!isAbort(error)) setLoadState({ status: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [appId, object, recordId, approval, attempt]);

  const labelOf = useCallback((id: string) => localized(fields.get(id)?.label, locale, id), [fields, locale]);

  /** A 422's messages, each on its field; messages about a line's cell (`/values/lines/3/qty`) go on that cell, and the table says how many lines to look at. */
  const placeProblem = useCallback(
    (problem: Problem | null) => {
      const lines = childErrorsOf(problem, object, store.getState().values);
      const { byField, general } = fieldErrorsOf(lines.rest, knownFields);
      for (const [table, count] of Object.entries(lines.linesWithErrors)) (byField[table] ??= []).unshift(t('childTable.linesWithErrors', { count }));
      store.getState().setErrors({ ...byField, ...lines.cells });
      setGeneralErrors(general);
      scrollToField(Object.keys(byField)[0]);
    },
    [store, object, knownFields, t],
  );

  // On the record first loaded only (and again if the form's store is made anew for it): a reload
  // after a conflict drops the preset with the user's other edits. An effect event, so a change of
  // language does not re-run the load below and wipe what the user typed.
  const applyPreset = useEffectEvent((loaded: RecordData) => {
    if (!preset || (presetOn.current !== null && presetOn.current !== loaded)) return;
    presetOn.current = loaded;
    const state = store.getState();
    state.reset(presetValues(object, state.values, state.fields, preset.values), 'update');
    placeProblem(preset.problem);
  });

  // A reload after a conflict lands here too: it drops the user's stale edits and error marks.
  useEffect(() => {
    if (!record) return;
    const values = toFormValues(object, record, document?.objects);
    initialValues.current = values;
    store.getState().reset(values, 'update');
    applyPreset(record);
  }, [record, object, store, document]);

  const showProblem = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.status === 422) {
        placeProblem(error.problem);
        void message.error(t('record.invalid'));
      } else if (error instanceof ApiError && error.status === 409) {
        setConflict(true);
      } else {
        void message.error(errorMessage(error, t));
      }
    },
    [placeProblem, message, t],
  );

  /**
   * Before a create, or an edit of a field the match rules read, the server is asked which records
   * the values would duplicate; any found are shown instead of saving, until "save anyway".
   */
  const likelyDuplicates = useCallback(
    async (payload: Record<string, unknown>, anyway: boolean): Promise<DuplicateCandidate[]> => {
      if (anyway || approval || ruleFields.size === 0 || (record && !Object.keys(payload).some((id) => ruleFields.has(id)))) return [];
      const everything = toRecordValues(object, writableValues(store.getState(), locked), null);
      return (await duplicatesApi.check(appId, object.id, everything, record?.id ?? null)).candidates;
    },
    [appId, object, record, approval, ruleFields, store, locked],
  );

  const save = useCallback(
    async ({ anyway = false }: { anyway?: boolean } = {}) => {
      const state = store.getState();
      // Everything the server would refuse for the values alone, in one go: empty required fields and broken formats.
      const missing = Object.fromEntries(missingRequired(state).map((id) => [id, [t('record.required', { field: labelOf(id) })]]));
      const errors = { ...formatErrors(engine, state, locale), ...missing };
      if (Object.keys(errors).length > 0) {
        state.setErrors(errors);
        scrollToField(engine.fields.find((f) => f.id in errors)?.id);
        return;
      }
      setSaving(true);
      setGeneralErrors([]);
      try {
        const payload = toRecordValues(object, writableValues(state, locked), record ? initialValues.current : null);
        const found = await likelyDuplicates(payload, anyway);
        setDuplicates(found);
        if (found.length > 0) return;
        const saved = !record
          ? await formApi.createRecord(appId, object.id, engine.formId, payload)
          : approval
            ? (await approvalsApi.fill(approval, record.version, payload)).record
            : await formApi.updateRecord(appId, object.id, engine.formId, record.id, record.version, payload);
        draft.finish();
        onSaved(saved);
        void message.success(t(record ? 'record.saved' : 'record.created'));
        onClose();
      } catch (error) {
        showProblem(error);
      } finally {
        setSaving(false);
      }
    },
    [appId, object, engine, record, approval, store, locked, draft, labelOf, locale, onSaved, onClose, message, t, showProblem, likelyDuplicates],
  );

  const remove = useCallback(async () => {
    if (!record) return;
    setSaving(true);
    try {
      await api.deleteRecord(appId, object.id, record.id);
      draft.finish();
      onDeleted(record.id);
      void message.success(t('record.deleted'));
      onClose();
    } catch (error) {
      showProblem(error);
    } finally {
      setSaving(false);
    }
  }, [appId, object.id, record, draft, onDeleted, onClose, message, t, showProblem]);

  return {
    runtime,
    layout,
    record,
    /** Opened as an approver: the record stays (no delete), only the step's fields are open. */
    asApprover: approval !== null,
    loadState,
    saving,
    conflict,
    generalErrors,
    /** Records the last save attempt would have duplicated; saving waits for "save anyway". */
    duplicates,
    draft: { offer: draft.offer, resume: draft.resume, discard: draft.discard },
    save,
    remove,
    reload: useCallback(() => setAttempt((n) => n + 1), []),
  };
}
