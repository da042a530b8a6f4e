import { useId } from 'react';
import type { Finding, FindingLocation } from '../../api/chain.ts';
import { CopyId } from '../../components/CopyId.tsx';
import { dateTime } from '../../i18n/dates.ts';
import type { MessageKey } from '../../i18n/dictionary.ts';
import { formatMessage, messageText } from '../../i18n/format-message.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { FindingStatusControl } from './FindingStatusControl.tsx';
import { RevealContent } from './RevealContent.tsx';
import { methodText, percentText, placeText, sizeText } from './chain-words.ts';

interface Props {
  finding: Finding;
  mayReveal: boolean;
  mayDecide: boolean;
  onChanged: (f: Finding) => void;
}

/** One finding, as an investigator reads it: how it was written, what it is, where it is, what it matched, and its content behind "reveal". */
export function FindingCard({ finding: f, mayReveal, mayDecide, onChanged }: Props) {
  const { t, language } = useI18n();
  const id = useId();
  const plural = (key: MessageKey, args: Record<string, number>) => messageText(formatMessage(t(key), args, new Intl.PluralRules(language)));
  return (
    <article className={`card finding status-${f.status}`} aria-labelledby={`${id}-title`} data-testid="finding" data-method={f.method} data-id={f.id}>
      <header className="finding-head">
        <h3 id={`${id}-title`} data-testid="finding-method">
          {methodText(t, f.method)}
        </h3>
        <span className="finding-summary">
          <span data-testid="finding-size" title={`${f.size}`}>
            {sizeText(language, f.size)}
          </span>
          {' · '}
          {f.mediaType ? (
            <code dir="ltr" data-testid="finding-type">
              {f.mediaType}
            </code>
          ) : (
            <span className="meta">{t('chain.mediaUnknown')}</span>
          )}
        </span>
        <span className={`finding-status ${f.status}`} data-testid="finding-status">
          {t(`chain.statusValue.${f.status}`)}
        </span>
      </header>

      <section aria-label={plural('chain.locations', { count: f.locations.length })}>
        <h4>{plural('chain.locations', { count: f.locations.length })}</h4>
        <ul className="finding-locations">
          {f.locations.map((l, i) => (
            <Location key={i} method={f.method} location={l} />
          ))}
        </ul>
      </section>

      <dl className="finding-facts">
        {f.declaredType && f.declaredType !== f.mediaType && (
          <>
            <dt>{t('chain.declaredType')}</dt>
            <dd>
              <code dir="ltr">{f.declaredType}</code>
            </dd>
          </>
        )}
        <dt>{t('chain.hashes')}</dt>
        <dd className="finding-hashes">
          <Hash name="SHA-256" value={f.sha256} />
          <Hash name="MD5" value={f.md5} />
        </dd>
        {f.decoded && (
          <>
            <dt>{t('chain.decoded')}</dt>
            <dd data-testid="finding-decoded">
              <span>
                {t('chain.decodedOf', { encoding: f.decoded.encoding, size: sizeText(language, f.decoded.size) })}
                {f.decoded.mediaType && (
                  <>
                    {' · '}
                    <code dir="ltr">{f.decoded.mediaType}</code>
                  </>
                )}
              </span>
              {f.decoded.capped && (
                <p className="error finding-capped" data-testid="finding-capped">
                  {t('chain.capped', { size: sizeText(language, f.decoded.size) })}
                </p>
              )}
              <Hash name="SHA-256" value={f.decoded.sha256} />
              <Hash name="MD5" value={f.decoded.md5} />
            </dd>
          </>
        )}
        <dt>{t('chain.matches')}</dt>
        <dd data-testid="finding-matches">
          {f.matches.length === 0 ? (
            <span className="meta">{t('chain.noMatch')}</span>
          ) : (
            <ul className="finding-matches">
              {f.matches.map((m, i) => (
                <li key={i}>
                  <strong>{t(`chain.match.${m.source}`)}</strong>: <bdi dir="ltr">{m.name}</bdi> <span className="meta">({t(`chain.matchOn.${m.on}`)})</span>
                </li>
              ))}
            </ul>
          )}
        </dd>
        {f.text && (
          <>
            <dt>{t('chain.text')}</dt>
            <dd data-testid="finding-text">
              <span className="meta">
                {t('chain.textFacts', { ratio: percentText(language, f.text.printableRatio) })}
                {f.text.language && <> · {t('chain.language', { language: f.text.language })}</>}
              </span>
              {f.text.urls.length > 0 && <AddressList title={t('chain.urls')} items={f.text.urls} testId="finding-urls" />}
              {f.text.onions.length > 0 && <AddressList title={t('chain.onions')} items={f.text.onions} testId="finding-onions" />}
              <p className="finding-preview-title">{t('chain.preview')}</p>
              {/* As text: React escapes it; the bytes' own direction, whatever the page's. */}
              <pre className="finding-preview" dir="auto" data-testid="finding-preview">
                {f.text.preview}
              </pre>
            </dd>
          </>
        )}
        {Object.keys(f.fields).length > 0 && (
          <>
            <dt>{t('chain.fields')}</dt>
            <dd>
              {/* Protocol names and values, as the protocol writes them: one left-to-right block in every language. */}
              <dl className="finding-fields" dir="ltr" data-testid="finding-fields">
                {Object.entries(f.fields).map(([k, v]) => (
                  <div key={k}>
                    <dt>{k}</dt>
                    <dd>{String(v)}</dd>
                  </div>
                ))}
              </dl>
            </dd>
          </>
        )}
        {f.notes.length > 0 && (
          <>
            <dt>{t('chain.notes')}</dt>
            <dd>
              <ul className="finding-notes" data-testid="finding-notes">
                {f.notes.map((n, i) => (
                  <li key={i}>
                    <bdi dir="auto">{n}</bdi>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>{t('chain.firstSeen')}</dt>
        <dd>
          <time dateTime={f.firstSeenAt}>{dateTime(language, f.firstSeenAt)}</time> · {t('chain.owner')} <span className="member-code" dir="ltr">{f.owner}</span>
        </dd>
        <dt>{t('chain.content')}</dt>
        <dd>
          <RevealContent finding={f} mayReveal={mayReveal} />
        </dd>
      </dl>
      {mayDecide && <FindingStatusControl finding={f} onChanged={onChanged} />}
    </article>
  );
}

/** Where one copy of the bytes is: the transaction, its block, the place inside it. */
function Location({ method, location: l }: { method: Finding['method']; location: FindingLocation }) {
  const { t } = useI18n();
  return (
    <li data-testid="finding-location">
      <strong>{placeText(t, method, l.place)}</strong>
      <span className="finding-where">
        {t('chain.tx')} <CopyId id={l.txid} shown />
      </span>
      <span className="finding-where">
        {t('chain.block')}{' '}
        {l.height === null && l.blockHash === null ? (
          <span className="meta">{t('chain.noBlock')}</span>
        ) : (
          <>
            {/* Digits as explorers print them, to be looked up elsewhere. */}
            <span>{l.height === null ? t('chain.heightUnknown') : t('chain.height', { height: String(l.height) })}</span>
            {l.blockHash && <CopyId id={l.blockHash} shown />}
          </>
        )}
      </span>
    </li>
  );
}

function Hash({ name, value }: { name: string; value: string }) {
  return (
    <span className="finding-hash">
      <span className="meta" dir="ltr">
        {name}
      </span>{' '}
      <CopyId id={value} shown />
    </span>
  );
}

/** Addresses found in the text, as text only: a click on one must never reach it from a police workstation. */
function AddressList({ title, items, testId }: { title: string; items: string[]; testId: string }) {
  return (
    <div className="finding-addresses">
      <p>{title}</p>
      <ul data-testid={testId}>
        {items.map((u, i) => (
          <li key={i}>
            <code dir="ltr">{u}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
