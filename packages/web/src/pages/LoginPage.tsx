import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { sessionHint } from '../session-hint.ts';

export function LoginPage({ onLoggedIn }: { onLoggedIn: () => void }) {
  const { t, language } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.logIn(username, password);
      sessionHint.set(true);
      onLoggedIn();
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) {
        const time = new Date(Date.now() + (err.retryAfter ?? 60) * 1000).toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short' });
        setError(t('login.tooMany', { time }));
      } else setError(err instanceof ApiError && (err.status === 401 || err.status === 422) ? t('login.failed') : t('common.networkError'));
      setBusy(false);
    }
  };

  return (
    <form className="card login" onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <label>
        {t('login.username')}
        <input name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} autoFocus />
      </label>
      <label>
        {t('login.password')}
        <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? t('login.busy') : t('login.submit')}
      </button>
    </form>
  );
}
