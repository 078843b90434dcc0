/** A failed admin request in plain words, plus the server's own message when it sent one. */
import { ApiFailure } from './api';
import type { Translator } from './i18n';

export function apiErrorMessage(t: Translator, err: unknown): string {
  const kind = err instanceof ApiFailure ? err.kind : 'server';
  const plain =
    kind === 'network'
      ? t('api.error.network')
      : kind === 'unauthorized'
        ? t('api.error.unauthorized')
        : kind === 'notFound'
          ? t('api.error.notFound')
          : t('api.error.other');
  const serverMessage = err instanceof ApiFailure ? err.serverMessage : null;
  return serverMessage ? `${plain} ${t('api.error.serverSays', { message: serverMessage.slice(0, 200) })}` : plain;
}
