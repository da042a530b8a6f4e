/** Hits from carrier checks (I-Checkit style): an airline's or shipping line's check of a travel document. */
export const en = {
  'carrier.origin': 'Carrier check',
  'carrier.originLabel': 'Origin',
  'carrier.originDetail': 'A carrier’s key checked this travel document before boarding; the carrier was told only to refer the traveller to the authorities.',
};
