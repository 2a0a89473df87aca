// In the page: one hydrate, from the browser build of the package.
'use client';
import { useEffect } from 'react';
export default function Hydrate() {
  useEffect(() => { import('factbox').then((m) => { m.hydrate(); document.documentElement.dataset.hydrated = 'yes'; }); }, []);
  return null;
}
