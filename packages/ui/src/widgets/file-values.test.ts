import type { FieldDefinition } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { valueFromChange } from '../form-runtime/use-form-field';
import { acceptedUpload, fileRefs, MAX_FILE_BYTES, pickProblem, recordFileUrl, uploadStatusProblem } from './file-values';

const photo: FieldDefinition = { id: 'photo', type: 'image', label: { en: 'Photo' }, maxFiles: 2 };
const docs: FieldDefinition = { id: 'docs', type: 'attachment', label: { en: 'Docs' } };
const png = { id: 'f1', name: 'a.png', size: 68, mime: 'image/png' };

describe('file values', () => {
  it('keeps only file refs, also through a widget change', () => {
    expect(fileRefs([png, 'x', { id: 'f2' }])).toEqual([png]);
    expect(fileRefs(null)).toEqual([]);
    expect(valueFromChange([png])).toEqual([png]);
    expect(valueFromChange(['a', 1])).toEqual(['a']);
  });

  it('refuses a file over the limit, past maxFiles (default 20) or not an image', () => {
    expect(pickProblem(docs, { name: 'big.zip', size: MAX_FILE_BYTES + 1, type: 'application/zip' }, 0)?.key).toBe('widget.fileTooLarge');
    expect(pickProblem(docs, { name: 'a.txt', size: 1, type: 'text/plain' }, 19)).toBeNull();
    expect(pickProblem(docs, { name: 'a.txt', size: 1, type: 'text/plain' }, 20)?.key).toBe('widget.fileTooMany');
    expect(pickProblem(photo, { name: 'a.png', size: 68, type: 'image/png' }, 2)?.key).toBe('widget.fileTooMany');
    expect(pickProblem(photo, { name: 'a.pdf', size: 68, type: 'application/pdf' }, 0)?.key).toBe('widget.fileNotImage');
    expect(acceptedUpload(photo, { ...png, mime: 'application/octet-stream' })).toBe(false);
    expect(acceptedUpload(docs, { ...png, mime: 'application/octet-stream' })).toBe(true);
  });

  it('names refusals by status and builds the record download url', () => {
    expect(uploadStatusProblem(413, 'a')?.key).toBe('widget.fileTooLarge');
    expect(uploadStatusProblem(415, 'a')?.key).toBe('widget.fileRejected');
    expect(uploadStatusProblem(0, 'a')?.key).toBe('error.network');
    expect(uploadStatusProblem(500, 'a')).toBeNull();
    expect(recordFileUrl('crm', 'lead', 'r1', 'f1')).toBe('/api/apps/crm/objects/lead/records/r1/files/f1');
  });
});
