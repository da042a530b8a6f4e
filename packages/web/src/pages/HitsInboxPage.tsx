import { useCallback, useRef } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { PageProps } from '../routes.ts';
import { HitList } from './hits/HitList.tsx';
import { HitThread } from './hits/HitThread.tsx';
import { useHitStream } from './hits/hit-stream.ts';
import './hits.css';

/**
 * The bureau's hits: the list (`/hits`), or one hit's thread of forms (`/hits?id=…`). One event
 * stream serves both, so new hits, forms and outcomes show without reload in either view.
 */
export function HitsInboxPage({ me, navigate, search }: PageProps) {
  const { t } = useI18n();
  const stream = useHitStream();
  const id = new URLSearchParams(search).get('id');
  // The last thread opened, so that the list gives focus back to its row.
  const lastOpened = useRef<string | null>(null);

  const open = useCallback(
    (hitId: string) => {
      lastOpened.current = hitId;
      navigate(`/hits?id=${encodeURIComponent(hitId)}`);
    },
    [navigate],
  );
  const back = useCallback(() => navigate('/hits'), [navigate]);

  return (
    <div className="inbox">
      {!id && <h1>{t('hits.title')}</h1>}
      <p className={`live ${stream.live ? 'on' : 'off'}`} data-testid="live">
        {stream.live ? t('hits.live') : t('hits.offline')}
      </p>
      {id ? <HitThread key={id} id={id} me={me} stream={stream} back={back} navigate={navigate} /> : <HitList stream={stream} open={open} focusId={lastOpened.current} />}
    </div>
  );
}
