import { useI18n } from '../i18n/i18n.tsx';
import type { PageMeta } from '../routes.ts';
import { PageLinks } from './PageLinks.tsx';

/** An address that names no page of the app (a mistyped or stale bookmark), said in words. */
export function NotFoundPage({ path, pages, navigate }: { path: string; pages: readonly PageMeta[]; navigate: (to: string) => void }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="not-found-title" data-testid="not-found">
      <h1 id="not-found-title">{t('navigation.notFound.title')}</h1>
      <p>{t('navigation.notFound.body', { path })}</p>
      <PageLinks pages={pages} navigate={navigate} />
    </section>
  );
}
