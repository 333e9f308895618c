import type { FieldDefinition } from '@tessera/schemas';
import type { FileRef } from '../api/types';
import type { MessageKey, MessageParams } from '../i18n/messages';

/** The server's cap per upload (docs/api-contract.md, "Files"); checked first so 25 MB is not sent for nothing. */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;
/** The schema's default when a field names no `maxFiles`. */
export const DEFAULT_MAX_FILES = 20;

export function isFileRef(value: unknown): value is FileRef {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const ref = value as Record<string, unknown>;
  return typeof ref.id === 'string' && typeof ref.name === 'string' && typeof ref.size === 'number' && typeof ref.mime === 'string';
}

/** The files of a stored or edited value; anything else in it (a malformed import) is dropped. */
export function fileRefs(value: unknown): FileRef[] {
  return Array.isArray(value) ? value.filter(isFileRef) : [];
}

export function isFileField(field: FieldDefinition): boolean {
  return field.type === 'attachment' || field.type === 'image';
}

export function maxFilesOf(field: FieldDefinition): number {
  return field.maxFiles ?? DEFAULT_MAX_FILES;
}

/** `/api/apps/…/records/:recordId/files/:fileId`: the only way to a file, checked against the record's permissions. */
export function recordFileUrl(appId: string, objectId: string, recordId: string, fileId: string): string {
  const enc = encodeURIComponent;
  return `/api/apps/${enc(appId)}/objects/${enc(objectId)}/records/${enc(recordId)}/files/${enc(fileId)}`;
}

export interface PickedFile {
  name: string;
  size: number;
  type: string;
}

export interface FileProblem {
  key: MessageKey;
  params: MessageParams;
}

/**
 * Why a picked file is refused before it is sent, or null. `accept` only filters the browser's
 * dialog (a drop or "all files" gets past it), so the image check is repeated here.
 */
export function pickProblem(field: FieldDefinition, file: PickedFile, alreadyHeld: number): FileProblem | null {
  const max = maxFilesOf(field);
  if (alreadyHeld >= max) return { key: 'widget.fileTooMany', params: { name: file.name, max } };
  if (file.size > MAX_FILE_BYTES) return { key: 'widget.fileTooLarge', params: { name: file.name, max: '25 MB' } };
  if (field.type === 'image' && file.type !== '' && !file.type.startsWith('image/')) return { key: 'widget.fileNotImage', params: { name: file.name } };
  return null;
}

/**
 * Our own words for an upload the server refused, when its problem text cannot be used: a
 * proxy in front of it answers 413 in HTML, and a refused type may come without a body.
 */
export function uploadStatusProblem(status: number, name: string): FileProblem | null {
  if (status === 0) return { key: 'error.network', params: {} };
  if (status === 413) return { key: 'widget.fileTooLarge', params: { name, max: '25 MB' } };
  if (status === 415 || status === 422) return { key: 'widget.fileRejected', params: { name } };
  return null;
}

/** The server sniffs images: a `.png` that is not one comes back with another type and is refused. */
export function acceptedUpload(field: FieldDefinition, ref: FileRef): boolean {
  return field.type !== 'image' || ref.mime.startsWith('image/');
}
