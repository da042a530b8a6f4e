// The asset alert vocabularies (issue 16): zod-free, for the schemas (assets/asset-schema.ts) and the web app.

/** What an asset alert can be about. */
export const ASSET_TYPES = ['bank-account', 'company', 'vessel', 'aircraft', 'real-estate', 'wallet', 'vehicle'] as const;
export type AssetType = (typeof ASSET_TYPES)[number];

/**
 * Why an asset is of interest. `asset-tracing` is INTERPOL's Silver Notice: locate the asset and
 * report it to the owner. The person categories kept are those an asset can serve: `arrest` and
 * `locate` (the assets of a wanted or sought person, to find the person through them or to seize),
 * `un-sanctions` (an asset freeze), `terrorist-fighter` (terrorist financing), `modus-operandi` (a
 * vessel, company or wallet used in a pattern of crime), `discreet-check` (report the asset's use
 * without alerting its holder; the frontline sees the instruction only, as for persons). `missing`,
 * `unidentified-body`, `warning` and `threat` describe a person's state or danger, not an asset's.
 */
export const ASSET_CATEGORIES = ['asset-tracing', 'arrest', 'locate', 'un-sanctions', 'terrorist-fighter', 'modus-operandi', 'discreet-check'] as const;
export type AssetCategory = (typeof ASSET_CATEGORIES)[number];

/** The person alerts one asset alert may name: enough for the holders and beneficial owners of one asset. */
export const MAX_ASSET_PERSONS = 20;
