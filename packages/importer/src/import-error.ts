import type { MessageParams } from '@tessera/i18n';

export type ImportErrorCode = 'import.not_found' | 'import.file_type' | 'import.file_unreadable' | 'import.mapping_invalid' | 'import.state';

const STATUS: Record<ImportErrorCode, 400 | 404 | 409 | 422> = {
  'import.not_found': 404,
  'import.file_type': 422,
  'import.file_unreadable': 422,
  'import.mapping_invalid': 422,
  'import.state': 409,
};

/** A refusal of an import as a whole (not of a row), with a stable code, translated at the edge. */
export class ImportError extends Error {
  readonly status: number;
  constructor(
    readonly code: ImportErrorCode,
    readonly params: MessageParams = {},
  ) {
    super(code);
    this.name = 'ImportError';
    this.status = STATUS[code];
  }
}
