import type { Me } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { PageMeta } from '../routes.ts';
import { PageLinks } from './PageLinks.tsx';

/**
 * A page of the app that the user's role may not open: said so at the address asked for, rather
 * than another page shown under it, with the pages the role can open. The API refuses the same
 * requests whatever is shown here.
 */
export function NotAllowedPage({ page, me, pages, navigate }: { page: PageMeta; me: Me; pages: readonly PageMeta[]; navigate: (to: string) => void }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="not-allowed-title" data-testid="not-allowed">
      <h1 id="not-allowed-title">{t('navigation.notAllowed.title')}</h1>
      <p>{t('navigation.notAllowed.body', { page: t(page.navKey), path: page.path, role: t(`role.${me.role}`) })}</p>
      <PageLinks pages={pages} navigate={navigate} />
    </section>
  );
}
