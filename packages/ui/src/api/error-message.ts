import type { Translate } from '../i18n/messages';
import { ApiError } from './problem';

/**
 * One line for the user. The server already speaks their language (Accept-Language), so its
 * detail or title wins; only transport failures need our own words.
 */
export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.isNetworkError) return t('error.network');
    return error.problem?.detail ?? error.problem?.title ?? t('error.unexpected', { status: error.status });
  }
  return t('error.unexpected', { status: error instanceof Error ? error.message : String(error) });
}
