import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import { Dialog } from './Dialog.js';
import { Alert } from './Messages.js';
import { errorText } from './messages.js';
import type { Session } from './useSession.js';

interface Values {
  email: string;
  password: string;
}

/** Email and password; the server answers with an HTTP-only session cookie. */
export function LoginDialog({ session, onClose }: { session: Session; onClose: () => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<Values>({ defaultValues: { email: '', password: '' } });
  const submit = handleSubmit(async ({ email, password }) => {
    setFailure(null);
    try {
      await session.login(email.trim(), password);
      onClose();
    } catch (error) {
      setFailure(
        error instanceof ApiError && error.code === 'UNAUTHENTICATED' ? t('edit.login.wrong') : errorText(error, t),
      );
    }
  });
  const { errors } = formState;
  return (
    <Dialog title={t('edit.login.title')} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <label>
          {t('edit.login.email')}
          <input
            type="email"
            autoComplete="username"
            aria-invalid={errors.email ? true : undefined}
            {...register('email', { required: t('edit.required') })}
          />
        </label>
        {errors.email && <p className="field-error">{errors.email.message}</p>}
        <label>
          {t('edit.login.password')}
          <input
            type="password"
            autoComplete="current-password"
            aria-invalid={errors.password ? true : undefined}
            {...register('password', { required: t('edit.required') })}
          />
        </label>
        {errors.password && <p className="field-error">{errors.password.message}</p>}
        <Alert message={failure} />
        <div className="form-buttons">
          <button type="submit" className="primary" disabled={formState.isSubmitting}>
            {t('edit.login.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
