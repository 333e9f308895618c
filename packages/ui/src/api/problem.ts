/** RFC 9457 problem details as the Tessera server sends them (docs/api-contract.md). */
export interface ProblemFieldError {
  pointer?: string;
  field?: string;
  code: string;
  message: string;
}

export interface Problem {
  type?: string;
  title: string;
  status: number;
  code?: string;
  detail?: string;
  errors?: ProblemFieldError[];
}

/** Every failed API call rejects with this: an HTTP problem, or status 0 when the network failed. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem | null;

  constructor(status: number, code: string, problem: Problem | null, message?: string) {
    super(message ?? problem?.detail ?? problem?.title ?? code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.problem = problem;
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

export interface FieldErrorMap {
  /** Messages per record field id, in the order the server sent them. */
  byField: Record<string, string[]>;
  /** Messages that name no field (or a field the form does not show). */
  general: string[];
}

/** `/values/phone` → `phone`; JSON pointer escapes (~1 for `/`, ~0 for `~`) are undone. */
export function fieldFromPointer(pointer: string | undefined): string | null {
  if (!pointer) return null;
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (segments[0] === 'values' && segments[1]) return segments[1];
  return null;
}

/**
 * Groups a problem's `errors` by record field so a form can show each message on its item.
 * `field` wins; else the field is read from the pointer. Messages for fields outside
 * `knownFields` go to `general`, so nothing the server said is silently dropped.
 */
export function fieldErrorsOf(problem: Problem | null, knownFields?: ReadonlySet<string>): FieldErrorMap {
  const result: FieldErrorMap = { byField: {}, general: [] };
  for (const error of problem?.errors ?? []) {
    const field = error.field ?? fieldFromPointer(error.pointer);
    if (field && (!knownFields || knownFields.has(field))) {
      (result.byField[field] ??= []).push(error.message);
    } else {
      result.general.push(error.message);
    }
  }
  return result;
}

function isRecordLike(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseFieldError(value: unknown): ProblemFieldError | null {
  if (!isRecordLike(value) || typeof value.message !== 'string') return null;
  return {
    message: value.message,
    code: typeof value.code === 'string' ? value.code : 'unknown',
    ...(typeof value.field === 'string' ? { field: value.field } : {}),
    ...(typeof value.pointer === 'string' ? { pointer: value.pointer } : {}),
  };
}

/** Reads a problem body defensively: a proxy or a crash can answer with anything. */
export function parseProblem(body: unknown, status: number): Problem | null {
  if (!isRecordLike(body) || typeof body.title !== 'string') return null;
  const errors = Array.isArray(body.errors) ? body.errors.map(parseFieldError).filter((e): e is ProblemFieldError => e !== null) : undefined;
  return {
    title: body.title,
    status: typeof body.status === 'number' ? body.status : status,
    ...(typeof body.type === 'string' ? { type: body.type } : {}),
    ...(typeof body.code === 'string' ? { code: body.code } : {}),
    ...(typeof body.detail === 'string' ? { detail: body.detail } : {}),
    ...(errors ? { errors } : {}),
  };
}
