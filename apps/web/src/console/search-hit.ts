/**
 * The subject of a search hit with its matches marked, when the hit is in the subject and its
 * headline is the whole subject (a subject of up to 30 words is headlined whole: migration
 * 20261129T0200_search_headline_whole). The result card then marks the words in its title instead
 * of printing the subject a second time under it. Null otherwise (a hit in a message, or a long
 * subject headlined by fragments): the headline goes under the title as before.
 */
export function markedSubject(hit: {
  matched_in: 'subject' | 'message';
  headline: string;
  case: { subject: string };
}) {
  if (hit.matched_in !== 'subject') return null;
  return headlineText(hit.headline) === hit.case.subject ? hit.headline : null;
}

/**
 * Where a hit's words were found, for the line under it: null when its headline marks no word. A
 * search of only negated words ("-refund") finds the newest cases whose subject lacks them; such
 * a hit comes as one in the subject, but nothing in it matched, and saying so would mislead.
 */
export function matchedWhere(hit: { matched_in: 'subject' | 'message'; headline: string }) {
  return hit.headline.includes('<mark>') ? hit.matched_in : null;
}

/** Whether a query only excludes words ("-refund -stove"): its hits are the newest cases without them. */
export const onlyExcludes = (q: string) => {
  const words = q.trim().split(/\s+/).filter(Boolean);
  return words.length > 0 && words.every((w) => w.startsWith('-') && w.length > 1);
};

/** A headline's text: the server escapes &, <, > and " and adds only <mark> and </mark>. */
const headlineText = (html: string) =>
  html
    .replace(/<\/?mark>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
