/* English, the reference: the other languages (navigation.fr.ts, .es.ts, .ar.ts) must have exactly these keys. */
export const en = {
  'navigation.notFound.title': 'Page not found',
  'navigation.notFound.body': 'There is no page at {path}. The address may be mistyped, or the page may have moved.',
  'navigation.notAllowed.title': 'Not open to your role',
  'navigation.notAllowed.body': 'The page {page} ({path}) is not open to your role ({role}). Ask your administrator if you need it.',
  'navigation.canOpen': 'Pages you can open:',
} as const;
