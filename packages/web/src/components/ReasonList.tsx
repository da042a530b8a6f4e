/** Why a hit matched, one reason a line; a reason quotes names, so its direction comes from its text. */
export function ReasonList({ reasons }: { reasons: readonly string[] }) {
  return (
    <ul>
      {reasons.map((r) => (
        <li key={r} dir="auto">
          {r}
        </li>
      ))}
    </ul>
  );
}
