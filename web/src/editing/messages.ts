import type { TFunction } from 'i18next';
import { ApiError } from '../api.js';

/**
 * A failed request in the reader's language: the codes the server guarantees
 * get their own sentence; a refusal of the input keeps the server's words,
 * which name the field and the rule.
 */
export function errorText(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('edit.errors.unknown', { error: String(error) });
  switch (error.code) {
    case 'UNAUTHENTICATED':
      return t('edit.errors.unauthenticated');
    case 'FORBIDDEN':
      return t('edit.errors.forbidden');
    case 'NOT_FOUND':
      return t('edit.errors.notFound');
    case 'BAD_USER_INPUT':
      return t('edit.errors.badInput', { error: error.message });
    case 'CONFLICT':
      return t('edit.errors.conflict');
    case 'RATE_LIMITED':
      return t(error.extensions.limit === 'ADDRESS' ? 'edit.errors.rateLimitedAddress' : 'edit.errors.rateLimited', {
        minutes: Math.ceil(Number(error.extensions.retryAfterSeconds ?? 900) / 60),
      });
    case 'SERVICE_UNAVAILABLE':
      return t('edit.errors.unavailable');
    case 'ALREADY_APPLIED':
      return t('edit.errors.alreadyApplied');
    default:
      return error.message;
  }
}
