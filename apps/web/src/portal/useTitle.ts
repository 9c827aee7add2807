import { useEffect } from 'react';

/** Each screen names itself in the browser tab (and for screen readers on navigation). */
export function useTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · Support`;
  }, [title]);
}
