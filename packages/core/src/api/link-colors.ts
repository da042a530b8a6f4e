/** The colours of an identity link (zod-free: the web's links page imports it at run time). */
export const LINK_COLORS = ['yellow', 'white', 'green', 'red'] as const;
export type LinkColor = (typeof LINK_COLORS)[number];
