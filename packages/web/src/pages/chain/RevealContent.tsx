import { useEffect, useRef, useState } from 'react';
import { chainApi, type Finding } from '../../api/chain.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { failure } from '../../i18n/labels.ts';
import { contentView, sizeText } from './chain-words.ts';
import { DecodeError, decodeContent } from './decode-content.ts';

type State = { kind: 'hidden' } | { kind: 'fetching' } | { kind: 'failed'; detail: string } | { kind: 'shown'; url: string; size: number };

/**
 * The content of a finding, behind an explicit "reveal": nothing is requested before the button
 * is pressed (the server records every read of the content). Once fetched with the session, the
 * bytes become a blob: URL typed by what the bytes were found to be, drawn in an <img> when they
 * are a picture (an SVG in an <img> runs no script) and otherwise offered as a file to save;
 * a web page or script is never displayed. Hiding again, or leaving, frees the bytes.
 */
export function RevealContent({ finding, mayReveal }: { finding: Finding; mayReveal: boolean }) {
  const { t, language } = useI18n();
  const view = contentView(finding);
  const [state, setState] = useState<State>({ kind: 'hidden' });
  const request = useRef<AbortController | null>(null);

  // The object URL lives as long as it is shown.
  const shownUrl = state.kind === 'shown' ? state.url : null;
  useEffect(() => (shownUrl ? () => URL.revokeObjectURL(shownUrl) : undefined), [shownUrl]);
  useEffect(() => () => request.current?.abort(), []);

  if (!mayReveal) return <p className="help chain-hidden">{t('chain.hiddenNoRight')}</p>;
  if (!finding.contentKept) return <p className="help chain-hidden">{t('chain.notKept')}</p>;

  const reveal = async () => {
    request.current?.abort();
    const controller = new AbortController();
    request.current = controller;
    setState({ kind: 'fetching' });
    try {
      const content = await chainApi.content(finding.id, controller.signal);
      const bytes = view.kind === 'image' && view.decode ? await decodeContent(new Uint8Array(content.bytes), view.decode.encoding, view.decode.size) : new Uint8Array(content.bytes);
      // The type is set here, from the identification, never from what the response or the transaction claims.
      const blob = new Blob([bytes], { type: view.kind === 'image' ? view.type : 'application/octet-stream' });
      if (!controller.signal.aborted) setState({ kind: 'shown', url: URL.createObjectURL(blob), size: blob.size });
    } catch (e) {
      if (!controller.signal.aborted) setState({ kind: 'failed', detail: e instanceof DecodeError ? t('chain.undecodable') : failure(t, e) });
    }
  };
  const hide = () => {
    request.current?.abort();
    setState({ kind: 'hidden' });
  };

  return (
    <div className="chain-content" data-testid="chain-content">
      {state.kind === 'shown' ? (
        view.kind === 'image' ? (
          <figure>
            <img src={state.url} alt={t('chain.imageAlt', { sha256: finding.sha256.slice(0, 16) })} data-testid="chain-image" />
          </figure>
        ) : (
          <p>
            {view.active && <span className="help">{t('chain.notRendered')} </span>}
            <a href={state.url} download={view.name} data-testid="chain-download">
              {t('chain.download', { size: sizeText(language, state.size) })}
            </a>
          </p>
        )
      ) : (
        <p className="help chain-hidden">{t('chain.hidden')}</p>
      )}
      {state.kind === 'failed' && (
        <p role="alert" className="error">
          {t('chain.revealFailed', { detail: state.detail })}
        </p>
      )}
      {state.kind === 'shown' ? (
        <button type="button" onClick={hide} data-testid="chain-hide">
          {t('chain.hide')}
        </button>
      ) : (
        <button type="button" className="primary" disabled={state.kind === 'fetching'} onClick={() => void reveal()} data-testid="chain-reveal">
          {state.kind === 'fetching' ? t('chain.revealing') : view.kind === 'image' ? t('chain.revealImage') : t('chain.reveal')}
        </button>
      )}
    </div>
  );
}
