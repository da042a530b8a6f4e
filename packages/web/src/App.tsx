import { lazy, Suspense, useCallback, useEffect, useState, type ComponentType } from 'react';
import { api, ApiError, type Me } from './api/client.ts';
import { LanguageSwitcher } from './components/LanguageSwitcher.tsx';
import { resourceCache } from './data/resource.ts';
import { useI18n } from './i18n/i18n.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotAllowedPage } from './pages/NotAllowedPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { PageLink } from './pages/PageLinks.tsx';
import { loginPathFor, nextOf, PAGES, pagesFor, routeOf, type PageMeta, type PageProps } from './routes.ts';
import { sessionHint } from './session-hint.ts';

// One lazy component per page, made once: React keeps a loaded page's code across navigations.
const COMPONENTS = new Map<string, ComponentType<PageProps>>(PAGES.map((p) => [p.id, lazy(p.load)]));

type SessionState = { status: 'checking' } | { status: 'out' } | { status: 'in'; me: Me };

export function App() {
  const { t, setLanguage } = useI18n();
  const [session, setSession] = useState<SessionState>(() => (sessionHint.get() ? { status: 'checking' } : { status: 'out' }));
  const [path, setPath] = useState(() => location.pathname);
  // Re-render a page when only its query changes (back/forward between an item and its list).
  const [search, setSearch] = useState(() => location.search);

  useEffect(() => {
    const onPop = () => {
      setPath(location.pathname);
      setSearch(location.search);
    };
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  const loadMe = useCallback(async () => {
    try {
      const me = await api.me();
      // The user's own choice, made on any browser, wins over this browser's.
      if (me.language) setLanguage(me.language);
      sessionHint.set(true);
      setSession({ status: 'in', me });
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) console.warn('session check failed', e);
      resourceCache.clear();
      sessionHint.set(false);
      setSession({ status: 'out' });
    }
  }, [setLanguage]);

  useEffect(() => {
    if (session.status === 'checking') void loadMe();
  }, [session.status, loadMe]);

  // `to` may carry a query (`/hits?id=…`): pages read their sub-view from location.search.
  const navigate = useCallback((to: string) => {
    if (to !== location.pathname + location.search) history.pushState(null, '', to);
    setPath(new URL(to, location.href).pathname);
    setSearch(location.search);
  }, []);

  // For an address that must not stay in the history (`/login` once signed in): back skips it.
  const redirect = useCallback((to: string) => {
    history.replaceState(null, '', to);
    setPath(location.pathname);
    setSearch(location.search);
  }, []);

  // The address follows what is shown. Signed out, every address shows the login form, so it
  // becomes `/login`, remembering the page asked for; signed in, `/login` and `/` become the page
  // shown: the one first asked for, or the role's first page.
  const role = session.status === 'in' ? session.me.role : null;
  useEffect(() => {
    if (session.status === 'out') {
      if (path !== '/login') redirect(loginPathFor(path + search));
      return;
    }
    if (!role) return;
    const route = routeOf(path, role);
    if (route.kind === 'landing' && route.page) redirect(nextOf(search) ?? route.page.path);
  }, [session.status, role, path, search, redirect]);

  const logOut = async () => {
    await api.logOut().catch(() => undefined);
    // Nothing one user read may be shown to whoever signs in next on this browser.
    resourceCache.clear();
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
  const route = routeOf(path, session.me.role);
  const page: PageMeta | undefined = route.kind === 'page' ? route.page : undefined;
  const Page = page && COMPONENTS.get(page.id);
  return (
    <>
      <header className="topbar">
        <span className="brand">{t('appName')}</span>
        <nav aria-label={t('appName')}>
          <ul>
            {pages.map((p) => (
              <li key={p.id}>
                <PageLink page={p} navigate={navigate} current={p === page} />
              </li>
            ))}
          </ul>
        </nav>
        <span className="who">{t('nav.signedInAs', { member: session.me.member, role: t(`role.${session.me.role}`) })}</span>
        <LanguageSwitcher onChosen={(l) => void api.setLanguage(l).catch((e: unknown) => console.warn('the language was not saved for the user', e))} />
        <button type="button" onClick={() => void logOut()}>
          {t('nav.logout')}
        </button>
      </header>
      <main id="main">
        {Page ? (
          <Suspense fallback={<p className="status" role="status">{t('common.loading')}</p>}>
            <Page key={page.id} me={session.me} navigate={navigate} search={search} />
          </Suspense>
        ) : route.kind === 'not-allowed' ? (
          <NotAllowedPage page={route.page} me={session.me} pages={pages} navigate={navigate} />
        ) : route.kind === 'not-found' ? (
          <NotFoundPage path={path} pages={pages} navigate={navigate} />
        ) : route.kind === 'landing' && route.page ? (
          // For the moment the address takes to become the page's (the effect above).
          <p className="status" role="status">{t('common.loading')}</p>
        ) : (
          <p className="status">{t('common.noPages')}</p>
        )}
      </main>
    </>
  );
}
