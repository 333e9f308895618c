import { App, Form } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';
import { ApiError, fieldErrorsOf } from '../api/problem';
import type { RecordData } from '../api/types';
import { useT } from '../i18n/use-t';
import { editableFields, type FormValues, toRecordValues } from '../records/form-values';
import type { RelatedListSpec } from './related-lists';

interface RelatedCreateOptions {
  appId: string;
  list: RelatedListSpec;
  /** The record the new one belongs to (the customer a visit is for), with its display text. */
  parent: { id: string; label: string };
  onCreated: (record: RecordData) => void;
  onClose: () => void;
}

/**
 * Creates a record of a related list's target with the relation back to this record filled in.
 * The record drawer has no way to start a record with values yet, so this is its create half
 * with initial values; the server still validates everything and answers 422 per field.
 */
export function useRelatedCreate({ appId, list, parent, onCreated, onClose }: RelatedCreateOptions) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [generalErrors, setGeneralErrors] = useState<string[]>([]);
  const fields = useMemo(() => editableFields(list.target), [list.target]);
  const known = useMemo(() => new Set(fields.map((f) => f.id)), [fields]);
  const initialValues = useMemo((): FormValues => ({ [list.via.id]: parent.id }), [list.via.id, parent.id]);
  // The relation picker takes the label of its current value from a record's `_display`.
  const displayRecord = useMemo(
    (): RecordData => ({
      id: '',
      version: 0,
      owner_id: null,
      department_id: null,
      created_at: '',
      created_by: null,
      updated_at: '',
      updated_by: null,
      deleted_at: null,
      [list.via.id]: parent.id,
      _display: { [list.via.id]: parent.label },
    }),
    [list.via.id, parent.id, parent.label],
  );

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
      const payload = toRecordValues(list.target, { ...values, [list.via.id]: parent.id }, null);
      const created = await api.createRecord(appId, list.target.id, payload);
      void message.success(t('record.created'));
      onCreated(created);
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) {
        const { byField, general } = fieldErrorsOf(error.problem, known);
        form.setFields(Object.entries(byField).map(([name, errors]) => ({ name, errors })));
        setGeneralErrors(general);
        void message.error(t('record.invalid'));
      } else {
        void message.error(errorMessage(error, t));
      }
    } finally {
      setSaving(false);
    }
  }, [appId, list, parent.id, form, known, message, t, onCreated, onClose]);

  return { form, fields, initialValues, displayRecord, saving, generalErrors, save };
}
