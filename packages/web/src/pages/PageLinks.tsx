import { useI18n } from '../i18n/i18n.tsx';
import type { PageMeta } from '../routes.ts';

/** The pages a user can open, as links: where to go from an address that shows nothing. */
export function PageLinks({ pages, navigate }: { pages: readonly PageMeta[]; navigate: (to: string) => void }) {
  const { t } = useI18n();
  if (pages.length === 0) return <p>{t('common.noPages')}</p>;
  return (
    <nav aria-labelledby="page-links-title">
      <p id="page-links-title">{t('navigation.canOpen')}</p>
      <ul>
        {pages.map((p) => (
          <li key={p.id}>
            <PageLink page={p} navigate={navigate} />
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A link to one page that the app opens itself (no reload); `current` marks the page on screen. */
export function PageLink({ page, navigate, current = false }: { page: PageMeta; navigate: (to: string) => void; current?: boolean }) {
  const { t } = useI18n();
  return (
    <a
      href={page.path}
      aria-current={current ? 'page' : undefined}
      onClick={(e) => {
        e.preventDefault();
        navigate(page.path);
      }}
    >
      {t(page.navKey)}
    </a>
  );
}
