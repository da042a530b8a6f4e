/**
 * Which part of a query found a result: the person typed, the holder the MRZ names, a document
 * typed, the MRZ's document, the vehicle, a wallet address, an asset. Told with each result, in this order.
 */
export const PROBE_SOURCES = ['person', 'mrz-holder', 'document', 'mrz-document', 'vehicle', 'wallet', 'asset'] as const;
export type ProbeSource = (typeof PROBE_SOURCES)[number];
