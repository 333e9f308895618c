import type { ObjectDefinition } from '@tessera/schemas';
import { App, Form } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';
import { isAbort } from '../api/http';
import { ApiError, fieldErrorsOf } from '../api/problem';
import type { RecordData } from '../api/types';
import { useT } from '../i18n/use-t';
import type { DrawerTarget } from '../objects/use-drawer-target';
import { editableFields, toFormValues, toRecordValues, type FormValues } from './form-values';

interface EditorOptions {
  appId: string;
  object: ObjectDefinition;
  target: Exclude<DrawerTarget, null>;
  onSaved: (record: RecordData) => void;
  onDeleted: (id: string) => void;
  onClose: () => void;
}

/**
 * Load, save and delete one record for the drawer. The server is the authority on values: a
 * 422 puts each message on its form item, a 409 (someone saved first) offers a reload instead
 * of overwriting their change.
 */
export function useRecordEditor({ appId, object, target, onSaved, onDeleted, onClose }: EditorOptions) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [record, setRecord] = useState<RecordData | null>(null);
  const [loadState, setLoadState] = useState<{ status: 'loading' | 'ready' | 'failed'; error: unknown }>({
    status: target.mode === 'edit' ? 'loading' : 'ready', error: null,
  });
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [generalErrors, setGeneralErrors] = useState<string[]>([]);
  const initialValues = useRef<FormValues | null>(null);
  const [attempt, setAttempt] = useState(0);
  const recordId = target.mode === 'edit' ? target.recordId : null;
  const knownFields = useMemo(() => new Set(editableFields(object).map((f) => f.id)), [object]);

  useEffect(() => {
    if (!recordId) return;
    const controller = new AbortController();
    setLoadState({ status: 'loading', error: null });
    api.getRecord(appId, object.id, recordId, controller.signal).then(
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
  }, [appId, object, recordId, attempt]);

  // Filled after the render that mounts the <Form>: an antd form instance only takes values
  // reliably once a Form element is connected to it. A reload after a conflict lands here too,
  // and resetFields drops the user's stale edits and error marks.
  useEffect(() => {
    if (!record) return;
    const values = toFormValues(object, record);
    initialValues.current = values;
    form.resetFields();
    form.setFieldsValue(values);
  }, [record, object, form]);

  const showProblem = useCallback((error: unknown) => {
    if (error instanceof ApiError && error.status === 422) {
      const { byField, general } = fieldErrorsOf(error.problem, knownFields);
      form.setFields(Object.entries(byField).map(([name, errors]) => ({ name, errors })));
      setGeneralErrors(general);
      void message.error(t('record.invalid'));
    } else if (error instanceof ApiError && error.status === 409) {
      setConflict(true);
    } else {
      void message.error(errorMessage(error, t));
    }
  }, [form, knownFields, message, t]);

  const save = useCallback(async () => {
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // antd already marks the items that failed
    }
    setSaving(true);
    setGeneralErrors([]);
    try {
      const payload = toRecordValues(object, values, record ? initialValues.current : null);
      const saved = record
        ? await api.updateRecord(appId, object.id, record.id, record.version, payload)
        : await api.createRecord(appId, object.id, payload);
      onSaved(saved);
      void message.success(t(record ? 'record.saved' : 'record.created'));
      onClose();
    } catch (error) {
      showProblem(error);
    } finally {
      setSaving(false);
    }
  }, [appId, object, record, form, onSaved, onClose, message, t, showProblem]);

  const remove = useCallback(async () => {
    if (!record) return;
    setSaving(true);
    try {
      await api.deleteRecord(appId, object.id, record.id);
      onDeleted(record.id);
      void message.success(t('record.deleted'));
      onClose();
    } catch (error) {
      showProblem(error);
    } finally {
      setSaving(false);
    }
  }, [appId, object.id, record, onDeleted, onClose, message, t, showProblem]);

  return {
    form,
    record,
    loadState,
    saving,
    conflict,
    generalErrors,
    save,
    remove,
    reload: useCallback(() => setAttempt((n) => n + 1), []),
  };
}
