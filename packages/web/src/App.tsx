import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, type Me } from './api/client.ts';
import { LanguageSwitcher } from './components/LanguageSwitcher.tsx';
import { useI18n } from './i18n/i18n.tsx';
import { AlertsPage } from './pages/AlertsPage.tsx';
import { HitsInboxPage } from './pages/HitsInboxPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { ScreeningPage } from './pages/ScreeningPage.tsx';
import { PAGE_PATHS, pageOfPath, pagesFor, type Page } from './routes.ts';
import { sessionHint } from './session-hint.ts';

type SessionState = { status: 'checking' } | { status: 'out' } | { status: 'in'; me: Me };

export function App() {
  const { t } = useI18n();
  const [session, setSession] = useState<SessionState>(() => (sessionHint.get() ? { status: 'checking' } : { status: 'out' }));
  const [path, setPath] = useState(() => location.pathname);

  useEffect(() => {
    const onPop = () => setPath(location.pathname);
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  const loadMe = useCallback(async () => {
    try {
      const me = await api.me();
      sessionHint.set(true);
      setSession({ status: 'in', me });
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) console.warn('session check failed', e);
      sessionHint.set(false);
      setSession({ status: 'out' });
    }
  }, []);

  useEffect(() => {
    if (session.status === 'checking') void loadMe();
  }, [session.status, loadMe]);

  const navigate = useCallback((to: string) => {
    if (to !== location.pathname) history.pushState(null, '', to);
    setPath(to);
  }, []);

  const logOut = async () => {
    await api.logOut().catch(() => undefined);
    sessionHint.set(false);
    setSession({ status: 'out' });
    navigate('/login');
  };

  if (session.status === 'checking') return <p className="status" role="status">{t('common.loading')}</p>;
  if (session.status === 'out') {
    return (
      <>
        <header className="topbar">
          <span className="brand">{t('appName')}</span>
          <LanguageSwitcher />
        </header>
        <main id="main">
          <LoginPage onLoggedIn={() => setSession({ status: 'checking' })} />
        </main>
      </>
    );
  }

  const pages = pagesFor(session.me.role);
  const requested = pageOfPath(path);
  const page: Page | undefined = requested && pages.includes(requested) ? requested : pages[0];
  return (
    <>
      <header className="topbar">
        <span className="brand">{t('appName')}</span>
        <nav aria-label={t('appName')}>
          <ul>
            {pages.map((p) => (
              <li key={p}>
                <a
                  href={PAGE_PATHS[p]}
                  aria-current={p === page ? 'page' : undefined}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(PAGE_PATHS[p]);
                  }}
                >
                  {t(`nav.${p}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <span className="who">{t('nav.signedInAs', { member: session.me.member, role: t(`role.${session.me.role}`) })}</span>
        <LanguageSwitcher />
        <button type="button" onClick={() => void logOut()}>
          {t('nav.logout')}
        </button>
      </header>
      <main id="main">
        {page === 'screen' && <ScreeningPage me={session.me} />}
        {page === 'hits' && <HitsInboxPage />}
        {page === 'alerts' && <AlertsPage />}
        {page === undefined && <p className="status">{t('common.noPages')}</p>}
      </main>
    </>
  );
}
