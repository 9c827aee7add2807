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

/** A headline's text: the server escapes &, <, > and " and adds only <mark> and </mark>. */
const headlineText = (html: string) =>
  html
    .replace(/<\/?mark>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
