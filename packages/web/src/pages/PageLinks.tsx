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
            <a
              href={p.path}
              onClick={(e) => {
                e.preventDefault();
                navigate(p.path);
              }}
            >
              {t(p.navKey)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
