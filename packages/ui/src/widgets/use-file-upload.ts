import type { FieldDefinition } from '@tessera/schemas';
import { Upload, type UploadFile, type UploadProps } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../api/error-message';
import { isAbort } from '../api/http';
import { ApiError } from '../api/problem';
import type { FileRef } from '../api/types';
import { useT } from '../i18n/use-t';
import { useAuthStore } from '../stores/auth-store';
import { uploadFile } from './file-api';
import { acceptedUpload, maxFilesOf, pickProblem, recordFileUrl, uploadStatusProblem } from './file-values';

/** Where a saved record's files can be fetched; null before the first save (nothing to ask through yet). */
export interface FileSource {
  appId: string;
  objectId: string | null;
  recordId: string | null;
  /** Ids the saved record holds: only those are downloadable, a fresh upload is not until the save. */
  savedIds: ReadonlySet<string>;
}

interface Pending {
  uid: string;
  name: string;
  controller: AbortController;
}

export interface UploadFailure {
  uid: string;
  message: string;
}

/**
 * The state of one attachment or image input. The value is the list of `{ id, name, size, mime }`
 * the server answered; files still on their way and refusals are kept here, outside the value,
 * so a save never sends a half-uploaded file.
 */
export function useFileUpload(field: FieldDefinition, value: readonly FileRef[], source: FileSource, onChange: ((next: FileRef[] | null) => void) | undefined) {
  const t = useT();
  const [pending, setPending] = useState<Pending[]>([]);
  const [failures, setFailures] = useState<UploadFailure[]>([]);
  // Several files picked at once finish one by one: each must add to the latest list, not the one it started with.
  const latest = useRef<readonly FileRef[]>(value);
  latest.current = value;
  const held = useRef(0);
  held.current = value.length + pending.length;
  const pendingRef = useRef(pending);
  pendingRef.current = pending;

  useEffect(() => () => pendingRef.current.forEach((p) => p.controller.abort()), []);

  const emit = useCallback(
    (next: FileRef[]) => {
      latest.current = next;
      onChange?.(next.length > 0 ? next : null);
    },
    [onChange],
  );

  const fail = useCallback((uid: string, message: string) => setFailures((f) => [...f, { uid, message }]), []);

  const failureText = useCallback(
    (error: unknown, name: string): string => {
      const status = error instanceof ApiError ? error.status : -1;
      // The server answers in the user's language; only a bare 413 (often a proxy's) or a body-less refusal needs our words.
      const server = error instanceof ApiError ? (error.problem?.detail ?? error.problem?.title) : undefined;
      const own = uploadStatusProblem(status, name);
      if (own && (status === 413 || !server)) return t(own.key, own.params);
      return server ? t('widget.fileFailed', { name, reason: server }) : errorMessage(error, t);
    },
    [t],
  );

  const beforeUpload = useCallback<NonNullable<UploadProps['beforeUpload']>>(
    (file) => {
      const problem = pickProblem(field, file, held.current);
      if (problem) {
        fail(file.uid, t(problem.key, problem.params));
        return Upload.LIST_IGNORE;
      }
      // Counted now: the next file of the same pick is checked against this one too.
      held.current += 1;
      return true;
    },
    [field, fail, t],
  );

  const customRequest = useCallback<NonNullable<UploadProps['customRequest']>>(
    ({ file }) => {
      if (!(file instanceof Blob)) return;
      const name = file instanceof File ? file.name : 'file';
      const uid = typeof (file as { uid?: unknown }).uid === 'string' ? (file as { uid: string }).uid : `${Date.now()}-${name}`;
      const controller = new AbortController();
      setPending((p) => [...p, { uid, name, controller }]);
      uploadFile(source.appId, file, name, controller.signal)
        .then(
          (ref) => {
            if (acceptedUpload(field, ref)) emit([...latest.current, ref]);
            else fail(uid, t('widget.fileNotImage', { name }));
          },
          (error: unknown) => {
            if (isAbort(error)) return;
            // The session ended while the file was on its way: back to sign-in, like every other call (api/http.ts).
            if (error instanceof ApiError && error.status === 401) useAuthStore.getState().expire();
            else fail(uid, failureText(error, name));
          },
        )
        .finally(() => setPending((p) => p.filter((x) => x.uid !== uid)));
    },
    [source.appId, field, emit, fail, failureText, t],
  );

  const { appId, objectId, recordId, savedIds } = source;
  const fileList = useMemo<UploadFile[]>(
    () => [
      ...value.map((ref): UploadFile => {
        const url = objectId && recordId && savedIds.has(ref.id) ? recordFileUrl(appId, objectId, recordId, ref.id) : undefined;
        return { uid: ref.id, name: ref.name, size: ref.size, type: ref.mime, status: 'done', ...(url ? { url, thumbUrl: url } : {}) };
      }),
      ...pending.map((p): UploadFile => ({ uid: p.uid, name: p.name, status: 'uploading' })),
    ],
    [value, pending, appId, objectId, recordId, savedIds],
  );

  const onRemove = useCallback(
    (item: UploadFile) => {
      const upload = pendingRef.current.find((p) => p.uid === item.uid);
      if (upload) upload.controller.abort();
      else emit(latest.current.filter((ref) => ref.id !== item.uid));
      setFailures([]);
      // The list is ours (controlled): antd must not remove anything itself.
      return false;
    },
    [emit],
  );

  const max = maxFilesOf(field);
  return {
    fileList,
    failures,
    full: value.length + pending.length >= max,
    max,
    beforeUpload,
    customRequest,
    onRemove,
    dismiss: useCallback(() => setFailures([]), []),
  };
}
