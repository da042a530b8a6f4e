import { sql, type RawBuilder, type SqlBool } from 'kysely';

// The rules of lifecycle-dates.ts in SQL, over ISO day columns (text on both engines).

/** `isPastEndDate`. */
export function pastEndDateSql(expiresCol: string, today: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref(expiresCol)} is not null and ${sql.ref(expiresCol)} < ${today})`;
}

/** `isAtReviewDate`. */
export function atReviewDateSql(reviewCol: string, today: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref(reviewCol)} is not null and ${sql.ref(reviewCol)} <= ${today})`;
}

/** `needsReviewWarning`. */
export function needsReviewWarningSql(cols: { status: string; reviewDate: string; reviewWarnedFor: string }, until: string): RawBuilder<SqlBool> {
  const review = sql.ref(cols.reviewDate);
  const warned = sql.ref(cols.reviewWarnedFor);
  return sql<SqlBool>`(${sql.ref(cols.status)} = 'active' and ${review} is not null and ${review} <= ${until} and (${warned} is null or ${warned} <> ${review}))`;
}
