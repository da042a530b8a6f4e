/** One EDIFACT segment: its tag and its data elements, each a list of components (release characters already applied). */
export interface Segment {
  tag: string;
  /** The data elements after the tag: `elements[0]` is the first (`FL` in `NAD+FL+++DOE:JOHN`). */
  elements: string[][];
  /** 1-based position in the interchange (UNB is 1). */
  index: number;
  /** 1-based line where the segment starts. */
  line: number;
}

/** Component `c` of element `e`, trimmed; '' when absent. Never throws, whatever the segment holds. */
export function value(segment: Segment, e: number, c = 0): string {
  return segment.elements[e]?.[c]?.trim() ?? '';
}

/** Like `value`, upper-cased: for codes and qualifiers, which senders do not always write in capitals. */
export function codeValue(segment: Segment, e: number, c = 0): string {
  return value(segment, e, c).toUpperCase();
}

/** The segment as it could be written again with the default separators (for messages to people). */
export function show(segment: Segment, max = 80): string {
  const text = [segment.tag, ...segment.elements.map((el) => el.join(':'))].join('+');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
